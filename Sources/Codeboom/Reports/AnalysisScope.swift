/// What a page counts when it is not the whole study by perspective: the `--where` filter and the
/// `--by` groups, in the lines every page then starts with.
public enum AnalysisScope {
    /// The lines to state, none for the whole study by perspective.
    public static func lines(conditions: [FilterCondition], grouping: GroupingVariable?) -> [String] {
        var lines: [String] = []
        if !conditions.isEmpty { lines.append("*\(MarkdownText.text(FilterCondition.sentence(conditions)))*") }
        if let grouping, !grouping.isPerspectiveVariable { lines.append("*\(groupSentence(MarkdownText.text(grouping.name)))*") }
        return lines
    }

    /// The same statements as plain text (not Markdown), for `rapport.html` and `rapport.docx`.
    public static func sentences(conditions: [FilterCondition], grouping: GroupingVariable?) -> [String] {
        var sentences: [String] = []
        if !conditions.isEmpty { sentences.append(FilterCondition.sentence(conditions)) }
        if let grouping, !grouping.isPerspectiveVariable { sentences.append(groupSentence(grouping.name)) }
        return sentences
    }

    /// "Groepen: de waarden van type in plaats van de perspectieven. …", with the variable's `name` as the format writes it.
    static func groupSentence(_ name: String) -> String {
        "Groepen: de waarden van \(name) in plaats van de perspectieven. Een respondent met twee waarden (bijvoorbeeld "
            + "twee documenten van twee verschillende waarden) telt in elke groep één keer mee, en in het totaal één keer; "
            + "zo tellen de groepen samen soms meer respondenten dan het totaal."
    }

    /// A Markdown page with `lines` after its title (its first line); other files (by `file`'s extension) as they are.
    public static func stated(_ lines: [String], on page: String, file: String) -> String {
        guard !lines.isEmpty, file.hasSuffix(".md") else { return page }
        guard let end = page.firstIndex(of: "\n") else { return page + "\n\n" + lines.joined(separator: "\n\n") + "\n" }
        return String(page[..<end]) + "\n\n" + lines.joined(separator: "\n\n") + String(page[end...])
    }
}
