import Foundation

/// Reads WebVTT (.vtt) and SubRip (.srt) subtitles as a transcript: one line per speaker turn.
///
/// Speakers come from WebVTT voice tags (`<v Anouk>`) or a `Name:` prefix. Consecutive cues of
/// the same speaker become one turn, and a cue without a speaker continues the turn before it,
/// so the result reads like a typed transcript; each turn keeps the start time of its first cue.
public struct SubtitleReader: Sendable {
    /// Creates a reader; the format is recognised from the content (a `WEBVTT` header or not).
    public init() {}

    /// Extracts the turns and their start times from the bytes of a .vtt or .srt file.
    public func read(_ data: Data) throws(DocumentReaderError) -> ExtractedText {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidEncoding(line: Self.lineOfFirstInvalidByte(in: bytes))
        }
        return try read(text)
    }

    /// Extracts the turns and their start times from subtitle text.
    public func read(_ source: String) throws(DocumentReaderError) -> ExtractedText {
        var text = source
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let isWebVTT = lines.first.map(Self.isWebVTTHeader) ?? false

        var turns: [Turn] = []
        var blockStart: Int?
        var isFirstBlock = true
        for index in 0...lines.count {
            let isBlank = index == lines.count || lines[index].allSatisfy(\.isWhitespace)
            if !isBlank {
                if blockStart == nil { blockStart = index }
                continue
            }
            guard let start = blockStart else { continue }
            blockStart = nil
            defer { isFirstBlock = false }
            if isWebVTT, isFirstBlock { continue }
            let block = Array(lines[start..<index].enumerated().map { (start + $0.offset + 1, $0.element) })
            if isWebVTT, Self.isMetadataBlock(block[0].1) { continue }
            let cue = try Self.cue(from: block)
            Self.add(cue, isWebVTT: isWebVTT, to: &turns)
        }

        var assembler = TextAssembler()
        for (index, turn) in turns.enumerated() {
            let body = turn.parts.joined(separator: " ")
            let line = turn.speaker.map { "\($0): \(body)" } ?? body
            assembler.append(line: [.mark(.turn(index)), .plain(line)])
        }
        let assembled = assembler.assemble()
        let cueTimes = turns.indices.compactMap { index in
            assembled.positions[.turn(index)].map { CueTime(offset: $0.offset, seconds: turns[index].seconds) }
        }
        return ExtractedText(text: assembled.text, cueTimes: cueTimes)
    }

    // MARK: - Blocks and cues

    private struct Cue {
        var seconds: Double
        var lines: [Substring]
    }

    private struct Turn {
        var speaker: String?
        var parts: [String]
        var seconds: Double
    }

    private static func isWebVTTHeader(_ line: Substring) -> Bool {
        guard line.hasPrefix("WEBVTT") else { return false }
        let rest = line.dropFirst(6)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }

    /// NOTE, STYLE and REGION blocks carry no cue text.
    private static func isMetadataBlock(_ line: Substring) -> Bool {
        for keyword in ["NOTE", "STYLE", "REGION"] where line.hasPrefix(keyword) {
            let rest = line.dropFirst(keyword.count)
            if rest.isEmpty || rest.first == " " || rest.first == "\t" { return true }
        }
        return false
    }

    /// A cue: an optional identifier (or SRT index) line, the timing line, then text lines.
    private static func cue(from block: [(Int, Substring)]) throws(DocumentReaderError) -> Cue {
        guard let timing = block.prefix(2).firstIndex(where: { $0.1.contains("-->") }) else {
            throw .missingCueTiming(line: block[0].0)
        }
        let (lineNumber, line) = block[timing]
        guard let arrow = line.range(of: "-->") else { throw .missingCueTiming(line: lineNumber) }
        let startText = line[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces)
        let afterArrow = line[arrow.upperBound...]
        let endToken = afterArrow.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
        guard let seconds = SubtitleTimestamp.seconds(startText) else {
            let column = line.distance(from: line.startIndex, to: line.firstIndex { !$0.isWhitespace } ?? line.startIndex) + 1
            throw .invalidTimestamp(line: lineNumber, column: column, text: startText)
        }
        guard SubtitleTimestamp.seconds(endToken) != nil else {
            let tokenStart = afterArrow.firstIndex { !$0.isWhitespace } ?? afterArrow.endIndex
            let column = line.distance(from: line.startIndex, to: tokenStart) + 1
            throw .invalidTimestamp(line: lineNumber, column: column, text: endToken)
        }
        return Cue(seconds: seconds, lines: block[(timing + 1)...].map(\.1))
    }

    /// Adds a cue's lines to the turns: a line with a speaker starts a turn unless the
    /// speaker is the current one; a line without continues the current turn.
    private static func add(_ cue: Cue, isWebVTT: Bool, to turns: inout [Turn]) {
        for line in cue.lines {
            let (speaker, text) = SubtitleText.speakerAndText(line, isWebVTT: isWebVTT)
            guard !text.isEmpty || speaker != nil else { continue }
            if let speaker, turns.last?.speaker != speaker || turns.isEmpty {
                turns.append(Turn(speaker: speaker, parts: text.isEmpty ? [] : [text], seconds: cue.seconds))
            } else if turns.isEmpty {
                turns.append(Turn(speaker: nil, parts: [text], seconds: cue.seconds))
            } else if !text.isEmpty {
                turns[turns.count - 1].parts.append(text)
            }
        }
    }

    private static func lineOfFirstInvalidByte(in data: Data) -> Int {
        var line = 1
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0x0A { line += 1 }
            case .error:
                return line
            case .emptyInput:
                return line
            }
        }
    }
}

