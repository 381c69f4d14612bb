extension ReportContext {
    /// The respondents of a column, sorted by id: of a perspective, or with `--by` of a group (a
    /// respondent with two values is in both), or for the column without a value those with none.
    public func respondents(in column: Perspective) -> [Respondent] {
        guard let grouping else { return project.respondents(in: column) }
        let groups = grouping.respondentGroups(in: project)
        let isUnassigned = !table.perspectives.contains(column)
        return project.respondents.values.filter { respondent in
            let values = groups[respondent.id] ?? []
            return isUnassigned ? !values.contains { table.perspectives.contains(Perspective($0)) } : values.contains { Perspective($0) == column }
        }.sorted { $0.id.precedesNaturally($1.id) }
    }

    /// The name of the columns' variable as a table header: "Perspectief", or with `--by` its name ("Organisatie", "Jaar").
    public var columnHeader: String { wording.columnHeader }

    /// The perspective of the respondent who said `quote`, shown in column `column`, as the report
    /// spells it: the column itself, or with `--by` (where the column is a group) the respondent's own
    /// perspective; "zonder perspectief" for none.
    public func perspectiveName(of quote: Quote, in column: Perspective) -> String {
        var perspective: Perspective? = column
        if grouping != nil {
            let own = RespondentRoster.perspective(of: .respondent(quote.respondentID), documentPerspective: nil, respondents: project.respondents)
            perspective = own.map { own in project.perspectives.first { $0 == own } ?? own }
        }
        guard let perspective, !perspective.name.isEmpty else { return "zonder perspectief" }
        return perspective.name
    }
}
