import Foundation

/// The agreement table as Markdown, with the disagreements to discuss when asked.
public enum AgreementMarkdownRenderer {
    /// The page; with `disagreements`, every unit where the coders differ, with its excerpt from `excerpts`
    /// (``excerpts(of:in:)``).
    public static func render(_ table: AgreementTable, project: Project, disagreements: Bool,
                              excerpts: [AgreementTable.UnitReference: String] = [:]) -> String {
        var lines = [
            "# Overeenstemming tussen codeurs: \(MarkdownText.text(table.coders.joined(separator: ", ")))",
            "",
            // The unit in the words of rapport.html and rapport.docx, as its own sentence (it holds no project text).
            AgreementSection.unitSentence(of: table, separator: "."),
            "",
            "| Code | Eenheden | Overeenstemming | Cohen's kappa | Krippendorff's alpha |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for row in table.rows {
            let label = project.codebook.code(id: row.codeID)?.label ?? row.codeID
            lines.append("| \(cell(label)) (\(MarkdownText.code(row.codeID, inTable: true))) | \(row.units) | \(dash(DutchNumber.percent(row.percentAgreement))) | "
                         + "\(dash(DutchNumber.statistic(row.cohenKappa))) | \(dash(DutchNumber.statistic(row.krippendorffAlpha))) |")
        }
        let overall = table.overall
        lines.append("| **Alle codes samen** | \(overall.units) | \(dash(DutchNumber.percent(overall.percentAgreement))) | "
                     + "\(dash(DutchNumber.statistic(overall.cohenKappa))) | \(dash(DutchNumber.statistic(overall.krippendorffAlpha))) |")
        lines.append("")
        lines.append("Per code telt een eenheid als 1 wanneer de codeur precies die code gaf (niet een subcode). "
                     + "“Alle codes samen” telt elke combinatie van eenheid en code als één beslissing. Een leeg vak (–) betekent: niet gedefinieerd.")
        if disagreements {
            lines.append("")
            lines.append("## Verschillen om te bespreken")
            var currentCode: String? = nil
            for disagreement in table.disagreements {
                if disagreement.codeID != currentCode {
                    currentCode = disagreement.codeID
                    lines.append("")
                    lines.append("### \(MarkdownText.text(project.codebook.code(id: disagreement.codeID)?.label ?? disagreement.codeID)) (\(MarkdownText.code(disagreement.codeID)))")
                    lines.append("")
                }
                let given = zip(table.coders, disagreement.codesByCoder).map { coder, codes in
                    "\(coder): \(codes.map { $0.isEmpty ? "geen code" : $0.joined(separator: ", ") } ?? "niet gecodeerd")"
                }.joined(separator: "; ")
                lines.append("- **\(MarkdownText.text(disagreement.unit.description))** — \(MarkdownText.text(given))")
                if let text = excerpts[disagreement.unit] {
                    lines.append("  > \(MarkdownText.lineStart(text))")
                }
            }
        }
        // One pass over the whole page, as for a report: excerpts, document ids and labels alike.
        return project.pseudonyms.apply(to: lines.joined(separator: "\n") + "\n")
    }

    static func dash(_ text: String) -> String { text.isEmpty ? "–" : text }

    /// The excerpt of every segment where the coders differ, read from the documents that hold them
    /// (on all cores, each read once): its first 120 characters, cut outside names, since `render`
    /// pseudonymises the whole page once.
    public static func excerpts(of table: AgreementTable, in project: Project) -> [AgreementTable.UnitReference: String] {
        var units: [SegmentReference: AgreementTable.UnitReference] = [:]
        for disagreement in table.disagreements {
            guard let number = disagreement.unit.segmentNumber, let document = project.position(ofDocument: disagreement.unit.documentID) else { continue }
            units[SegmentReference(document: document, number: number)] = disagreement.unit
        }
        let pseudonyms = project.pseudonyms
        let texts = project.readSegments(Set(units.keys)) { document, segment in
            excerpt(of: document.text(of: segment), pseudonyms: pseudonyms)
        }
        var excerpts: [AgreementTable.UnitReference: String] = [:]
        for (reference, text) in texts { if let unit = units[reference] { excerpts[unit] = text } }
        return excerpts
    }

    /// First 120 characters of a unit's text, white space collapsed, cut outside names.
    static func excerpt(of text: String, pseudonyms: PseudonymTable) -> String {
        let text = text.collapsingWhitespace
        return text.count > 120 ? String(pseudonyms.prefix(of: text, maximumLength: 120)) + "…" : text
    }
}
