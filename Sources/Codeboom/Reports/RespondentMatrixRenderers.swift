/// The respondent (or document) matrix as CSV: the header (``RespondentMatrix/header``) and one
/// line per row; for Excel with `;`, decimal commas and a byte order mark (``SpreadsheetCSV``).
public enum RespondentMatrixCSVRenderer {
    /// The CSV text.
    public static func render(_ matrix: RespondentMatrix, excel: Bool = false) -> String {
        let csv = SpreadsheetCSV(excel: excel)
        return csv.document([csv.line(matrix.header)] + matrix.rows.map { csv.line($0.variables + $0.values.map(String.init)) })
    }
}

/// The matrix as a Markdown table, for reading.
public enum RespondentMatrixMarkdownRenderer {
    /// One table row per respondent (document), the codes as columns by id.
    public static func render(_ matrix: RespondentMatrix) -> String {
        let what = matrix.counts ? "het aantal fragmenten met de code" : "1 wanneer er een fragment met de code is, anders 0"
        let row = matrix.unit == .respondent ? "respondent" : "document"
        var lines = ["# Matrix \(row) × code", "",
                     "Per \(row) \(what); een hoofdcode telt haar subcodes mee. \(CoderWording.line(for: matrix.coder))", "",
                     "| " + matrix.header.map(MarkdownText.cell).joined(separator: " | ") + " |",
                     "|" + matrix.header.indices.map { $0 < matrix.variableHeader.count ? " --- |" : " ---: |" }.joined()]
        for entry in matrix.rows {
            lines.append("| " + (entry.variables.map(MarkdownText.cell) + entry.values.map(String.init)).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
