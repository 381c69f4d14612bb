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
}
