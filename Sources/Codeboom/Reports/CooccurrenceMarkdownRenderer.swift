/// Co-occurrence as a readable list: per code, the codes it comes up with, most often first, with
/// how often and Jaccard's index. A code and its own parent or sub-codes always come together (a
/// parent holds its sub-codes), so those pairs are left out here; the CSV has every pair.
public enum CooccurrenceMarkdownRenderer {
    /// The unit in Dutch, singular and plural: "fragment"/"fragmenten", …
    static func unitNouns(_ unit: CooccurrenceTable.Unit) -> (String, String) {
        switch unit {
        case .segment: ("fragment", "fragmenten")
        case .document: ("document", "documenten")
        case .respondent: ("respondent", "respondenten")
        }
    }

    /// One table row per code that occurs, in codebook order; `perspective` nil for the total.
    public static func render(_ table: CooccurrenceTable, codebook: Codebook, perspective: Perspective? = nil) -> String {
        let (one, many) = unitNouns(table.unit)
        let scope = perspective.map { "Perspectief: \(MarkdownText.text($0.name))." } ?? "Alle perspectieven samen."
        var lines = ["# Samenhang tussen codes", "",
                     "Per code de codes die in hetzelfde \(one) voorkomen, het vaakst eerst: het aantal \(many) met beide, "
                     + "en Jaccards index (beide / een van beide). Een hoofdcode telt haar subcodes mee; een code met haar eigen "
                     + "hoofd- of subcodes staat er niet bij. \(scope) \(CoderWording.line(for: table.coder))", "",
                     "| Code | \(many.capitalisingFirstLetter) | Komt samen voor met |", "| --- | ---: | --- |"]
        for (a, code) in codebook.codes.enumerated() where !code.isCategory {
            let own = table.both(a, a, in: perspective)
            guard own > 0 else { continue }
            let partners = partners(of: a, in: table, codebook: codebook, perspective: perspective)
            let listed = partners.isEmpty ? "—" : partners.map { b, both in
                let jaccard = table.row(a, b, in: perspective).jaccard.map { DutchNumber.decimal($0, decimals: 3) } ?? ""
                return "\(MarkdownText.cell(codebook.codes[b].label)) (\(MarkdownText.code(codebook.codes[b].id, inTable: true))) \(both) (\(jaccard))"
            }.joined(separator: "; ")
            lines.append("| \(MarkdownText.cell(code.label)) (\(MarkdownText.code(code.id, inTable: true))) | \(own) | \(listed) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The codes (by position) that share a unit with code `a`, not its ancestors or descendants,
    /// most often first and then in codebook order; `among` limits them (to themes, on the report page).
    static func partners(of a: Int, in table: CooccurrenceTable, codebook: Codebook, perspective: Perspective?,
                         among: ((Code) -> Bool)? = nil) -> [(code: Int, both: Int)] {
        let path = Set(codebook.path(of: codebook.codes[a].id))
        var partners: [(code: Int, both: Int)] = []
        for (b, other) in codebook.codes.enumerated() where b != a && !other.isCategory && (among?(other) ?? true) {
            guard !path.contains(other.id), !codebook.path(of: other.id).contains(codebook.codes[a].id) else { continue }
            let both = table.both(a, b, in: perspective)
            if both > 0 { partners.append((b, both)) }
        }
        return partners.enumerated().sorted { ($0.element.both, -$0.offset) > ($1.element.both, -$1.offset) }.map(\.element)
    }
}
