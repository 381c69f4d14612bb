import Codeboom
import FuzzSupport

// The transcript reader for .txt and .md: decoding (UTF-8, UTF-16, Windows-1252), front matter,
// speaker turns and inline tags, then speakers resolved and keyword rules matched as `autocode` does.
FuzzHarness.run { bytes in
    guard var parsed = DocumentReader.readText(bytes, relativePath: "Corpus/fuzz.txt", defaultID: "fuzz").parsed else { return }
    FuzzInvariants.check(parsed)
    RespondentResolver.resolve(&parsed.document, table: FuzzFixtures.respondents)
    _ = FuzzFixtures.autoCoder.hits(in: parsed.document)
}