/// Parses `hh:mm:ss.ttt`, `mm:ss.ttt` (WebVTT) and `hh:mm:ss,ttt` (SRT) timestamps.
enum SubtitleTimestamp {
    /// Seconds from the start, or nil when the text is not a timestamp.
    static func seconds(_ text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let last = parts[parts.count - 1]
        let secondParts = last.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        guard secondParts.count == 2,
              let hours = parts.count == 3 ? number(parts[0], digits: 1...9) : 0,
              let minutes = number(parts[parts.count - 2], digits: 1...2), minutes < 60,
              let seconds = number(secondParts[0], digits: 1...2), seconds < 60,
              let fraction = number(secondParts[1], digits: 1...3)
        else { return nil }
        let fractionValue = Double(fraction) / pow(10, Double(secondParts[1].count))
        return Double(hours * 3600 + minutes * 60 + seconds) + fractionValue
    }

    private static func number(_ text: Substring, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

/// Cue text cleaning: voice tags, other markup, character references and `Name:` prefixes.
enum SubtitleText {
    /// The speaker a cue line names, if any, and its plain text.
    static func speakerAndText(_ line: Substring, isWebVTT: Bool) -> (speaker: String?, text: String) {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        var speaker: String?
        if isWebVTT, let voice = voiceName(rest) {
            speaker = voice.name
            rest = voice.rest
        }
        var text = plain(rest)
        if speaker == nil, let labelled = labelPrefix(text) {
            speaker = labelled.label
            text = labelled.rest
        }
        return (speaker.map(TextAssembler.nfc), text)
    }

    /// `<v Name>` or `<v.class Name>` opening a line.
    private static func voiceName(_ line: Substring) -> (name: String, rest: Substring)? {
        guard line.hasPrefix("<v"), let close = line.firstIndex(of: ">") else { return nil }
        let inside = line[line.index(line.startIndex, offsetBy: 2)..<close]
        guard let first = inside.first, first == " " || first == "\t" || first == "." else { return nil }
        // Classes (`.loud`) run up to the first white space; the annotation after it is the name.
        guard let space = inside.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
        let name = inside[space...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        return (plain(Substring(name)), line[line.index(after: close)...])
    }

    /// `Name: text` (also after a dialogue dash), with a name that reads like a speaker label.
    private static func labelPrefix(_ text: String) -> (label: String, rest: String)? {
        var candidate = Substring(text)
        if let first = candidate.first, first == "-" || first == "–",
           candidate.dropFirst().first == " " {
            candidate = candidate.dropFirst(2)
        }
        guard let colon = candidate.firstIndex(of: ":") else { return nil }
        let after = candidate[candidate.index(after: colon)...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        let label = candidate[..<colon].trimmingCharacters(in: .whitespaces)
        guard let initial = label.unicodeScalars.first, initial.properties.isAlphabetic,
              FormattedSpeakerLabel.isLabel(ArraySlice(label.unicodeScalars))
        else { return nil }
        return (label, after.trimmingCharacters(in: .whitespaces))
    }

    /// Removes `<…>` tags and `{\…}` overrides, decodes character references, trims and collapses spaces.
    static func plain(_ text: Substring) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", let close = text[index...].firstIndex(of: ">") {
                index = text.index(after: close)
                continue
            }
            if character == "{", text[text.index(after: index)...].first == "\\",
               let close = text[index...].firstIndex(of: "}") {
                index = text.index(after: close)
                continue
            }
            if character == "&", let (decoded, next) = reference(in: text, at: index) {
                result.append(decoded)
                index = next
                continue
            }
            result.append(character)
            index = text.index(after: index)
        }
        return result.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    private static let namedReferences: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "lrm": "\u{200E}", "rlm": "\u{200F}",
    ]

    private static func reference(in text: Substring, at index: Substring.Index) -> (String, Substring.Index)? {
        let body = text[text.index(after: index)...].prefix(12)
        guard let semicolon = body.firstIndex(of: ";") else { return nil }
        let name = body[..<semicolon]
        let next = text.index(after: semicolon)
        if let named = namedReferences[name] { return (named, next) }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X"
            ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value, let scalar = Unicode.Scalar(value), scalar != "\0" else { return nil }
        return (String(scalar), next)
    }
}
