/// The frequency table as CSV: the stable contract other tools and spreadsheets read.
public enum FrequencyCSVRenderer {
    /// The CSV header line.
    public static let header = "code,path,perspective,segments,documents,respondents,respondents_in_perspective"

    /// The header and one row per code and perspective.
    public static func render(_ table: FrequencyTable) -> String {
        var lines = [header]
        for row in table.rows {
            let fields = [row.codeID, row.path.joined(separator: "/"), row.perspective?.name ?? FrequencyTable.totalName,
                          String(row.segments), String(row.documents), String(row.respondents), String(row.respondentsInPerspective)]
            lines.append(fields.map(CSVTable.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same table in a dialect: `.excel` for Dutch Excel (`;`, byte-order mark); the counts are whole numbers.
    public static func render(_ table: FrequencyTable, dialect: CSVDialect) -> String {
        var text = dialect.preamble + dialect.line(header.split(separator: ",").map { .text(String($0)) })
        for row in table.rows {
            text += dialect.line([.text(row.codeID), .text(row.path.joined(separator: "/")), .text(row.perspective?.name ?? FrequencyTable.totalName),
                                  .integer(row.segments), .integer(row.documents), .integer(row.respondents), .integer(row.respondentsInPerspective)])
        }
        return text
    }
}
