/// The respondents of a corpus, gathered document by document from who speaks in it, and the one
/// rule for the perspective a segment's words count for.
///
/// A respondent's perspective is the one `respondenten.csv` gives it in a document, else that
/// document's `perspectief`; across documents the first one found counts, and a second, different
/// one is an error. Rows of `respondenten.csv` whose speaker never speaks are warnings.
public struct RespondentRoster: Sendable {
    /// Respondents by id, each with the documents they speak in, in corpus order.
    public private(set) var respondents: [String: Respondent] = [:]
    /// Problems found so far, in the order found.
    public private(set) var problems: [ProjectError] = []
    private let table: RespondentTable
    private var firstPerspectiveSource: [String: String] = [:]
    /// Documents that rows of `respondenten.csv` name, and once read, their speaker labels (folded).
    private let listedDocuments: Set<String>
    private var labelsOfListedDocuments: [String: Set<String>] = [:]

    /// An empty roster for a corpus with this `respondenten.csv`.
    public init(table: RespondentTable) {
        self.table = table
        listedDocuments = Set(table.entries.filter { !$0.isInterviewer }.map(\.document))
    }

    /// Adds the respondents of the next document in corpus order.
    /// - Complexity: O(segments) of the document.
    public mutating func add(_ document: DocumentOutline) {
        var seenHere: Set<String> = []
        // Turns of one respondent mostly follow each other (with the interviewer's between): the one
        // of the last turn is known without hashing it.
        var last: String? = nil
        for segment in document.segments {
            guard let id = segment.respondentID, id != last else { continue }
            last = id
            guard seenHere.insert(id).inserted else { continue }
            let perspective = Self.perspective(of: id, in: document, table: table)
            if var existing = respondents[id] {
                existing.documentIDs.append(document.id)
                if let perspective, let known = existing.perspective, known.folded != perspective.folded {
                    problems.append(.respondentPerspectiveDiffers(SourceLocation(file: document.file, line: segment.line, column: 1),
                                                                  respondent: id, perspective: perspective, firstPerspective: known,
                                                                  firstDocument: firstPerspectiveSource[id]))
                } else if existing.perspective == nil {
                    existing.perspective = perspective
                    firstPerspectiveSource[id] = document.id
                }
                respondents[id] = existing
            } else {
                respondents[id] = Respondent(id: id, perspective: perspective, documentIDs: [document.id])
                firstPerspectiveSource[id] = document.id
            }
        }
        // Each listed document's labels gathered once, so a long respondenten.csv costs rows + turns, not rows × turns.
        if listedDocuments.contains(document.id), labelsOfListedDocuments[document.id] == nil {
            labelsOfListedDocuments[document.id] = Set(document.segments.compactMap { $0.label?.folded })
        }
    }

    /// Once every document is added: a warning for each row of `respondenten.csv` whose speaker never speaks.
    public mutating func finish() {
        for entry in table.entries where !entry.isInterviewer {
            guard labelsOfListedDocuments[entry.document]?.contains(entry.speaker.folded) != true else { continue }
            problems.append(.respondentNeverSpeaks(SourceLocation(file: table.file, line: entry.line, column: 1),
                                                   respondent: entry.respondent, speaker: entry.speaker, document: entry.document))
        }
    }

    /// The perspective a segment's words count for (``perspective(of:in:respondents:)``).
    public func perspective(of segment: Segment, in document: DocumentOutline) -> Perspective? {
        Self.perspective(of: segment.speaker, documentPerspective: document.perspective, respondents: respondents)
    }

    /// The perspective a segment's words count for: its respondent's, or for an unattributed
    /// paragraph its document's. Interviewer turns count for none. Every count, quote and search
    /// decides it here.
    public static func perspective(of segment: Segment, in document: DocumentOutline, respondents: [String: Respondent]) -> Perspective? {
        perspective(of: segment.speaker, documentPerspective: document.perspective, respondents: respondents)
    }

    /// The rule itself, by the segment's speaker and its document's perspective.
    static func perspective(of speaker: Segment.Speaker, documentPerspective: String?, respondents: [String: Respondent]) -> Perspective? {
        switch speaker {
        case .interviewer: return nil
        case .respondent(let id): return respondents[id]?.perspective.map(Perspective.init)
        case .unattributed: return documentPerspective.map(Perspective.init)
        }
    }

    /// The perspective a respondent has in one document: the table's, else the document's.
    /// - Complexity: O(1): the table is indexed by document and respondent.
    static func perspective(of respondent: String, in document: DocumentOutline, table: RespondentTable) -> String? {
        table.perspective(document: document.id, respondent: respondent) ?? document.perspective
    }
}
