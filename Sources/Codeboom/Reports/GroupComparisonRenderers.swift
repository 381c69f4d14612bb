/// A comparison as CSV: `code,n_a,N_a,n_b,N_b,difference_pp,fisher_p`, difference with 1 decimal, p with 4.
public enum GroupComparisonCSVRenderer {
    /// The CSV header line.
    public static let header = "code,n_a,N_a,n_b,N_b,difference_pp,fisher_p"

    /// The header and one line per code, in the comparison's order.
    public static func render(_ comparison: GroupComparison, dialect: CSVDialect = .standard) -> String {
        dialect.document([dialect.line(texts: header.split(separator: ",").map(String.init))] + comparison.rows.map { row in
            dialect.line([.text(row.codeID), .integer(row.countA), .integer(row.sizeA), .integer(row.countB), .integer(row.sizeB),
                          .number(row.differencePercentagePoints, decimals: 1), .number(row.fisherP, decimals: 4)])
        })
    }
}

/// A comparison as a Dutch page: which themes differ most between two groups, in words that do
/// not generalise beyond the respondents.
public enum GroupComparisonPage {
    /// `vergelijking-professionals-vrijwilligers.md`.
    public static func fileName(_ comparison: GroupComparison) -> String {
        "vergelijking-\(slug(comparison.groupA))-\(slug(comparison.groupB)).md"
    }

    /// The page's title: "Vergelijking: professionals en vrijwilligers".
    public static func title(_ comparison: GroupComparison) -> String {
        "Vergelijking: \(plural(comparison.groupA)) en \(plural(comparison.groupB))"
    }

    static func plural(_ group: Perspective) -> String { PerspectiveNoun.plural(of: group.name) }
    static func slug(_ group: Perspective) -> String { plural(group).slug.isEmpty ? "zonder-perspectief" : plural(group).slug }

    /// The page; `codebook` gives labels, `numbers` the report's theme numbers (empty outside a report).
    public static func render(_ comparison: GroupComparison, codebook: Codebook, numbers: [String: String] = [:]) -> String {
        let (a, b) = (comparison.groupA, comparison.groupB)
        let sizeA = comparison.rows.first?.sizeA ?? 0, sizeB = comparison.rows.first?.sizeB ?? 0
        var lines = ["# \(MarkdownText.text(title(comparison)))", "",
                     "Per thema het aandeel van de \(MarkdownText.text(plural(a))) (N=\(sizeA)) en van de \(MarkdownText.text(plural(b))) "
                     + "(N=\(sizeB)) dat het thema naar voren bracht, het grootste verschil eerst. Het verschil staat in procentpunten. "
                     + "Een hoofdthema telt zijn subthema's mee. \(CoderWording.line(for: comparison.coder))", "",
                     "Met zo weinig respondenten beschrijft deze vergelijking alleen de respondenten van dit onderzoek: ze zegt niet dat "
                     + "het verschil ook daarbuiten bestaat. De p-waarde van Fisher's exacte toets (tweezijdig) staat erbij als "
                     + "beschrijvend hulpmiddel, niet als bewijs: de kans op een verschil van minstens deze grootte bij deze aantallen, als het "
                     + "thema in beide groepen even vaak voorkwam.", "",
                     "| Thema | \(MarkdownText.cell(plural(a).capitalisingFirstLetter)) | \(MarkdownText.cell(plural(b).capitalisingFirstLetter)) "
                     + "| Verschil (procentpunten) | p (Fisher) |",
                     "| --- | ---: | ---: | ---: | ---: |"]
        for row in comparison.rows {
            guard let code = codebook.code(id: row.codeID) else { continue }
            // A sub-code's number (10.1) says it is one; outside a report it is indented.
            let indent = code.depth > 1 && numbers[code.id] == nil ? "\u{2003}" : ""
            let name = "\(indent)\(numbers[code.id].map { "\($0) " } ?? "")\(MarkdownText.cell(code.label))"
            let difference = row.differencePercentagePoints
            let signed = (difference > 0.05 ? "+" : "") + DutchNumber.decimal(difference, decimals: 1)
            lines.append("| \(name) | \(share(row.countA, row.sizeA)) | \(share(row.countB, row.sizeB)) | \(signed) | "
                         + "\(DutchNumber.decimal(row.fisherP, decimals: 4)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "7/10 (70%)".
    static func share(_ count: Int, _ size: Int) -> String {
        "\(count)/\(size) (\(DutchNumber.percent(100 * Double(count) / Double(size), decimals: 0)))"
    }
}
