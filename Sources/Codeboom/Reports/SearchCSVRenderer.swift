/// Keyword-in-context hits as CSV, one row per hit, for spreadsheets and other tools.
public enum SearchCSVRenderer {
    /// The column names, in order.
    public static let header = "document,segment,respondent,perspective,term,start,end,left,match,right"

    /// The header and one row per hit, each line ending in a line break.
    public static func render(_ search: KeywordSearch) -> String {
        var lines = [header]
        for hit in search.hits {
            lines.append([hit.documentID, String(hit.segmentNumber), hit.respondent, hit.perspective, hit.term,
                          String(hit.start), String(hit.end), hit.left, hit.match, hit.right].map(CSVTable.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
