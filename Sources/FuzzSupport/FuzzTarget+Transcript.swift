import Codeboom

extension FuzzTarget {
    /// The transcript reader for .txt and .md, from the file as `check` reads it: decoding (UTF-8 straight
    /// into a string, UTF-16, Windows-1252, refusals), front matter, speaker turns and inline tags; then
    /// speakers resolved and keyword rules matched as `autocode` does.
    static func transcript(_ bytes: [UInt8]) {
        guard var parsed = FuzzHarness.readDocument(bytes, named: "fuzz.txt") else { return }
        FuzzInvariants.check(parsed)
        RespondentResolver.resolve(&parsed.document, table: FuzzFixtures.respondents)
        _ = FuzzFixtures.autoCoder.hits(in: parsed.document)
    }
}
