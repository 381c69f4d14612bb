/// Keyword-in-context hits as a Markdown table, with who said each and a count of hits and documents.
public enum SearchMarkdownRenderer {
    /// The table and its closing count line.
    public static func render(_ search: KeywordSearch) -> String {
        var lines = ["| Waar | Wie | Links | Treffer | Rechts |", "| --- | --- | ---: | --- | --- |"]
        for hit in search.hits {
            let who = hit.perspective.isEmpty ? hit.respondent : "\(hit.respondent) (\(hit.perspective))"
            lines.append("| \(cell(hit.documentID)) §\(hit.segmentNumber) | \(cell(who)) | \(cell(hit.left)) | **\(cell(hit.match))** | \(cell(hit.right)) |")
        }
        lines.append("")
        lines.append("\(Counted.phrase(search.hits.count, "treffer", "treffers")) in \(Counted.phrase(Set(search.hits.map(\.documentID)).count, "document", "documenten"))")
        return lines.joined(separator: "\n") + "\n"
    }
}
