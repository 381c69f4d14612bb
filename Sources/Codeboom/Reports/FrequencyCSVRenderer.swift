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
}
