/// A study as a whole-project command holds it: codebook, the outline of every document,
/// respondents and all codings of all coders — not the documents' text, which
/// ``readSegments(_:_:)`` reads again for the few segments an output prints.
public struct Project: Sendable {
    /// The project folder, as given.
    public var directory: String
    /// The parsed codebook.
    public var codebook: Codebook
    /// Documents in corpus order (sorted by path), without their text.
    public private(set) var documents: [DocumentOutline]
    /// Respondents by id.
    public var respondents: [String: Respondent]
    /// Every valid coding, of every coder.
    public var codings: CodingTable
    /// `respondenten.csv` as read; empty when the corpus has none.
    public var respondentTable: RespondentTable
    /// `naam → pseudoniem` from `Corpus/pseudoniemen.csv`, applied to everything reports print.
    public var pseudonyms: PseudonymTable
    /// Word and OpenDocument comments that are not codes.
    public var memos: [Memo]
    /// How the documents were read, to read some again; nil for a project made of values.
    public var corpus: CorpusReader?

    private var documentIndex: [String: Int] = [:]

    /// A project of outlines and codings; codings of documents that are not among `documents` are left out.
    public init(directory: String, codebook: Codebook, documents: [DocumentOutline], respondents: [String: Respondent],
                codings: [Coding], respondentTable: RespondentTable, pseudonyms: PseudonymTable = PseudonymTable(), memos: [Memo] = [],
                corpus: CorpusReader? = nil) {
        var table = CodingTable(codebook: codebook)
        for document in documents { table.addDocument(id: document.id) }
        for coding in codings { table.append(coding) }
        self.init(directory: directory, codebook: codebook, documents: documents, respondents: respondents, codingTable: table,
                  respondentTable: respondentTable, pseudonyms: pseudonyms, memos: memos, corpus: corpus)
    }

    /// A project whose codings are already a table over `documents`, in order.
    public init(directory: String, codebook: Codebook, documents: [DocumentOutline], respondents: [String: Respondent],
                codingTable: CodingTable, respondentTable: RespondentTable, pseudonyms: PseudonymTable = PseudonymTable(),
                memos: [Memo] = [], corpus: CorpusReader? = nil) {
        self.directory = directory
        self.codebook = codebook
        self.documents = documents
        self.respondents = respondents
        self.codings = codingTable
        self.respondentTable = respondentTable
        self.pseudonyms = pseudonyms
        self.memos = memos
        self.corpus = corpus
        indexDocuments()
    }

    private mutating func indexDocuments() {
        var index: [String: Int] = [:]
        for (position, document) in documents.enumerated() where index[document.id] == nil { index[document.id] = position }
        documentIndex = index
    }

    /// The document with this id, or nil.
    public func document(id: String) -> DocumentOutline? {
        documentIndex[id].map { documents[$0] }
    }

    /// Where a document stands in corpus order, for counting by integer instead of by id.
    public func position(ofDocument id: String) -> Int? { documentIndex[id] }

    /// Every coder with at least one coding, sorted.
    public var coders: [String] {
        var used = [Bool](repeating: false, count: codings.coderNames.count)
        for entry in codings.entries { used[Int(entry.coder)] = true }
        return codings.coderNames.indices.filter { used[$0] }.map { codings.coderNames[$0] }.sorted()
    }

    /// One coder's codings, in order.
    public func codings(by coder: String) -> [Coding] {
        guard let position = codings.coder(named: coder) else { return [] }
        return codings.indices.filter { codings.entries[$0].coder == position }.map { codings[$0] }
    }

    /// All perspectives of respondents and documents, in report order (alphabetical, diacritics folded),
    /// each spelled as most of its respondents write it; a perspective only documents have (notes
    /// without speakers) as its documents write it.
    public var perspectives: [Perspective] {
        Perspective.spelledAsMostWrite(respondents.values.compactMap(\.perspective), adding: documents.compactMap(\.perspective))
    }

    /// Respondents of one perspective (or, for ``Perspective/unassigned``, without one), sorted by id.
    public func respondents(in perspective: Perspective) -> [Respondent] {
        respondents.values.filter { $0.perspective.map(Perspective.init) ?? .unassigned == perspective }.sorted { $0.id.precedesNaturally($1.id) }
    }

    /// The perspective a segment's words count for (``RespondentRoster/perspective(of:in:respondents:)``).
    public func perspective(of segment: Segment, in document: DocumentOutline) -> Perspective? {
        RespondentRoster.perspective(of: segment, in: document, respondents: respondents)
    }
}
