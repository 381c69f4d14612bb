/// SubRip (.srt) cue text as players show it (VLC's reading, as its capability test file describes):
/// formatting tags (`<i>`, `<b>`, `<u>`, `<s>`, `<font …>`) and other tags that are closed within the
/// cue are hidden, an unclosed or unopened unknown tag and a `<` that starts no tag are text;
/// ASS overrides (`{\an8}`) and MicroDVD codes (`{y:i}`) are hidden; `\N` is a line break and `\h`
/// a hard space; character references are decoded as in WebVTT.
enum SubRipCueText {
    /// The shown lines of a cue's text lines, one for one.
    ///
    /// - Complexity: O(*n*) in the length of the cue text.
    static func lines(_ lines: [Substring]) -> [CueTextLine] {
        let scalars = lines.map { Array($0.unicodeScalars) }
        let closes = scalars.map { nextIndices(of: ">", in: $0) }
        let braces = scalars.map { nextIndices(of: "}", in: $0) }
        // Which unknown tags are closed later in the cue (and so hidden): counted once, per tag name.
        var closings: [String: Int] = [:]
        for (line, close) in zip(scalars, closes) {
            var index = 0
            while index < line.count {
                if line[index] == "<", let tag = tag(in: line, at: index, close: close), tag.isEnd { closings[tag.name, default: 0] += 1 }
                index += 1
            }
        }
        var openings: [String: Int] = [:]
        return scalars.enumerated().map { offset, line in
            let close = closes[offset], brace = braces[offset]
            var text = String.UnicodeScalarView()
            var index = 0
            while index < line.count {
                let scalar = line[index]
                if scalar == "<", let tag = tag(in: line, at: index, close: close) {
                    let isFormatting = formattingTags.contains(tag.name)
                    if tag.isEnd {
                        closings[tag.name, default: 0] -= 1
                        if isFormatting || openings[tag.name, default: 0] > 0 {
                            openings[tag.name, default: 0] -= 1
                            index = tag.end
                            continue
                        }
                    } else if isFormatting || closings[tag.name, default: 0] > 0 {
                        openings[tag.name, default: 0] += 1
                        index = tag.end
                        continue
                    }
                } else if scalar == "{", let end = override(in: line, at: index, brace: brace) {
                    index = end
                    continue
                } else if scalar == "\\", index + 1 < line.count, line[index + 1] == "N" || line[index + 1] == "h" {
                    text.append(" ")
                    index += 2
                    continue
                } else if scalar == "&", let (decoded, next) = CharacterReference.consume(line, at: index + 1) {
                    text.append(contentsOf: decoded.unicodeScalars)
                    index = next
                    continue
                }
                text.append(scalar)
                index += 1
            }
            return CueTextLine(lineOffset: offset, voice: nil, text: String(text))
        }
    }

    private static let formattingTags: Set<String> = ["b", "i", "u", "s", "font"]

    /// For each position, where the next `scalar` at or after it stands (`line.count` when none), so
    /// looking for the end of a tag never scans the rest of the line again.
    private static func nextIndices(of scalar: Unicode.Scalar, in line: [Unicode.Scalar]) -> [Int] {
        var next = [Int](repeating: line.count, count: line.count + 1)
        for index in stride(from: line.count - 1, through: 0, by: -1) {
            next[index] = line[index] == scalar ? index : next[index + 1]
        }
        return next
    }

    /// A tag at `start`: `<name …>` or `</name>`, the name starting with a letter, lower-cased.
    private static func tag(in line: [Unicode.Scalar], at start: Int, close closes: [Int]) -> (name: String, isEnd: Bool, end: Int)? {
        var index = start + 1
        let isEnd = index < line.count && line[index] == "/"
        if isEnd { index += 1 }
        guard index < line.count, line[index].properties.isAlphabetic else { return nil }
        var name = String.UnicodeScalarView()
        while index < line.count, line[index].properties.isAlphabetic || ("0"..."9").contains(line[index]) || line[index] == "_" {
            name.append(line[index])
            index += 1
        }
        let close = closes[index]
        guard close < line.count else { return nil }
        if isEnd, close != index { return nil }
        if !isEnd, close != index, !line[index].properties.isWhitespace { return nil }
        return (String(name).lowercased(), isEnd, close + 1)
    }

    /// The end of `{\…}` (an ASS override) or `{x:…}` (a MicroDVD code); nil for other braces, which are text.
    private static func override(in line: [Unicode.Scalar], at start: Int, brace braces: [Int]) -> Int? {
        let close = braces[start]
        guard start + 1 < line.count, close < line.count else { return nil }
        let first = line[start + 1]
        if first == "\\" { return close + 1 }
        if first.properties.isAlphabetic, start + 2 < line.count, line[start + 2] == ":" { return close + 1 }
        return nil
    }
}
