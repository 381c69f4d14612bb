import Foundation

/// `Corpus/pseudoniemen.csv` (`naam,pseudoniem`): the names no output may print, and what to print instead.
///
/// Replacing is one pass over the original text: every listed name is found there (whole words, case and
/// diacritics ignored, a phrase across any white space), and each is replaced once, so a pseudonym is
/// never itself replaced again (`Joke → Anna`, `Anna → Joke` swaps the two). Longer names win over names
/// they contain (`Jan Willem` over `Jan`); a name followed by a genitive `s` (`Jokes`) is found too and
/// keeps its `s`. See `NameFinder` for overlapping names.
///
/// A table with `errors` cannot be trusted to hide every name: commands that print transcript text refuse
/// to run with it.
public struct PseudonymTable: Sendable, Equatable {
    /// The name of the table in `Corpus/`.
    public static let fileName = "pseudoniemen.csv"

    /// One row of the table: a name and what to print instead.
    public struct Entry: Sendable, Equatable {
        /// The name as listed; found as whole words, case and diacritics ignored.
        public var name: String
        /// What is printed in the name's place.
        public var pseudonym: String
        /// The line of `pseudoniemen.csv` that lists it; 0 when it comes from elsewhere.
        public var line: Int

        /// An entry; `line` is its row in `pseudoniemen.csv`, 0 when it comes from elsewhere.
        public init(name: String, pseudonym: String, line: Int = 0) {
            self.name = name
            self.pseudonym = pseudonym
            self.line = line
        }
    }

    /// One listed name found in a text.
    public struct Occurrence: Sendable, Equatable {
        /// The entry whose pseudonym replaces it.
        public var entry: Entry
        /// Unicode scalar offsets in the text, end exclusive; trailing combining marks included.
        public var range: Range<Int>
        /// Whether the last scalar is a genitive `s` after the name, kept after the pseudonym.
        public var isGenitive: Bool
    }

    /// The listed names in file order, rows that repeat a name with the same pseudonym merged.
    public private(set) var entries: [Entry]
    /// Why the table cannot be relied on (unreadable, a row without a pseudonym, a pseudonym that is a
    /// listed name, …); empty when every listed name will be replaced.
    public private(set) var errors: [ProjectError]
    private var finder: NameFinder

    /// Whether outputs that print transcript text may be made with this table.
    public var canPseudonymise: Bool { errors.isEmpty }

    /// A table of `entries`, checked as if read from `file`.
    public init(entries: [Entry] = [], file: String = "Corpus/\(PseudonymTable.fileName)") {
        var errors: [ProjectError] = []
        var kept: [Entry] = []
        var terms: [KeywordTerm?] = []
        var firstByFoldedName: [String: Int] = [:]
        func location(_ entry: Entry) -> SourceLocation {
            SourceLocation(file: file, line: entry.line > 0 ? entry.line : nil, column: entry.line > 0 ? 1 : nil)
        }
        for entry in entries {
            if let flaw = Self.flaw(inPseudonym: entry.pseudonym) {
                errors.append(.unprintablePseudonym(location(entry), pseudonym: entry.pseudonym, flaw: flaw))
            }
            guard let term = NameFinder.term(for: entry.name) else {
                errors.append(.unsearchableName(location(entry), name: entry.name))
                kept.append(entry)
                terms.append(nil)
                continue
            }
            let key = "\(term.form == .phrase ? "p" : "w") \(term.folded)"
            if let first = firstByFoldedName[key] {
                if kept[first].pseudonym != entry.pseudonym {
                    errors.append(.nameListedTwice(location(entry), name: entry.name, pseudonym: entry.pseudonym,
                                                   firstLine: kept[first].line, firstPseudonym: kept[first].pseudonym))
                }
                continue
            }
            firstByFoldedName[key] = kept.count
            kept.append(entry)
            terms.append(term)
        }
        let finder = NameFinder(names: terms)
        if let limit = finder.limitError {
            errors.append(.tooManyNames(SourceLocation(file: file, line: 1, column: 1), limit: limit))
        }
        // A pseudonym that holds a listed name would print that person's name where another is meant.
        for entry in kept {
            if let found = finder.stretches(in: entry.pseudonym).first {
                errors.append(.pseudonymIsListedName(location(entry), pseudonym: entry.pseudonym, name: entry.name,
                                                     listedName: kept[found.entry].name))
            }
        }
        self.entries = kept
        self.errors = errors
        self.finder = finder
    }

