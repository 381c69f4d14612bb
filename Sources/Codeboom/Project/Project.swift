/// A loaded study: codebook, documents, respondents and all codings of all coders.
public struct Project: Sendable {
    /// The project folder, as given.
    public var directory: String
    /// The parsed codebook.
    public var codebook: Codebook
    /// Documents in corpus order (sorted by path).
    public var documents: [Document]
    /// Respondents by id.
    public var respondents: [String: Respondent]
    /// Every valid coding, of every coder.
    public var codings: [Coding]
    public var respondentTable: RespondentTable
    /// `naam → pseudoniem` from `Corpus/pseudoniemen.csv`, applied to everything reports print.
    public var pseudonyms: PseudonymTable
    /// Word and OpenDocument comments that are not codes.
    public var memos: [Memo]

    private var documentIndex: [String: Int]

    public init(directory: String, codebook: Codebook, documents: [Document], respondents: [String: Respondent],
                codings: [Coding], respondentTable: RespondentTable, pseudonyms: PseudonymTable = PseudonymTable(), memos: [Memo] = []) {
        self.directory = directory
        self.codebook = codebook
        self.documents = documents
        self.respondents = respondents
        self.codings = codings
        self.respondentTable = respondentTable
        self.pseudonyms = pseudonyms
        self.memos = memos
        var index: [String: Int] = [:]
        for (position, document) in documents.enumerated() where index[document.id] == nil { index[document.id] = position }
        documentIndex = index
    }

    /// The document with this id, or nil.
    public func document(id: String) -> Document? {
        documentIndex[id].map { documents[$0] }
    }

    /// Where a document stands in corpus order, for counting by integer instead of by id.
    public func position(ofDocument id: String) -> Int? { documentIndex[id] }

    /// Every coder with at least one coding, sorted.
    public var coders: [String] { Set(codings.map(\.coder)).sorted() }

    /// One coder's codings.
    public func codings(by coder: String) -> [Coding] { codings.filter { $0.coder == coder } }

    /// All perspectives of respondents and documents, in report order (alphabetical, diacritics folded).
    public var perspectives: [Perspective] {
        var seen: [String: Perspective] = [:]
        for document in documents {
            if let name = document.perspective, seen[name.folded] == nil { seen[name.folded] = Perspective(name) }
        }
        // Any fixed order will do here: it only decides which spelling of a perspective is shown.
        for respondent in respondents.values.sorted(by: { $0.id < $1.id }) {
            if let name = respondent.perspective, seen[name.folded] == nil { seen[name.folded] = Perspective(name) }
        }
        return seen.values.sorted()
    }

    /// Respondents of one perspective, sorted by id.
    public func respondents(in perspective: Perspective) -> [Respondent] {
        respondents.values.filter { $0.perspective.map(Perspective.init) == perspective }.sorted { $0.id.precedesNaturally($1.id) }
    }

    /// The perspective a segment's words count for: its respondent's, or for an unattributed
    /// paragraph its document's. Interviewer turns count for none.
    public func perspective(of segment: Segment, in document: Document) -> Perspective? {
        switch segment.speaker {
        case .interviewer: return nil
        case .respondent(let id): return respondents[id]?.perspective.map(Perspective.init)
        case .unattributed: return document.perspective.map(Perspective.init)
        }
    }
}
