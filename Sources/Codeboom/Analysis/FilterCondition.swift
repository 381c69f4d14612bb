/// One `--where VARIABLE=VALUE`: keep the words of respondents and documents whose variable has the
/// value (compared without case and diacritics; `datum=2016` is the year, `datum=2016-03-02` the day).
/// Several conditions must all hold.
public struct FilterCondition: Sendable, Equatable, CustomStringConvertible {
    /// The variable, as given.
    public var variable: String
    /// The value asked for.
    public var value: String

    /// A condition made of its parts.
    public init(variable: String, value: String) {
        self.variable = variable
        self.value = value
    }

    /// `VARIABLE=VALUE` as written on the command line, or nil without a `=` or with an empty side.
    public init?(parsing text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let variable = String(text[..<equals]).trimmingSpaces, value = String(text[text.index(after: equals)...]).trimmingSpaces
        guard !variable.isEmpty, !value.isEmpty else { return nil }
        self.init(variable: variable, value: value)
    }

    /// `organisatie = Op Orde`.
    public var description: String { "\(variable) = \(value)" }

    /// The line a page starts with: "Filter: organisatie = Op Orde en type = interview — …".
    public static func sentence(_ conditions: [FilterCondition]) -> String {
        "Filter: " + conditions.map(\.description).joinedAsDutchList
            + " — alleen de woorden van respondenten en documenten die hieraan voldoen tellen mee."
    }
}

/// Conditions bound to a project's variables, ready to test segments.
struct BoundFilter {
    private let conditions: [(variable: GroupingVariable, value: String, respondentValues: [String: [String]])]

    /// Binds the conditions; a variable nobody has, or a value no respondent or document of the
    /// project has, is an error that lists what there is.
    init(_ conditions: [FilterCondition], project: Project) throws(GroupingVariableError) {
        var bound: [(GroupingVariable, String, [String: [String]])] = []
        for condition in conditions {
            let variable = try GroupingVariable(condition.variable, in: project)
            let respondentValues = variable.respondentValues(in: project)
            // Every value the words of the project have, as spelled most often.
            var spellings: [String] = []
            for (position, document) in project.documents.enumerated() {
                var seen: Set<Segment.Speaker> = []
                for segment in document.segments where segment.speaker != .interviewer && seen.insert(segment.speaker).inserted {
                    spellings += variable.values(of: segment.speaker, inDocument: position, project: project, respondentValues: respondentValues)
                }
            }
            let values = Perspective.spelledAsMostWrite(spellings)
            let wanted = condition.value.folded
            let isDate = variable.isYear && project.documents.contains { $0.metadata["datum"]?.trimmingSpaces.folded == wanted }
            guard isDate || values.contains(where: { $0.key == wanted }) else {
                throw GroupingVariableError(variable: condition.variable, value: condition.value, known: values.map(\.name))
            }
            bound.append((variable, wanted, respondentValues))
        }
        self.conditions = bound
    }

    /// Whether the words of `speaker` in the document at `document` meet every condition.
    func accepts(_ speaker: Segment.Speaker, inDocument document: Int, project: Project) -> Bool {
        conditions.allSatisfy { condition in
            let values = condition.variable.values(of: speaker, inDocument: document, project: project, respondentValues: condition.respondentValues)
            if values.contains(where: { $0.folded == condition.value }) { return true }
            // The day, as well as the year, names a date.
            return condition.variable.isYear && project.documents[document].metadata["datum"]?.trimmingSpaces.folded == condition.value
        }
    }
}

extension Project {
    /// The project restricted to the words that meet `conditions`: documents without any such
    /// respondent segment (or paragraph) are left out, the other segments of a document kept stay
    /// in it but count for no one (as an interviewer's turn does), and a respondent is someone
    /// with at least one such segment. Codings and memos of documents left out go with them.
    public func filtered(by conditions: [FilterCondition]) throws(GroupingVariableError) -> Project {
        guard !conditions.isEmpty else { return self }
        let filter = try BoundFilter(conditions, project: self)
        var kept: [DocumentOutline] = []
        var respondents: [String: Respondent] = [:]
        for (position, document) in documents.enumerated() {
            var outline = document
            var any = false
            for index in outline.segments.indices where outline.segments[index].speaker != .interviewer {
                if filter.accepts(outline.segments[index].speaker, inDocument: position, project: self) {
                    any = true
                    if let id = outline.segments[index].respondentID {
                        var respondent = respondents[id] ?? Respondent(id: id, perspective: self.respondents[id]?.perspective, documentIDs: [])
                        if respondent.documentIDs.last != document.id { respondent.documentIDs.append(document.id) }
                        respondents[id] = respondent
                    }
                } else {
                    outline.segments[index].speaker = .interviewer
                }
            }
            if any { kept.append(outline) }
        }
        let keptIDs = Set(kept.map(\.id))
        return Project(directory: directory, codebook: codebook, documents: kept, respondents: respondents,
                       codings: codings.filter { keptIDs.contains($0.documentID) }, respondentTable: respondentTable,
                       pseudonyms: pseudonyms, memos: memos.filter { keptIDs.contains($0.documentID) }, corpus: corpus)
    }
}