    /// A table that could not be read: it replaces nothing and refuses to be used.
    public static func unreadable(_ error: ProjectError) -> PseudonymTable {
        var table = PseudonymTable()
        table.errors = [error]
        return table
    }

    /// Reads the table; every problem is both in `diagnostics` and in the table's `errors`.
    public static func parse(_ text: String, file: String) -> (table: PseudonymTable, diagnostics: [Diagnostic]) {
        let csv = CSVTable(text: text)
        guard csv.header.contains("naam"), csv.header.contains("pseudoniem") else {
            let error = ProjectError.pseudonymColumnsMissing(SourceLocation(file: file, line: 1, column: 1))
            return (unreadable(error), [Diagnostic(error)])
        }
        var rowErrors: [ProjectError] = []
        var entries: [Entry] = []
        for row in csv.rows {
            guard let name = row["naam"], let pseudonym = row["pseudoniem"] else {
                rowErrors.append(.pseudonymRowIncomplete(SourceLocation(file: file, line: row.line, column: 1)))
                continue
            }
            entries.append(Entry(name: name, pseudonym: pseudonym, line: row.line))
        }
        var table = PseudonymTable(entries: entries, file: file)
        // In file order, as `check` lists them.
        table.errors = (rowErrors + table.errors).sorted { Diagnostic($0) < Diagnostic($1) }
        return (table, table.errors.map(Diagnostic.init))
    }

    /// Every listed name in `text`, in reading order, never overlapping.
    ///
    /// - Complexity: O(*n*) in the length of `text`, whatever the number of names.
    public func occurrences(in text: String) -> [Occurrence] {
        guard !entries.isEmpty else { return [] }
        return finder.stretches(in: text).map {
            Occurrence(entry: entries[$0.entry], range: $0.start..<$0.end, isGenitive: $0.genitive)
        }
    }

    /// `text` with every listed name replaced by its pseudonym, in one pass.
    public func apply(to text: String) -> String {
        let found = occurrences(in: text)
        guard !found.isEmpty else { return text }
        return Self.replacing(found, in: text, from: text.startIndex, at: 0, upTo: Int.max)
    }

    /// The distinct listed names that occur in a text, in table order, for `check`'s note.
    public func names(in text: String) -> [String] {
        guard !entries.isEmpty else { return [] }
        var found = [Bool](repeating: false, count: entries.count)
        for stretch in finder.stretches(in: text) { found[stretch.entry] = true }
        return entries.indices.filter { found[$0] }.map { entries[$0].name }
    }

    /// For `check`: a note when a transcript holds names from `pseudoniemen.csv`, so a researcher
    /// sees where reports will replace names (and can spot a name missing from the list nearby).
    ///
    /// Only `check` shows these notes, and looking through every transcript for the names is the
    /// one cost of pseudonymisation that grows with the corpus, so it is made while `check`
    /// streams the corpus, one pass per transcript whatever the number of names.
    public func nameNote(for document: Document) -> ProjectError? {
        guard !entries.isEmpty else { return nil }
        let names = names(in: document.text)
        guard !names.isEmpty else { return nil }
        return .holdsListedNames(SourceLocation(file: document.file), names: names.sorted())
    }

    /// A listed name in a text, as string indices, and what is printed in its place.
    public struct Replacement: Sendable, Equatable {
        /// Where the name stands in the text, its genitive `s` included.
        public var range: Range<String.Index>
        /// The pseudonym, with the genitive `s` when the name had one.
        public var text: String
    }

    /// Where the listed names are in `text`, and what replaces each.
    public func replacements(in text: String) -> [Replacement] {
        let found = occurrences(in: text)
        guard !found.isEmpty else { return [] }
        let scalars = text.unicodeScalars
        var index = scalars.startIndex, offset = 0
        return found.map { occurrence in
            index = scalars.index(index, offsetBy: occurrence.range.lowerBound - offset)
            let start = index
            index = scalars.index(index, offsetBy: occurrence.range.count)
            offset = occurrence.range.upperBound
            return Replacement(range: start..<index, text: occurrence.entry.pseudonym + (occurrence.isGenitive ? "s" : ""))
        }
    }

    /// The longest start of `text` that, once its names are replaced, is at most `maximumLength`
    /// characters and does not end inside a name: for previews that are pseudonymised afterwards,
    /// as a name cut in half would no longer be found.
    public func prefix(of text: String, maximumLength: Int) -> Substring {
        text[..<Self.printedEnd(of: text, maximumLength: maximumLength, replacements: replacements(in: text))]
    }

