/// `tabel-met-resultaten.md`: the study's summary table per category, as a thesis prints it, plus
/// how many respondents of each perspective raised each theme.
public enum ResultsTablePage {
    /// The results table page's file name.
    public static let fileName = "tabel-met-resultaten.md"

    /// The results table: every theme's counts per perspective, by deelvraag.
    public static func render(_ context: ReportContext) -> String {
        let codebook = context.codebook
        let columns: [Perspective?] = context.columns.map { $0 } + [nil]
        var lines = [
            "# Tabel met resultaten",
            "",
            "*\(MarkdownText.text(codebook.title))* — samenvatting van de resultaten per deelvraag. Per thema staat hoeveel respondenten "
                + "\(MarkdownText.text(context.wording.ofEach)) het thema naar voren brachten (n/N: n respondenten van de N \(context.wording.inThat)). "
                + CoderWording.line(for: context.coder),
        ]
        for category in codebook.categories {
            lines += ["", "## \(MarkdownText.text(category.label))", ""]
            if !category.deelvragen.isEmpty {
                let questions = category.deelvragen.map { number in
                    "deelvraag \(number)" + (codebook.deelvraagQuestions[number].map { ": \($0)" } ?? "")
                }
                lines += ["*" + MarkdownText.text(questions.joined(separator: "; ").capitalisingFirstLetter) + "*", ""]
            }
            lines.append("| Nr. | Thema | Omschrijving | " + columns.map { cell(context.header(for: $0)) }.joined(separator: " | ") + " |")
            lines.append("| ---: | --- | --- |" + String(repeating: " ---: |", count: columns.count))
            for theme in context.themes(in: category) {
                lines.append(row(theme, context: context, columns: columns, label: "**\(cell(theme.label))**"))
                for child in theme.childIDs.compactMap({ codebook.code(id: $0) }) {
                    lines.append(row(child, context: context, columns: columns, label: "\u{2003}\(cell(child.label))"))
                }
            }
            let total = columns.map { "\(context.row(category.id, $0).respondents)/\(context.size(of: $0))" }
            lines.append("| | *\(cell(category.label)), samen* | |" + total.map { " *\($0)* |" }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ code: Code, context: ReportContext, columns: [Perspective?], label: String) -> String {
        let counts = columns.map { perspective -> String in
            let row = context.row(code.id, perspective)
            return "\(row.respondents)/\(row.respondentsInPerspective)"
        }
        return "| \(context.numbers[code.id] ?? "") | \(label) | \(cell(context.summary(of: code))) | " + counts.joined(separator: " | ") + " |"
    }
}
