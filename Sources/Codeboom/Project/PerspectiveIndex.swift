/// The perspective every segment of a project counts for, decided once per respondent and per
/// document by the one rule (``RespondentRoster/perspective(of:in:respondents:)``) and then looked
/// up by position: counting a code over hundreds of thousands of segments folds no names.
struct PerspectiveIndex {
    /// The perspectives, in the order of their columns.
    let perspectives: [Perspective]
    private var respondentColumn: [String: Int?] = [:]
    private var documentColumn: [Int?]
    private let interviewerColumn: Int?

    init(project: Project, perspectives: [Perspective]) {
        self.perspectives = perspectives
        let columnOfKey = Dictionary(perspectives.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        func column(_ speaker: Segment.Speaker, _ documentPerspective: String?) -> Int? {
            RespondentRoster.perspective(of: speaker, documentPerspective: documentPerspective, respondents: project.respondents)
                .flatMap { columnOfKey[$0.key] }
        }
        for id in project.respondents.keys { respondentColumn[id] = column(.respondent(id), nil) }
        documentColumn = project.documents.map { column(.unattributed, $0.perspective) }
        interviewerColumn = column(.interviewer, nil)
    }

    /// The column of the perspective a segment of the document at `document` counts for, if any.
    func column(of speaker: Segment.Speaker, inDocument document: Int) -> Int? {
        switch speaker {
        case .respondent(let id): return respondentColumn[id] ?? nil
        case .unattributed: return documentColumn[document]
        case .interviewer: return interviewerColumn
        }
    }

    /// The perspective a segment of the document at `document` counts for, if any.
    func perspective(of speaker: Segment.Speaker, inDocument document: Int) -> Perspective? {
        column(of: speaker, inDocument: document).map { perspectives[$0] }
    }
}
