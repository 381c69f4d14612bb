/// `samenhang.md`: per theme, the themes it most often comes up with in the same fragment, as counts.
public enum CooccurrencePage {
    /// The page's file name.
    public static let fileName = "samenhang.md"
    /// How many companions a theme lists at most.
    static let shownPartners = 3

    /// The page, from segment co-occurrence of the report's coder.
    public static func render(_ context: ReportContext, table: CooccurrenceTable) -> String {
        let codebook = context.codebook
        var lines = ["# Samenhang tussen thema's", "",
                     "Welke thema's in hetzelfde fragment (een beurt of alinea) samen voorkomen: per thema de thema's waarmee het "
                     + "het vaakst samen voorkomt (ten hoogste \(shownPartners)), met het aantal fragmenten waarin beide voorkomen. "
                     + "Een thema telt zijn subthema's mee. \(CoderWording.line(for: context.coder))"]
        for category in codebook.categories {
            lines += ["", "## \(MarkdownText.text(category.label))", ""]
            for theme in context.themes(in: category) {
                guard let a = codebook.position(of: theme.id) else { continue }
                let own = table.both(a, a, in: nil)
                let name = "**\(context.numbers[theme.id].map { "\($0) " } ?? "")\(MarkdownText.text(theme.label))**"
                guard own > 0 else {
                    lines.append("- \(name): komt in geen enkel fragment voor.")
                    continue
                }
                let all = CooccurrenceMarkdownRenderer.partners(of: a, in: table, codebook: codebook, perspective: nil, among: { $0.depth == 1 })
                let partners = all.prefix(shownPartners)
                let ownPhrase = Counted.phrase(own, "fragment", "fragmenten")
                if partners.isEmpty {
                    lines.append("- \(name) (\(ownPhrase)): komt niet samen met een ander thema voor.")
                } else {
                    let listed = partners.map { partner in
                        let other = codebook.codes[partner.code]
                        return "\(context.numbers[other.id].map { "\($0) " } ?? "")\(MarkdownText.text(other.label)) "
                            + "(\(Counted.phrase(partner.both, "fragment", "fragmenten")))"
                    }
                    // Themes left out that come up just as often as the last one shown: said, so no choice looks like a ranking.
                    let last = partners.last!.both
                    let tied = all.dropFirst(shownPartners).filter { $0.both == last }.count
                    let more = tied == 0 ? "" : ", en nog \(Counted.phrase(tied, "ander thema", "andere thema's")) ook in "
                        + (last == 1 ? "1 fragment" : "\(last) fragmenten")
                    lines.append("- \(name) (\(ownPhrase)): samen met " + listed.joinedAsDutchList + more + ".")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
