import Codeboom
import FuzzSupport

// The CSV files of a project. The first byte picks the reader; the rest is the file, decoded as the
// project loader decodes it.
FuzzHarness.run { bytes in
    guard let selector = bytes.first else { return }
    var diagnostics: [Diagnostic] = []
    guard let text = TextDecoder.text(of: Array(bytes.dropFirst()), file: "Corpus/fuzz.csv", diagnostics: &diagnostics) else { return }
    switch selector % 5 {
    case 0:
        // Any field read back after CSVTable.escape is the same field: what autocode writes, it can read.
        let table = CSVTable(text: text)
        for value in (table.rows.flatMap(\.values) + table.header).prefix(64) {
            let written = CSVTable(text: "document,code,memo\nd,c," + CSVTable.escape(value) + "\n")
            FuzzInvariants.expect(written.rows.count == 1 && written.rows[0].values == ["d", "c", value],
                                  "\(value.debugDescription) read back as \(written.rows.map(\.values))")
        }
    case 1:
        _ = SidecarCodings.parse(text, file: "Corpus/codings/fuzz.csv", coder: "fuzz", documents: FuzzFixtures.documents)
    case 2:
        let table = RespondentTable.parse(text, file: "Corpus/respondenten.csv").table
        for var document in FuzzFixtures.documents.values {
            RespondentResolver.resolve(&document, table: table)
        }
    case 3:
        let table = DocumentMetadataTable.parse(text, file: "Corpus/documenten.csv").table
        for id in table.entries.keys.sorted().prefix(16) {
            var document = DocumentParser.parse("R: tekst", file: "Corpus/\(id).txt", defaultID: id).document
            _ = table.apply(to: &document)
        }
    default:
        let table = PseudonymTable.parse(text, file: "Corpus/pseudoniemen.csv").table
        _ = table.apply(to: FuzzFixtures.focusgroep.text)
        _ = table.names(in: FuzzFixtures.focusgroep.text)
    }
}
