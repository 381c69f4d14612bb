/// A variable that groups or filters respondents and documents: `perspectief` (the perspective a
/// segment counts for, by the one rule), `datum` (by year), a column of `respondenten.csv` beyond
/// the known ones (a respondent variable), or any front matter key or `documenten.csv` column (a
/// document variable). A respondent variable that a respondent has no value of falls back on the
/// document variable of the same name, so `organisatie` in a focusgroep's front matter holds for
/// every speaker that `respondenten.csv` gives none.
///
/// Values compare as perspectives do, without case and diacritics.
public struct GroupingVariable: Sendable, Equatable {
    /// The variable's name as the project writes it (English keys made Dutch: `organisation` is `organisatie`).
    public let name: String
    /// Whether it is the respondents' perspective.
    var isPerspective: Bool { name == "perspectief" }
    /// Whether it is the respondents' perspective, by which counts are grouped anyway.
    public var isPerspectiveVariable: Bool { isPerspective }
    /// Whether it is the documents' date, grouped by year.
    var isYear: Bool { name == "datum" }
    /// Whether `respondenten.csv` has a column of this name.
    let isRespondentColumn: Bool

    /// The variable `text` names in `project`, or the error listing those there are.
    public init(_ text: String, in project: Project) throws(GroupingVariableError) {
        let lowered = text.trimmingSpaces.lowercased()
        let name = FrontMatterKey.english[lowered] ?? lowered
        self.name = name
        isRespondentColumn = project.respondentTable.variableNames.contains(name)
        guard name == "perspectief" || isRespondentColumn || project.documents.contains(where: { $0.metadata[name] != nil })
                || (name == "type" && project.documents.contains { $0.type != nil }) else {
            throw GroupingVariableError(variable: text, known: Self.names(in: project))
        }
    }

    /// Every variable of a project: `perspectief`, `type`, the documents' keys and `respondenten.csv`'s own columns, sorted.
    public static func names(in project: Project) -> [String] {
        let structural: Set<String> = ["id", "respondent", DocumentParser.speakersKey, InlineCoder.metadataKey, "interviewer"]
        var names = Set(project.documents.flatMap { $0.metadata.keys }).subtracting(structural)
        names.formUnion(project.respondentTable.variableNames)
        names.formUnion(["perspectief", "type"])
        return names.sorted()
    }

    /// The document's value: its type, its year, or its front matter or `documenten.csv` value.
    func documentValue(_ document: DocumentOutline) -> String? {
        if name == "type" { return document.type?.rawValue ?? document.metadata["type"] }
        guard let value = document.metadata[name]?.trimmingSpaces, !value.isEmpty else { return nil }
        if isYear, value.utf8.count >= 4, value.utf8.prefix(4).allSatisfy({ (0x30...0x39).contains($0) }) { return String(value.prefix(4)) }
        return value
    }

    /// The values the words of a segment spoken by `speaker` in the document at `document` have.
    /// - Parameter respondentValues: each respondent's values of a `respondenten.csv` column (``respondentValues(in:)``).
    func values(of speaker: Segment.Speaker, inDocument document: Int, project: Project, respondentValues: [String: [String]]) -> [String] {
        if isPerspective {
            return RespondentRoster.perspective(of: speaker, documentPerspective: project.documents[document].perspective,
                                                respondents: project.respondents).map { [$0.name] } ?? []
        }
        if isRespondentColumn, let id = speaker.respondentID, let own = respondentValues[id], !own.isEmpty { return own }
        return documentValue(project.documents[document]).map { [$0] } ?? []
    }

    /// The values each respondent has (their groups): their perspective; their own values of a
    /// `respondenten.csv` column; else the values of the documents they speak in, distinct (by folding).
    public func respondentGroups(in project: Project) -> [String: [String]] {
        respondentGroups(in: project, respondentValues: respondentValues(in: project))
    }

    func respondentGroups(in project: Project, respondentValues: [String: [String]]) -> [String: [String]] {
        var groups: [String: [String]] = [:]
        for (id, respondent) in project.respondents {
            var values: [String] = []
            if isPerspective {
                values = respondent.perspective.map { [$0] } ?? []
            } else if isRespondentColumn, let own = respondentValues[id], !own.isEmpty {
                values = own
            } else {
                for documentID in respondent.documentIDs {
                    if let document = project.document(id: documentID), let value = documentValue(document),
                       !values.contains(where: { $0.folded == value.folded }) {
                        values.append(value)
                    }
                }
            }
            groups[id] = values
        }
        return groups
    }

    /// Each respondent's values of the `respondenten.csv` column of this name, distinct, in file order.
    func respondentValues(in project: Project) -> [String: [String]] {
        guard isRespondentColumn else { return [:] }
        var values: [String: [String]] = [:]
        for entry in project.respondentTable.entries {
            guard let id = entry.respondent, let value = entry.variables[name] else { continue }
            if !(values[id]?.contains(value) ?? false) { values[id, default: []].append(value) }
        }
        return values
    }
}

/// A `--by` or `--where` variable that no document or respondent has, or a `--where` value that no
/// words of the project have: counting on would print a table of zeros that looks exact.
public struct GroupingVariableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The variable as given.
    public var variable: String
    /// The variables there are (or, with `value`, the values the variable has).
    public var known: [String]
    /// The `--where` value that matches nothing; nil when the variable itself is unknown.
    public var value: String? = nil

    /// A variable that is nowhere.
    public init(variable: String, known: [String]) {
        self.variable = variable
        self.known = known
    }

    /// A value of a known variable that no words have.
    public init(variable: String, value: String, known: [String]) {
        self.variable = variable
        self.value = value
        self.known = known
    }

    /// `error: variable "x" is in no document or respondent — use one of: …`, or for a value,
    /// `error: no words have organisatie "Op Ord" — did you mean "Op Orde"? Use one of: …`.
    public var description: String {
        let listed = known.prefix(20).map { TerminalText.escaped($0) }.joined(separator: ", ") + (known.count > 20 ? " and \(known.count - 20) more" : "")
        guard let value else {
            return "error: variable \"\(TerminalText.escaped(variable))\" is in no document's front matter, documenten.csv or respondenten.csv — "
                + "use one of: \(listed)"
        }
        let suggestion = NameSuggester.suggestion(for: value, among: known).map { "did you mean \"\(TerminalText.escaped($0))\"? Use" } ?? "use"
        return "error: no words in this project have \(TerminalText.escaped(variable)) \"\(TerminalText.escaped(value))\" — "
            + (known.isEmpty ? "no one has a value of it" : "\(suggestion) --where \(TerminalText.escaped(variable))=VALUE with one of: \(listed)")
    }
}
