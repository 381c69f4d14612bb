import Codeboom

extension FuzzTarget {
    /// The codebook parser and its keyword rules: the input is a codebook, decoded as the project loader
    /// decodes it; its rules are compiled and matched against the codebook's own text read as a transcript,
    /// and against a fixed focusgroep.
    static func codebook(_ bytes: [UInt8]) {
        guard let text = try? TextDecoder.decode(bytes).text else { return }
        let parsed = CodebookParser.parse(text, file: "Codebooks/fuzz.md")
        let rules = KeywordRules(codebook: parsed.codebook)
        for diagnostic in parsed.diagnostics + rules.diagnostics { _ = diagnostic.description }
        let coder = AutoCoder(rules: rules)
        let own = DocumentParser.parse(text, file: "Codebooks/fuzz.md", defaultID: "fuzz")
        FuzzInvariants.check(own)
        _ = coder.hits(in: own.document)
        _ = coder.hits(in: FuzzFixtures.focusgroep)
    }
}
