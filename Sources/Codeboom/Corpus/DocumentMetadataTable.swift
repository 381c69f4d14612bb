/// `Corpus/documenten.csv`: metadata for documents without front matter (Word files, subtitles).
/// Columns `document,type,perspectief,respondent`; further columns are kept as metadata.
public struct DocumentMetadataTable: Sendable {
    /// The name of the table in `Corpus/`.
    public static let fileName = "documenten.csv"

    /// One document's row.
    public struct Entry: Sendable, Equatable {
        /// The line of the table that lists the document.
        public var line: Int
        /// The row's values by column (lower-cased), the `document` column left out.
        public var metadata: [String: String]
    }

    /// Path of the table, relative to the project, for messages.
    public var file: String
    /// The rows by document id.
    public var entries: [String: Entry] = [:]

    /// Reads the table; a missing `document` column or a document listed twice is reported.
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
                if let value = row[column] { metadata[FrontMatterKey.meaning(of: column)] = value }
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
