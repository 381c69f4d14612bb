/// The respondent (or document) matrix as CSV: the header (``RespondentMatrix/header``) and one
/// line per row; for Excel with `;` and a byte order mark (``CSVDialect/excel``).
public enum RespondentMatrixCSVRenderer {
    /// The CSV text.
    public static func render(_ matrix: RespondentMatrix, dialect: CSVDialect = .standard) -> String {
        dialect.document([dialect.line(texts: matrix.header)] + matrix.rows.map { row in
            dialect.line(row.variables.map(CSVDialect.Cell.text) + row.values.map(CSVDialect.Cell.integer))
        })
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
