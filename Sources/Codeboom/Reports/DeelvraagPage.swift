/// `deelvraag-N.md`: one sub-question with its themes × perspectives (or, with `report --by`, the groups of
/// another variable) and, per theme, which of them raise it most and least.
public enum DeelvraagPage {
    /// `deelvraag-N.md`.
    public static func fileName(for number: Int) -> String { "deelvraag-\(number).md" }

    /// The page of deelvraag `number`: its question, the themes that answer it and their counts per perspective.
    public static func render(_ number: Int, context: ReportContext) -> String {
        let columns: [Perspective?] = context.columns.map { $0 } + [nil]
        var lines = ["# Deelvraag \(number)", ""]
        if let question = context.codebook.deelvraagQuestions[number] { lines += ["**\(MarkdownText.text(question))**", ""] }
        let themes = context.themes(answering: number)
        guard !themes.isEmpty else {
            return (lines + ["Geen thema in het codeboek beantwoordt deze deelvraag."]).joined(separator: "\n") + "\n"
        }
        lines.append("Aantal respondenten \(MarkdownText.text(context.wording.per)) dat het thema noemt (n/N). \(CoderWording.line(for: context.coder))")
        lines.append("")
        if context.drawsFigures {
            lines += [ReportFigures.markdownImage(file: ReportFigures.deelvraagFile(number), title: ReportFigures.deelvraagTitle(number, context.wording)), ""]
        }
        lines.append("| Thema | " + columns.map { cell(context.header(for: $0)) }.joined(separator: " | ") + " |")
        lines.append("| --- |" + String(repeating: " ---: |", count: columns.count))
        for theme in themes {
            let counts = columns.map { "\(context.row(theme.id, $0).respondents)/\(context.size(of: $0))" }
            lines.append("| \(context.numbers[theme.id] ?? ""). \(cell(theme.label)) | " + counts.joined(separator: " | ") + " |")
        }
        for theme in themes {
            lines += ["", "### \(context.numbers[theme.id] ?? ""). \(MarkdownText.text(theme.label))", "", sentence(for: theme, context: context)]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Names the perspectives that raise a theme most and least, by share of their respondents;
    /// says so when all perspectives raise it equally often.
    static func sentence(for theme: Code, context: ReportContext) -> String {
        let total = context.row(theme.id, nil)
        let everyone = total.respondentsInPerspective
        let opening = switch (total.respondents, everyone) {
        case (_, 1): "Genoemd door de enige respondent."
        case (2, 2): "Genoemd door beide respondenten."
        case let (n, all) where n == all: "Genoemd door alle \(all) respondenten."
        case let (n, all): "Genoemd door \(n) van de \(all) respondenten."
        }
        let shares = context.perspectives.map { ($0, context.row(theme.id, $0)) }.filter { $0.1.respondentsInPerspective > 0 }
        guard total.respondents > 0 else {
            return everyone == 1 ? "De enige respondent noemt dit thema niet." : "Geen van de \(everyone) respondenten noemt dit thema."
        }
        guard shares.count > 1 else { return opening }
        // Compare n₁/N₁ with n₂/N₂ exactly, by cross-multiplying.
        func compare(_ a: FrequencyTable.Row, _ b: FrequencyTable.Row) -> Int {
            let left = a.respondents * b.respondentsInPerspective, right = b.respondents * a.respondentsInPerspective
            return left == right ? 0 : (left < right ? -1 : 1)
        }
        guard let highest = shares.max(by: { compare($0.1, $1.1) < 0 })?.1,
              let lowest = shares.min(by: { compare($0.1, $1.1) < 0 })?.1 else { return opening }
        // A perspective of one respondent is named in the singular: "de cliënt (1 van 1)"; a group of another
        // variable by its respondents: "de respondent met type interview (1 van 1)".
        func noun(_ share: (Perspective, FrequencyTable.Row)) -> String {
            MarkdownText.text(context.wording.respondents(of: share.0, singular: share.1.respondentsInPerspective == 1))
        }
        if compare(highest, lowest) == 0 {
            return opening + " \(context.wording.all) noemen het naar verhouding even vaak ("
                + shares.map { "\(noun($0)) \($0.1.respondents) van \($0.1.respondentsInPerspective)" }.joined(separator: ", ") + ")."
        }
        let most = shares.filter { compare($0.1, highest) == 0 }
        let least = shares.filter { compare($0.1, lowest) == 0 }
        func list(_ items: [(Perspective, FrequencyTable.Row)]) -> String {
            let parts = items.map { "de \(noun($0)) (\($0.1.respondents) van \($0.1.respondentsInPerspective))" }
            return parts.joinedAsDutchList
        }
        // The verb agrees with what comes after it: "noemt de cliënt", "noemen de cliënt en de professional".
        let verb = most.count == 1 && most[0].1.respondentsInPerspective == 1 ? "noemt" : "noemen"
        return opening + " Naar verhouding \(verb) \(list(most)) dit thema het vaakst en \(list(least)) het minst."
    }
}
