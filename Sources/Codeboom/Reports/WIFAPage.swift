/// `wifa.md`: the WIFA model (Waardering, Informeren, Faciliteren, Afstemming) per perspective, or with
/// `report --by` per group of another variable.
public enum WIFAPage {
    /// The WIFA page's file name.
    public static let fileName = "wifa.md"

    /// "WIFA-model per perspectief", "WIFA-model per type": the page's title, and the section's in rapport.html and rapport.docx.
    public static func title(_ wording: GroupWording) -> String { "WIFA-model \(wording.per)" }

    /// The WIFA page: the themes per dimension and how many respondents of each perspective raise them.
    public static func render(_ context: ReportContext) -> String {
        let columns: [Perspective?] = context.columns.map { $0 } + [nil]
        let wording = context.wording
        var lines = [
            "# \(MarkdownText.text(title(wording)))",
            "",
            "Het WIFA-model beschrijft samenwerking tussen vrijwilligers en professionals in vier dimensies: "
                + "Waardering, Informeren, Faciliteren en Afstemming. Per dimensie staat hoeveel respondenten \(MarkdownText.text(wording.ofEach)) "
                + "minstens één fragment hebben met een code van die dimensie (het kenmerk `wifa:` in het codeboek). "
                + CoderWording.line(for: context.coder),
            "",
        ]
        if context.drawsFigures { lines += [ReportFigures.markdownImage(file: ReportFigures.wifaFile, title: ReportFigures.wifaTitle(wording)), ""] }
        lines += [
            "| Dimensie | " + columns.map { cell(context.header(for: $0)) }.joined(separator: " | ") + " |",
            "| --- |" + String(repeating: " ---: |", count: columns.count),
        ]
        for dimension in WIFADimension.allCases {
            let codes = codes(of: dimension, context: context)
            let counts = columns.map { "\(respondents(of: codes, in: $0, context: context).count)/\(context.size(of: $0))" }
            lines.append("| \(dimension.name) | " + counts.joined(separator: " | ") + " |")
        }
        for dimension in WIFADimension.allCases {
            let codes = codes(of: dimension, context: context)
            lines += ["", "## \(dimension.name)", ""]
            guard !codes.isEmpty else {
                lines.append("Geen code in het codeboek hoort bij deze dimensie.")
                continue
            }
            for perspective in context.perspectives {
                let count = respondents(of: codes, in: perspective, context: context).count
                let size = context.size(of: perspective)
                let quantifier = Quantifier(count: count, of: size)
                lines.append("- " + Quantifier.phrase(count: count, of: size, singular: MarkdownText.text(wording.respondents(of: perspective, singular: true)),
                                                 plural: MarkdownText.text(wording.respondents(of: perspective, singular: false)))
                             + " \(quantifier.takesSingularVerb(total: size) ? "brengt" : "brengen") \(dimension.name.lowercased()) ter sprake.")
            }
            lines += ["", "Codes die bijdragen:", ""]
            for code in codes {
                let total = context.row(code.id, nil)
                lines.append("- \(context.numbers[code.id] ?? ""). \(MarkdownText.text(code.label)) (\(MarkdownText.code(code.id))): "
                             + "\(total.respondents) van \(Counted.phrase(total.respondentsInPerspective, "respondent", "respondenten")), "
                             + Counted.phrase(total.segments, "fragment", "fragmenten"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether the page has anything to show: some code has `wifa:`. Without one the report has no WIFA page.
    public static func applies(to codebook: Codebook) -> Bool {
        codebook.codes.contains { $0.wifa != nil }
    }

    /// Codes whose own `wifa:` is the dimension, in codebook order.
    static func codes(of dimension: WIFADimension, context: ReportContext) -> [Code] {
        context.codebook.codes.filter { $0.wifa == dimension }
    }

    /// Distinct respondents with a coding in any of the codes (sub-codes included).
    static func respondents(of codes: [Code], in perspective: Perspective?, context: ReportContext) -> Set<String> {
        Set(codes.flatMap { context.row($0.id, perspective).respondentIDs })
    }
}
