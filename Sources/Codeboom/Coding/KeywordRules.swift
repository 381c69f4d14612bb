/// The auto-coding rules of a codebook: every code's `trefwoorden` and `uitsluiten`, compiled into
/// one matcher so a document is scanned once for all codes.
public struct KeywordRules: Sendable {
    /// What a term of the matcher stands for.
    public struct TermOwner: Sendable, Equatable {
        /// The code's position in `codeIDs`.
        public var codeIndex: Int
        /// Whether the term is one of the code's `uitsluiten` (excluding) terms.
        public var isExclusion: Bool
    }

    /// Codes with at least one `trefwoorden` term, in codebook order.
    public var codeIDs: [String]
    /// One matcher for every term of every code, so a document is scanned once.
    public var matcher: KeywordMatcher
    /// For each term of `matcher`, the code it belongs to.
    public var owners: [TermOwner]
    /// Mistakes in the rules, for `check`; each once, at its file, line and column.
    public var problems: [CodebookError]

    /// The mistakes as the lines `check` prints.
    public var diagnostics: [Diagnostic] { problems.map(Diagnostic.init) }

    /// Reads the rules; a rule with a mistake is reported at its file, line and column and left
    /// out. Rules that together pass `KeywordMatcher.maximumTableBytes` are reported at the term
    /// where they do, and then none is used.
    public init(codebook: Codebook, tableLimit: Int = KeywordMatcher.maximumTableBytes) {
        var codeIDs: [String] = []
        var terms: [KeywordTerm] = []
        var owners: [TermOwner] = []
        // Per term, the line it was written on, for an error about the whole set.
        var termLocations: [SourceLocation] = []
        var problems: [CodebookError] = []
        func problem(_ error: KeywordRuleError, _ key: String, of code: Code, at location: SourceLocation) -> CodebookError {
            .keywordRule(SourceLocation(file: location.file, line: location.line, column: error.column), key: key, codeID: code.id, error)
        }
        func parse(_ key: String, of code: Code) -> (terms: [KeywordTerm], location: SourceLocation)? {
            guard let value = code.attributes[key], let location = code.attributeLocations[key] else { return nil }
            do {
                return (try KeywordTermParser.parse(value, firstColumn: location.column ?? 1), location)
            } catch {
                problems.append(problem(error, key, of: code, at: location))
                return nil
            }
        }
        // Per term, its code (by position in the codebook) and list.
        var termCodes: [(code: Int, key: String)] = []
        for (codePosition, code) in codebook.codes.enumerated() {
            // Both lists are read, so every mistake is reported at once.
            let included = parse("trefwoorden", of: code)
            let excluded = parse("uitsluiten", of: code)
            guard let included, !included.terms.isEmpty else { continue }
            let index = codeIDs.count
            codeIDs.append(code.id)
            for (key, list, isExclusion) in [("trefwoorden", included, false), ("uitsluiten", excluded, true)] {
                guard let list else { continue }
                terms += list.terms
                owners += list.terms.map { _ in TermOwner(codeIndex: index, isExclusion: isExclusion) }
                termLocations += list.terms.map { _ in list.location }
                termCodes += list.terms.map { _ in (codePosition, key) }
            }
        }
        do {
            matcher = try KeywordMatcher(checking: terms, tableLimit: tableLimit)
            self.codeIDs = codeIDs
            self.owners = owners
        } catch {
            if case .keywordSetTooLarge(_, let termIndex, _) = error, termCodes.indices.contains(termIndex) {
                problems.append(problem(error, termCodes[termIndex].key, of: codebook.codes[termCodes[termIndex].code],
                                              at: termLocations[termIndex]))
            }
            matcher = KeywordMatcher(terms: [])
            self.codeIDs = []
            self.owners = []
        }
        self.problems = problems
    }
}