    /// Where `text` must end so that, printed with `replacements`, it has at most `maximumLength`
    /// characters; never inside a replaced name. The end of the text when all of it fits.
    public static func printedEnd(of text: String, maximumLength: Int, replacements: [Replacement]) -> String.Index {
        var printed = 0, next = 0
        var index = text.startIndex
        while index < text.endIndex {
            if next < replacements.count, replacements[next].range.lowerBound <= index {
                let replacement = replacements[next]
                next += 1
                guard printed + replacement.text.count <= maximumLength else { return index }
                printed += replacement.text.count
                index = max(index, replacement.range.upperBound)
                continue
            }
            guard printed < maximumLength else { return index }
            printed += 1
            index = text.index(after: index)
        }
        return text.endIndex
    }

    /// Part of `text` with the listed names in `occurrences` (found in the whole of `text`) replaced:
    /// the scalars from `start` (at scalar offset `startOffset`) up to offset `endOffset` (`Int.max`:
    /// the end of the text). A name that reaches over an edge is replaced as a whole, so no part of a
    /// name is ever printed; let neighbouring parts meet outside names (`widened`), or a name on
    /// their border is printed in both.
    ///
    /// - Complexity: O(*m* + log *k*) for *m* scalars in the part and *k* occurrences.
    public static func replacing(_ occurrences: [Occurrence], in text: String, from start: String.Index, at startOffset: Int,
                                 upTo endOffset: Int) -> String {
        let scalars = text.unicodeScalars
        var result = String.UnicodeScalarView()
        var index = start, offset = startOffset
        // Moves forward to a scalar offset, or to the end of the text.
        func move(to target: Int) {
            guard target > offset else { return }
            index = scalars.index(index, offsetBy: target - offset, limitedBy: scalars.endIndex) ?? scalars.endIndex
            offset = target
        }
        for occurrence in occurrences[firstOccurrence(endingAfter: startOffset, in: occurrences)...] {
            guard occurrence.range.lowerBound < endOffset else { break }
            let copyFrom = index
            move(to: occurrence.range.lowerBound)
            result.append(contentsOf: scalars[copyFrom..<index])
            result.append(contentsOf: occurrence.entry.pseudonym.unicodeScalars)
            move(to: min(occurrence.range.upperBound, endOffset))
            if occurrence.isGenitive && occurrence.range.upperBound <= endOffset {
                // The genitive s as written: its case, and any mark on it, kept.
                var genitiveStart = scalars.index(before: index)
                while NameFinder.isInvisibleToMatching(scalars[genitiveStart]) { genitiveStart = scalars.index(before: genitiveStart) }
                result.append(contentsOf: scalars[genitiveStart..<index])
            }
        }
        let copyFrom = index
        move(to: endOffset)
        result.append(contentsOf: scalars[copyFrom..<index])
        return String(result)
    }

    /// `range` grown until neither end lies inside a name of `occurrences`.
    ///
    /// - Complexity: O(log *k*) for *k* occurrences.
    public static func widened(_ range: Range<Int>, around occurrences: [Occurrence]) -> Range<Int> {
        func holding(_ offset: Int) -> Range<Int>? {
            let position = firstOccurrence(endingAfter: offset, in: occurrences)
            guard position < occurrences.count, occurrences[position].range.lowerBound < offset else { return nil }
            return occurrences[position].range
        }
        let lower = holding(range.lowerBound)?.lowerBound ?? range.lowerBound
        let upper = holding(range.upperBound)?.upperBound ?? range.upperBound
        return lower..<max(lower, upper)
    }

    /// The position of the first occurrence that ends after `offset` (occurrences are in reading order).
    private static func firstOccurrence(endingAfter offset: Int, in occurrences: [Occurrence]) -> Int {
        var low = 0, high = occurrences.count
        while low < high {
            let middle = (low + high) / 2
            if occurrences[middle].range.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// What makes a pseudonym unfit to print as it is in Markdown, CSV and the terminal, if anything.
    static func flaw(inPseudonym pseudonym: String) -> ProjectError.PseudonymFlaw? {
        if pseudonym.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return .lineBreakOrControlCharacter
        }
        if let character = pseudonym.first(where: { "|<>`\\".contains($0) }) {
            return .markdownCharacter(character)
        }
        return nil
    }

    /// Tables are equal when their entries and errors are; the name finder follows from the entries.
    public static func == (lhs: PseudonymTable, rhs: PseudonymTable) -> Bool {
        lhs.entries == rhs.entries && lhs.errors == rhs.errors
    }
}
