import Foundation

/// Turns read documents and codings into a `Project`, with every problem between them: a
/// document id used twice, table rows naming no document, respondents with two perspectives,
/// codings that cannot be placed or name no code. A pure function of values: it reads no file.
///
/// Documents are added one by one in corpus order, as the corpus reader delivers them, so a
/// corpus is assembled without ever being held; then the codings files; then ``finish()``.
public struct ProjectAssembler {
    private let directory: String
    private let codebook: Codebook
    private let metadata: DocumentMetadataTable?
    private let respondentTable: RespondentTable
    private let pseudonyms: PseudonymTable
    private let corpus: CorpusReader?
    private let suggester: CodeSuggester
    private var diagnostics: [Diagnostic]
    private var documents: [DocumentOutline] = []
    private var positionOfID: [String: Int] = [:]
    private var firstFileOfID: [String: String] = [:]
    /// Ids of files that gave no document: tables that name them are not wrong too.
    private var unreadIDs: Set<String> = []
    private var roster: RespondentRoster
    private var codings: CodingTable
    /// Comment codings wait until every document's inline codings are in, which come first.
    private var commentCodings: [(document: Int32, coding: Coding)] = []
    private var memos: [Memo] = []

    /// An assembler for a project with this codebook and these tables. `diagnostics` are the
    /// problems found before any document was read (``CorpusScan/diagnostics``).
    public init(directory: String, codebook: Codebook, metadata: DocumentMetadataTable? = nil, respondentTable: RespondentTable,
                pseudonyms: PseudonymTable = PseudonymTable(), diagnostics: [Diagnostic] = [], corpus: CorpusReader? = nil,
                suggester: CodeSuggester? = nil) {
        self.directory = directory
        self.codebook = codebook
        self.metadata = metadata
        self.respondentTable = respondentTable
        self.pseudonyms = pseudonyms
        self.diagnostics = diagnostics
        self.corpus = corpus
        self.suggester = suggester ?? CodeSuggester(codebook: codebook)
        roster = RespondentRoster(table: respondentTable)
        codings = CodingTable(codebook: codebook)
    }

    /// An assembler for a scanned corpus.
    public init(_ scan: CorpusScan, directory: String, corpus: CorpusReader? = nil, suggester: CodeSuggester? = nil) {
        self.init(directory: directory, codebook: scan.codebook, metadata: scan.metadata, respondentTable: scan.respondentTable,
                  pseudonyms: scan.pseudonyms, diagnostics: scan.diagnostics, corpus: corpus, suggester: suggester)
    }

    /// Adds the next file in corpus order: its problems, and its document unless another document
    /// already has its id (an error; the first one counts).
    public mutating func add(_ result: CorpusReader.Result<CodedDocument>) {
        diagnostics += result.diagnostics
        guard let id = result.documentID, let coded = result.value else {
            unreadIDs.insert(((result.path as NSString).lastPathComponent as NSString).deletingPathExtension)
            return
        }
        if let first = firstFileOfID[id] {
            diagnostics.append(Self.duplicate(id, file: result.path, firstFile: first))
            return
        }
        firstFileOfID[id] = result.path
        positionOfID[id] = documents.count
        let position = codings.addDocument(id: id)
        documents.append(coded.outline)
        roster.add(coded.outline)
        for coding in coded.inlineCodings { codings.append(coding, document: position) }
        commentCodings += coded.commentCodings.map { (position, $0) }
        memos += coded.memos
        diagnostics += coded.diagnostics
    }

    /// The error for a second document with an id already used; the first one counts.
    static func duplicate(_ id: String, file: String, firstFile: String) -> ProjectError {
        .duplicateDocumentID(SourceLocation(file: file, line: 1, column: 1), id: id, firstFile: firstFile)
    }

