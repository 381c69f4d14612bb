/// Output of `autocode`, `autocode --evaluate` and `search`.
public enum AutoCodeRenderer {
    /// Segments coded per code, after writing the sidecar file.
    public static func summary(counts: [String: Int], documents: Int, rules: KeywordRules, codebook: Codebook, file: String) -> String {
        var lines = ["\(counts.values.reduce(0, +)) codings in \(documents) documents written to \(file)", "",
                     "| Code | Segmenten |", "| --- | ---: |"]
        for code in rules.codeIDs {
            lines.append("| \(cell(codebook.code(id: code)?.label ?? code)) (\(MarkdownText.code(code, inTable: true))) | \(counts[code] ?? 0) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func evaluation(_ evaluation: AutoCodeEvaluation, codebook: Codebook) -> String {
        func percent(_ value: Double?) -> String { value.map { AgreementNumber.format($0 * 100, decimals: 1) } ?? "–" }
        func decimal(_ value: Double?) -> String { value.map { AgreementNumber.format($0, decimals: 3) } ?? "–" }
        var lines = [
            "# Trefwoorden tegen de codering van \(MarkdownText.text(evaluation.coder))", "",
            "Vergeleken: de respondentsegmenten van \(evaluation.documentIDs.count) documenten die \(MarkdownText.text(evaluation.coder)) codeerde. "
                + "Er is niets geschreven.", "",
            "| Code | Beide | Alleen auto | Alleen \(cell(evaluation.coder)) | Precisie % | Recall % | F1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in evaluation.rows + [evaluation.overall] {
            let name = row.codeID.isEmpty ? "**Alle codes**"
                : "\(cell(codebook.code(id: row.codeID)?.label ?? row.codeID)) (\(MarkdownText.code(row.codeID, inTable: true)))"
            lines.append("| \(name) | \(row.both) | \(row.autoOnly) | \(row.humanOnly) | \(percent(row.precision)) | \(percent(row.recall)) | \(decimal(row.f1)) |")
        }
        lines += ["", "## Trefwoorden met de meeste onterechte treffers", ""]
        let top = evaluation.falsePositiveTerms.prefix(10)
        if top.isEmpty { lines.append("Geen.") }
        for entry in top { lines.append("- \(MarkdownText.code(entry.term)) (\(MarkdownText.text(entry.codeID))): \(entry.count)") }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func search(_ search: KeywordSearch, format: OutputFormat) -> String {
        switch format {
        case .csv, .json:
            var lines = ["document,segment,respondent,perspective,term,start,end,left,match,right"]
            for hit in search.hits {
                lines.append([hit.documentID, String(hit.segmentNumber), hit.respondent, hit.perspective, hit.term,
                              String(hit.start), String(hit.end), hit.left, hit.match, hit.right].map(CSVTable.escape).joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .md:
            var lines = ["| Waar | Wie | Links | Treffer | Rechts |", "| --- | --- | ---: | --- | --- |"]
            for hit in search.hits {
                let who = hit.perspective.isEmpty ? hit.respondent : "\(hit.respondent) (\(hit.perspective))"
                lines.append("| \(cell(hit.documentID)) §\(hit.segmentNumber) | \(cell(who)) | \(cell(hit.left)) | **\(cell(hit.match))** | \(cell(hit.right)) |")
            }
            lines.append("")
            lines.append("\(search.hits.count) treffers in \(Set(search.hits.map(\.documentID)).count) documenten")
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
