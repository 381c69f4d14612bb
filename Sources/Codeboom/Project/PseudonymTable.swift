import Foundation

/// `Corpus/pseudoniemen.csv` (`naam,pseudoniem`): names that reports must never print.
public struct PseudonymTable: Sendable, Equatable {
    public static let fileName = "pseudoniemen.csv"

    public struct Entry: Sendable, Equatable {
        public var name: String
        public var pseudonym: String
    }

    /// Longest names first, so "Anna de Vries" is replaced before "Anna".
    public private(set) var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries.sorted { ($0.name.count, $0.name) > ($1.name.count, $1.name) }
    }

    public static func parse(_ text: String, file: String) -> (table: PseudonymTable, diagnostics: [Diagnostic]) {
        let csv = CSVTable(text: text)
        var diagnostics: [Diagnostic] = []
        guard csv.header.contains("naam"), csv.header.contains("pseudoniem") else {
            return (PseudonymTable(), [.error(SourceLocation(file: file, line: 1, column: 1), "columns naam,pseudoniem are missing",
                                              advice: "start the file with the header `naam,pseudoniem`")])
        }
        var entries: [Entry] = []
        for row in csv.rows {
            guard let name = row["naam"], let pseudonym = row["pseudoniem"] else {
                diagnostics.append(.error(SourceLocation(file: file, line: row.line, column: 1), "row needs both naam and pseudoniem",
                                          advice: "fill in both columns"))
                continue
            }
            entries.append(Entry(name: name, pseudonym: pseudonym))
        }
        return (PseudonymTable(entries: entries), diagnostics)
    }

    /// Replaces every listed name, as a whole word, case- and diacritic-insensitively.
    public func apply(to text: String) -> String {
        guard !entries.isEmpty else { return text }
        var result = text
        for entry in entries {
            result = Self.replaceWholeWord(entry.name, with: entry.pseudonym, in: result)
        }
        return result
    }

    /// The listed names that occur in a text, for `check`'s warning.
    public func names(in text: String) -> [String] {
        entries.filter { Self.ranges(of: $0.name, in: text).first != nil }.map(\.name)
    }

    static func ranges(of name: String, in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var searchStart = text.startIndex
        while let range = text.range(of: name, options: [.caseInsensitive, .diacriticInsensitive], range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWord: (Character?) -> Bool = { $0.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWord(before) && !isWord(after) { found.append(range) }
            searchStart = range.upperBound
        }
        return found
    }

    static func replaceWholeWord(_ name: String, with pseudonym: String, in text: String) -> String {
        let ranges = ranges(of: name, in: text)
        guard !ranges.isEmpty else { return text }
        var result = ""
        var cursor = text.startIndex
        for range in ranges {
            result += text[cursor..<range.lowerBound]
            result += pseudonym
            cursor = range.upperBound
        }
        result += text[cursor...]
        return result
    }
}
