import Foundation

/// A slow, independent pseudonymiser written from the README's words, to check `PseudonymTable`:
/// names are whole words (not next to a letter or digit), case and diacritics are ignored (each
/// scalar is decomposed, its marks dropped, lower-cased), the words of a name may be separated by
/// any run of white space, hyphens, dashes and apostrophes, and a name may carry a genitive `s`. It tries every name at
/// every position; no automaton, no shared folding code.
struct NaivePseudonymiser {
    var entries: [(name: String, pseudonym: String)]

    /// One scalar as compared: lower case, without marks; empty for a mark or joiner.
    static func fold(_ scalar: Unicode.Scalar) -> [Character] {
        if [0xAD, 0x200C, 0x200D, 0x2060, 0xFEFF].contains(scalar.value) { return [] }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return []
        default: break
        }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }
        return Array(String(String.UnicodeScalarView(decomposed)).lowercased())
    }

    static func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// What may stand between the words of a name.
    static func joinsWords(_ character: Character) -> Bool {
        character.isWhitespace || "-'‘’‛′‵‐‑‒–—―".contains(character)
    }

    /// A name's words, folded: the runs of letters and digits.
    static func words(of name: String) -> [[Character]] {
        let folded = name.unicodeScalars.flatMap(fold)
        return folded.split(whereSeparator: { !isWord($0) }).map(Array.init)
    }

    /// Every listed name found in `text`: scalar offsets, entry, genitive.
    func hits(in text: String) -> [(start: Int, end: Int, entry: Int, genitive: Bool)] {
        let scalars = Array(text.unicodeScalars)
        var folded: [Character] = [], origin: [Int] = []
        for (position, scalar) in scalars.enumerated() {
            for character in Self.fold(scalar) { folded.append(character); origin.append(position) }
        }
        func boundary(before position: Int) -> Bool { position == 0 || !Self.isWord(folded[position - 1]) }
        func boundary(after position: Int) -> Bool { position == folded.count || !Self.isWord(folded[position]) }
        func originalEnd(_ foldedEnd: Int) -> Int {
            var end = origin[foldedEnd - 1] + 1
            while end < scalars.count, Self.fold(scalars[end]).isEmpty { end += 1 }
            return end
        }
        var hits: [(start: Int, end: Int, entry: Int, genitive: Bool)] = []
        for (entry, name) in entries.enumerated() {
            let words = Self.words(of: name.name)
            guard !words.isEmpty else { continue }
            for start in folded.indices where boundary(before: start) {
                var position = start
                var matched = true
                for (number, word) in words.enumerated() {
                    if number > 0 {
                        // Between the words: at least one separator, any number.
                        let separatorStart = position
                        while position < folded.count, Self.joinsWords(folded[position]) { position += 1 }
                        if position == separatorStart { matched = false; break }
                    }
                    guard position + word.count <= folded.count, Array(folded[position..<position + word.count]) == word else { matched = false; break }
                    position += word.count
                }
                guard matched else { continue }
                if boundary(after: position) {
                    hits.append((origin[start], originalEnd(position), entry, false))
                }
                if position < folded.count, folded[position] == "s", boundary(after: position + 1) {
                    hits.append((origin[start], originalEnd(position + 1), entry, true))
                }
            }
        }
        return hits
    }

    /// `text` with the names replaced: overlapping hits form one stretch with the pseudonym of the
    /// leftmost, longest name; a genitive `s` at the stretch's end is kept.
    func apply(to text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var cursor = 0
        for stretch in stretches(in: text) {
            result.append(contentsOf: scalars[cursor..<stretch.start])
            result.append(contentsOf: entries[stretch.entry].pseudonym.unicodeScalars)
            if stretch.genitive {
                var s = stretch.end - 1
                while Self.fold(scalars[s]).isEmpty { s -= 1 }
                result.append(contentsOf: scalars[s..<stretch.end])
            }
            cursor = stretch.end
        }
        result.append(contentsOf: scalars[cursor...])
        return String(result)
    }

    /// What is replaced: overlapping hits form one stretch, led by the leftmost, longest name.
    func stretches(in text: String) -> [(start: Int, end: Int, entry: Int, genitive: Bool)] {
        let sorted = hits(in: text).sorted {
            ($0.start, -$0.end, $0.genitive ? 1 : 0, $0.entry) < ($1.start, -$1.end, $1.genitive ? 1 : 0, $1.entry)
        }
        var stretches: [(start: Int, end: Int, entry: Int, genitive: Bool)] = []
        for hit in sorted {
            if let last = stretches.last, hit.start < last.end {
                if hit.end > last.end { stretches[stretches.count - 1].end = hit.end; stretches[stretches.count - 1].genitive = hit.genitive }
                continue
            }
            stretches.append(hit)
        }
        return stretches
    }

    /// The listed names (as listed) whose pseudonyms replace something in `text`.
    func names(in text: String) -> Set<String> {
        Set(stretches(in: text).map { entries[$0.entry].name })
    }
}
