/// The auto-coding rules of a codebook: every code's `trefwoorden` and `uitsluiten`, compiled into
/// one matcher so a document is scanned once for all codes.
public struct KeywordRules: Sendable {
    /// What a term of the matcher stands for.
    public struct TermOwner: Sendable, Equatable {
        public var codeIndex: Int
        public var isExclusion: Bool
    }

    /// Codes with at least one `trefwoorden` term, in codebook order.
    public var codeIDs: [String]
    public var matcher: KeywordMatcher
    /// For each term of `matcher`, the code it belongs to.
    public var owners: [TermOwner]

    /// Reads the rules; a rule with a mistake is reported at its file, line and column and left out.
    public init(codebook: Codebook) {
        var codeIDs: [String] = []
        var terms: [KeywordTerm] = []
        var owners: [TermOwner] = []
        var diagnostics: [Diagnostic] = []
        func parse(_ key: String, of code: Code) -> [KeywordTerm]? {
            guard let value = code.attributes[key], let location = code.attributeLocations[key] else { return nil }
            do {
                return try KeywordTermParser.parse(value, firstColumn: location.column ?? 1)
            } catch {
                // The parser says "column N: what — what to do"; the diagnostic carries the column itself.
                let text = error.description
                let body = text.hasPrefix("column ") ? String(text.drop { $0 != ":" }.dropFirst(2)) : text
                let parts = body.components(separatedBy: " — ")
                diagnostics.append(.error(SourceLocation(file: location.file, line: location.line, column: error.column),
                                          "\(key) of \"\(code.id)\": \(parts[0])",
                                          advice: parts.count > 1 ? parts.dropFirst().joined(separator: " — ") : "correct the rule"))
                return nil
            }
        }
        for code in codebook.codes {
            guard let included = parse("trefwoorden", of: code), !included.isEmpty else { continue }
            let excluded = parse("uitsluiten", of: code) ?? []
            let index = codeIDs.count
            codeIDs.append(code.id)
            terms += included + excluded
            owners += included.map { _ in TermOwner(codeIndex: index, isExclusion: false) }
            owners += excluded.map { _ in TermOwner(codeIndex: index, isExclusion: true) }
        }
        self.codeIDs = codeIDs
        self.owners = owners
        self.matcher = KeywordMatcher(terms: terms)
        self.diagnostics = diagnostics
    }

    /// Mistakes in the rules, for `check`.
    public var diagnostics: [Diagnostic]
}
