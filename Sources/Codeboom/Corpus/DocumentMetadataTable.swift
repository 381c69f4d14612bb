/// `Corpus/documenten.csv`: metadata for documents without front matter (Word files, subtitles).
/// Columns `document,type,perspectief,respondent`; further columns are kept as metadata.
public struct DocumentMetadataTable: Sendable {
    public static let fileName = "documenten.csv"

    public struct Entry: Sendable, Equatable {
        public var line: Int
        public var metadata: [String: String]
    }

    public var file: String
    public var entries: [String: Entry] = [:]

    public static func parse(_ text: String, file: String) -> (table: DocumentMetadataTable, diagnostics: [Diagnostic]) {
        let csv = CSVTable(text: text)
        var table = DocumentMetadataTable(file: file)
        var diagnostics: [Diagnostic] = []
        guard csv.header.contains("document") else {
            return (table, [Diagnostic(CorpusError.missingColumn(SourceLocation(file: file, line: 1, column: 1), column: "document",
                                                                  header: "`document,type,perspectief,respondent`"))])
        }
        for row in csv.rows {
            guard let document = row["document"] else { continue }
            if let first = table.entries[document] {
                diagnostics.append(CorpusError.documentListedTwice(SourceLocation(file: file, line: row.line, column: 1), document: document,
                                                                   firstLine: first.line))
                continue
            }
            var metadata: [String: String] = [:]
            for column in csv.header where column != "document" {
                if let value = row[column] { metadata[column] = value }
            }
            table.entries[document] = Entry(line: row.line, metadata: metadata)
        }
        return (table, diagnostics)
    }

    /// Adds the table's metadata to a document; front matter wins, and a conflict is a warning.
    public func apply(to document: inout Document) -> [Diagnostic] {
        guard let entry = entries[document.id] else { return [] }
        var diagnostics: [Diagnostic] = []
        for (key, value) in entry.metadata.sorted(by: { $0.key < $1.key }) {
            if let existing = document.metadata[key] {
                if existing.folded != value.folded {
                    diagnostics.append(CorpusError.metadataDisagrees(SourceLocation(file: file, line: entry.line, column: 1), key: key,
                                                                     document: document.id, table: value, frontMatter: existing))
                }
            } else {
                document.metadata[key] = value
            }
        }
        if document.type == nil, let type = document.metadata["type"] {
            document.type = DocumentType(attribute: type)
            if document.type == nil {
                diagnostics.append(CorpusError.unknownDocumentType(SourceLocation(file: file, line: entry.line, column: 1), type: type))
            }
        }
        return diagnostics
    }
}
