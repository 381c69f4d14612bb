import Codeboom
import FuzzSupport

// The codebook parser and its keyword rules: the input is a codebook; its rules are compiled and
// matched against the codebook's own text read as a transcript, and against a fixed focusgroep.
FuzzHarness.run { bytes in
    let text = TextDecoder.decode(bytes).text
    let parsed = CodebookParser.parse(text, file: "Codebooks/fuzz.md")
    let rules = KeywordRules(codebook: parsed.codebook)
    let coder = AutoCoder(rules: rules)
    let own = DocumentParser.parse(text, file: "Codebooks/fuzz.md", defaultID: "fuzz")
    FuzzInvariants.check(own)
    _ = coder.hits(in: own.document)
    _ = coder.hits(in: FuzzFixtures.focusgroep)
}