    /// Adds a codings file (`Corpus/codings/CODER.csv`), read against the documents added so far.
    public mutating func addCodings(_ text: String, file: String, coder: String) {
        addCommentCodings()
        let documents = self.documents, positions = positionOfID
        var table = codings
        codings = CodingTable(codebook: codebook)
        // A row a line, nearly always: room for them all at once.
        var text = text
        table.reserveCapacity(adding: text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var lines = 0, from = 0
            while from < bytes.count, let found = memchr(base + from, 0x0A, bytes.count - from) {
                lines += 1
                from = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            }
            return lines
        })
        // The document a row names is looked up once per run of rows, by the reader; its position comes along.
        var last: (id: String, position: Int32)? = nil
        diagnostics += SidecarCodings.forEachRow(text, file: file, documents: { id in
            guard let position = positions[id] else { return nil }
            last = (id, Int32(position))
            return documents[position]
        }) { row in
            if let last, last.id == row.documentID {
                table.append(row, document: last.position, coder: coder, file: file)
            } else if let position = positions[row.documentID] {
                table.append(row, document: Int32(position), coder: coder, file: file)
            }
        }
        codings = table
    }

    /// Adds a Word coding sheet (`Corpus/codings/*.docx`, ``CodingSheet``): `reading` is the id of
    /// the document it was compared with as the corpus streamed by and the rows whose text moved,
    /// or nil when no document of the project is the sheet's. A sheet that no longer matches its
    /// document is an error and codes nothing.
    public mutating func addSheet(_ sheet: CodingSheet, reading: (documentID: String, moves: [CodingSheet.Move])?) {
        addCommentCodings()
        guard let reading, let position = positionOfID[reading.documentID] else {
            diagnostics.append(SheetError.unknownDocument(SourceLocation(file: sheet.file), document: sheet.documentID))
            return
        }
        let coder = sheet.coderName(documentID: reading.documentID)
        if let first = reading.moves.first {
            diagnostics.append(SheetError.textMoved(SourceLocation(file: sheet.file, row: first.tableRow), document: reading.documentID,
                                                    coder: coder, moves: reading.moves))
            return
        }
        let read = sheet.codings(of: coder, in: documents[position], codebook: codebook)
        diagnostics += read.problems
        for coding in read.codings { codings.append(coding, document: Int32(position)) }
    }

    /// Adds problems found outside the documents, such as a codings file that cannot be read.
    public mutating func add(_ problems: [Diagnostic]) {
        diagnostics += problems
    }

    private mutating func addCommentCodings() {
        for (document, coding) in commentCodings { codings.append(coding, document: document) }
        commentCodings = []
    }

    /// The project, with every problem sorted by file and line. Codings whose code the codebook
    /// does not have are reported and left out of the project.
    public mutating func finish() -> ProjectLoad {
        addCommentCodings()
        let ids = Set(documents.map(\.id)).union(unreadIDs)
        if let metadata {
            for (id, entry) in metadata.entries where !ids.contains(id) {
                diagnostics.append(ProjectError.metadataOfUnknownDocument(SourceLocation(file: metadata.file, line: entry.line, column: 1), document: id))
            }
        }
        for entry in respondentTable.entries where !ids.contains(entry.document) {
            diagnostics.append(ProjectError.respondentsOfUnknownDocument(SourceLocation(file: respondentTable.file, line: entry.line, column: 1),
                                                                         document: entry.document))
        }
        roster.finish()
        diagnostics += roster.problems
        var project = Project(directory: directory, codebook: codebook, documents: documents, respondents: roster.respondents,
                              codingTable: codings, respondentTable: respondentTable, pseudonyms: pseudonyms, memos: memos, corpus: corpus)
        diagnostics += CodingValidator.validate(project, suggester: suggester)
        diagnostics += PerspectiveCheck.diagnostics(for: project, metadata: metadata)
        project.dropCodingsOfUnknownCodes()
        return ProjectLoad(project: project, diagnostics: diagnostics.sorted())
    }
}

extension Project {
    /// Codings whose code is unknown are reported by `check` and left out of every count.
    mutating func dropCodingsOfUnknownCodes() {
        let known = Int32(codebook.codes.count)
        // Usually every code is known: then the codings are not copied at all.
        guard codings.entries.contains(where: { $0.code >= known }) else { return }
        codings.removeAll { $0.code >= known }
    }
}
