import Foundation

/// Number formats of agreement tables: empty for an undefined statistic, never NaN.
enum AgreementNumber {
    static func percent(_ value: Double?) -> String { value.map { format($0, decimals: 1) } ?? "" }
    static func statistic(_ value: Double?) -> String { value.map { format($0, decimals: 3) } ?? "" }

    static func format(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        // "-0.000" reads as a sign where there is none.
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}

/// The agreement table as CSV (`code,units,percent_agreement,cohen_kappa,krippendorff_alpha`).
public enum AgreementCSVRenderer {
    public static let header = "code,units,percent_agreement,cohen_kappa,krippendorff_alpha"

    /// The header and one row per code.
    public static func render(_ table: AgreementTable) -> String {
        var lines = [header]
        for row in table.rows {
            lines.append([row.codeID, String(row.units), AgreementNumber.percent(row.percentAgreement),
                          AgreementNumber.statistic(row.cohenKappa), AgreementNumber.statistic(row.krippendorffAlpha)]
                .map(CSVTable.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The agreement table as JSON, with the pooled overall row.
public enum AgreementJSONRenderer {
    /// The table as one JSON document.
    public static func render(_ table: AgreementTable) -> String {
        func object(_ row: AgreementTable.Row) -> [String: Any] {
            var result: [String: Any] = ["units": row.units]
            result["code"] = row.codeID.isEmpty ? nil : row.codeID
            result["percent_agreement"] = row.percentAgreement.flatMap { Double(AgreementNumber.percent($0)) } ?? NSNull()
            result["cohen_kappa"] = row.cohenKappa.flatMap { Double(AgreementNumber.statistic($0)) } ?? NSNull()
            result["krippendorff_alpha"] = row.krippendorffAlpha.flatMap { Double(AgreementNumber.statistic($0)) } ?? NSNull()
            return result
        }
        let payload: [String: Any] = ["coders": table.coders, "unit": table.unit.rawValue, "units": table.unitCount,
                                      "documents": table.documentIDs, "rows": table.rows.map(object), "overall": object(table.overall)]
        let data = (try? JSONSerialization.data(withJSONObject: payload, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The agreement table as Markdown, with the disagreements to discuss when asked.
public enum AgreementMarkdownRenderer {
    /// The page; with `disagreements`, every unit where the coders differ, with its text pseudonymised.
    public static func render(_ table: AgreementTable, project: Project, disagreements: Bool) -> String {
        let unitWord = table.unit == .segment ? "segmenten" : "documenten"
        var lines = [
            "# Overeenstemming tussen codeurs: \(MarkdownText.text(table.coders.joined(separator: ", ")))",
            "",
            "Eenheid: \(table.unit == .segment ? "segment (interviewerbeurten niet meegeteld)" : "document"). "
                + "\(table.unitCount) \(unitWord) in \(table.documentIDs.count) documenten die minstens twee codeurs codeerden.",
            "",
            "| Code | Eenheden | % overeenstemming | Cohen's kappa | Krippendorff's alpha |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for row in table.rows {
            let label = project.codebook.code(id: row.codeID)?.label ?? row.codeID
            lines.append("| \(cell(label)) (\(MarkdownText.code(row.codeID, inTable: true))) | \(row.units) | \(dash(AgreementNumber.percent(row.percentAgreement))) | "
                         + "\(dash(AgreementNumber.statistic(row.cohenKappa))) | \(dash(AgreementNumber.statistic(row.krippendorffAlpha))) |")
        }
        let overall = table.overall
        lines.append("| **Alle codes samen** | \(overall.units) | \(dash(AgreementNumber.percent(overall.percentAgreement))) | "
                     + "\(dash(AgreementNumber.statistic(overall.cohenKappa))) | \(dash(AgreementNumber.statistic(overall.krippendorffAlpha))) |")
        lines.append("")
        lines.append("Per code telt een eenheid als 1 wanneer de codeur precies die code gaf (niet een subcode). "
                     + "\"Alle codes samen\" telt elke combinatie van eenheid en code als één beslissing. Een leeg vak (–) betekent: niet gedefinieerd.")
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
                if let text = excerpt(of: disagreement.unit, in: project) {
                    lines.append("  > \(MarkdownText.lineStart(text))")
                }
            }
        }
        // One pass over the whole page, as for a report: excerpts, document ids and labels alike.
        return project.pseudonyms.apply(to: lines.joined(separator: "\n") + "\n")
    }

    static func dash(_ text: String) -> String { text.isEmpty ? "–" : text }

    /// First 120 characters of the unit's text, cut outside names: `render` pseudonymises the whole page once.
    static func excerpt(of unit: AgreementTable.UnitReference, in project: Project) -> String? {
        guard let number = unit.segmentNumber, let segment = project.document(id: unit.documentID)?.segment(number: number) else { return nil }
        let text = segment.text.collapsingWhitespace
        return text.count > 120 ? String(project.pseudonyms.prefix(of: text, maximumLength: 120)) + "…" : text
    }
}
