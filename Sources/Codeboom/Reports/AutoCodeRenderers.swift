/// Markdown of auto-coding: the summary of written proposals and the evaluation against a person.
public enum AutoCodeRenderer {
    /// Segments coded per code, after writing the sidecar file.
    public static func summary(counts: [String: Int], documents: Int, rules: KeywordRules, codebook: Codebook, file: String) -> String {
        let codings = counts.values.reduce(0, +)
        var lines = ["\(codings) \(codings == 1 ? "coding" : "codings") in \(documents) \(documents == 1 ? "document" : "documents") written to \(file)", "",
                     "| Code | Segmenten |", "| --- | ---: |"]
        for code in rules.codeIDs {
            lines.append("| \(cell(codebook.code(id: code)?.label ?? code)) (\(MarkdownText.code(code, inTable: true))) | \(counts[code] ?? 0) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The comparison with a person per code, and the terms behind most false positives.
    public static func evaluation(_ evaluation: AutoCodeEvaluation, codebook: Codebook) -> String {
        func percent(_ value: Double?) -> String { value.map { DutchNumber.percent($0 * 100) } ?? "–" }
        func decimal(_ value: Double?) -> String { value.map { DutchNumber.decimal($0, decimals: 3) } ?? "–" }
        var lines = [
            "# Trefwoorden tegen de codering van \(MarkdownText.text(evaluation.coder))", "",
            "Vergeleken: de respondentsegmenten van \(Counted.phrase(evaluation.documentIDs.count, "document", "documenten")) \(evaluation.documentIDs.count == 1 ? "dat" : "die") \(MarkdownText.text(evaluation.coder)) codeerde. "
                + "Er is niets geschreven.", "",
            "| Code | Beide | Alleen auto | Alleen \(cell(evaluation.coder)) | Precisie | Recall | F1 |",
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
}
