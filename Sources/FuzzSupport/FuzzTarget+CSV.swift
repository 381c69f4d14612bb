import Codeboom

extension FuzzTarget {
    /// What the first byte of a `csv` input selects (modulo 5); the rest is the file, decoded as the
    /// project loader decodes it. `Scripts/fuzz.sh` and `FuzzSeedReplayTests` prefix seeds with it.
    public enum CSVKind: UInt8, CaseIterable, Sendable {
        /// Any CSV, read by `CSVTable`, every field written back with `CSVTable.escape` and read again.
        case any = 0
        /// A coder's sidecar file in `Corpus/codings/`.
        case sidecar = 1
        case respondenten = 2
        case documenten = 3
        case pseudoniemen = 4

        /// The kind a project file's name makes it (`respondenten.csv`, a file in `codings/`, …).
        public init(path: String) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name.hasPrefix("respondenten") { self = .respondenten }
            else if name.hasPrefix("documenten") { self = .documenten }
            else if name.hasPrefix("pseudoniemen") { self = .pseudoniemen }
            else if path.contains("/codings/") || name.hasPrefix("sidecar") { self = .sidecar }
            else { self = .any }
        }
    }

    static func csv(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        var diagnostics: [Diagnostic] = []
        guard let text = TextDecoder.text(of: Array(bytes.dropFirst()), file: "Corpus/fuzz.csv", diagnostics: &diagnostics) else { return }
        switch CSVKind(rawValue: selector % 5)! {
        case .any:
            // Any field read back after CSVTable.escape is the same field: what autocode writes, it can read.
            let table = CSVTable(text: text)
            for value in (table.rows.flatMap(\.values) + table.header).prefix(64) {
                let written = CSVTable(text: "document,code,memo\nd,c," + CSVTable.escape(value) + "\n")
                FuzzInvariants.expect(written.rows.count == 1 && written.rows[0].values == ["d", "c", value],
                                      "\(value.debugDescription) read back as \(written.rows.map(\.values))")
            }
        case .sidecar:
            _ = SidecarCodings.parse(text, file: "Corpus/codings/fuzz.csv", coder: "fuzz", documents: { FuzzFixtures.documents[$0]?.outline })
        case .respondenten:
            let table = RespondentTable.parse(text, file: "Corpus/respondenten.csv").table
            for var document in FuzzFixtures.documents.values {
                RespondentResolver.resolve(&document, table: table)
            }
        case .documenten:
            let table = DocumentMetadataTable.parse(text, file: "Corpus/documenten.csv").table
            for id in table.entries.keys.sorted().prefix(16) {
                var document = DocumentParser.parse("R: tekst", file: "Corpus/\(id).txt", defaultID: id).document
                _ = table.apply(to: &document)
            }
        case .pseudoniemen:
            let table = PseudonymTable.parse(text, file: "Corpus/pseudoniemen.csv").table
            _ = table.apply(to: FuzzFixtures.focusgroep.text)
            _ = table.names(in: FuzzFixtures.focusgroep.text)
        }
    }
}
