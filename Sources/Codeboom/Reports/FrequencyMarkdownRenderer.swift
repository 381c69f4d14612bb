/// The frequency table as a readable Markdown table: the code tree down the side, perspectives across.
public enum FrequencyMarkdownRenderer {
    /// One row per code, indented by depth; a column per perspective with `n/N` respondents,
    /// then the total over all respondents and the number of coded segments.
    public static func render(_ table: FrequencyTable, codebook: Codebook) -> String {
        var header = ["Code"] + table.columns.map { $0.name.capitalisingFirstLetter } + ["Totaal", "Segmenten"]
        header = header.map { $0.isEmpty ? "(zonder perspectief)" : MarkdownText.cell($0) }
        var lines = ["| " + header.joined(separator: " | ") + " |",
                     "|" + header.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined()]
        for code in codebook.codes {
            let indent = String(repeating: "\u{2003}", count: code.depth)
            let name = code.isCategory ? "**\(MarkdownText.cell(code.label))**"
                : "\(indent)\(MarkdownText.cell(code.label)) (\(MarkdownText.code(code.id, inTable: true)))"
            var cells = [name]
            for perspective in table.columns {
                cells.append(fraction(table.row(code: code.id, perspective: perspective)))
            }
            let total = table.row(code: code.id, perspective: nil)
            cells.append(fraction(total))
            cells.append(String(total?.segments ?? 0))
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func fraction(_ row: FrequencyTable.Row?) -> String {
        guard let row else { return "0/0" }
        return "\(row.respondents)/\(row.respondentsInPerspective)"
    }
}
