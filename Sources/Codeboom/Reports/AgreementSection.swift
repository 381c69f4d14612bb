/// The agreement between coders as `rapport.html` and `rapport.docx` show it: its words and numbers made once,
/// which each renderer only marks up (and pseudonymises and escapes as its format needs).
///
/// The unit is named as ``AgreementTable/unit`` says: segments (interviewer turns not counted) or whole documents.
struct AgreementSection {
    /// The section's heading.
    static let title = "Overeenstemming tussen codeurs"
    /// The caption of its table.
    static let caption = "Overeenstemming per code"
    /// The table's column headers; every column after the first holds numbers.
    static let columnHeaders = ["Code", "Eenheden", "Overeenstemming", "Cohen's kappa", "Krippendorff's alpha"]
    /// The label of the last row, all codes pooled.
    static let totalLabel = "Alle codes samen"

    /// One row: a code's label (project text) and its numbers as shown, "–" where a number is not defined.
    struct Row {
        var label: String
        var values: [String]
    }

    /// The coders compared, in the table's order, joined by commas (project text).
    let coders: String
    /// What was compared, after the coders: the unit and how many units in how many documents.
    let unitSentence: String
    /// One row per code, in the table's order.
    let rows: [Row]
    /// All codes pooled.
    let total: Row

    init(_ table: AgreementTable, codebook: Codebook) {
        coders = table.coders.joined(separator: ", ")
        unitSentence = Self.unitSentence(of: table, separator: ";")
        func values(_ row: AgreementTable.Row) -> [String] {
            [String(row.units), DutchNumber.percent(row.percentAgreement), DutchNumber.statistic(row.cohenKappa),
             DutchNumber.statistic(row.krippendorffAlpha)].map { $0.isEmpty ? "–" : $0 }
        }
        rows = table.rows.map { Row(label: codebook.code(id: $0.codeID)?.label ?? $0.codeID, values: values($0)) }
        total = Row(label: Self.totalLabel, values: values(table.overall))
    }

    /// What was compared: "Eenheid: segment (interviewerbeurten niet meegeteld)", `separator`, then how many
    /// units in how many documents. The one wording of the unit, for these documents (`;`) and the `agree` page (`.`).
    static func unitSentence(of table: AgreementTable, separator: String) -> String {
        let documents = table.documentIDs.count
        switch table.unit {
        case .segment:
            return "Eenheid: segment (interviewerbeurten niet meegeteld)\(separator) "
                + "\(Counted.phrase(table.unitCount, "segment", "segmenten")) in \(Counted.phrase(documents, "document", "documenten")) "
                + "\(documents == 1 ? "dat" : "die") minstens twee codeurs codeerden."
        case .document:
            // The units are the documents themselves: "3 documenten die …", not "3 documenten in 3 documenten".
            return "Eenheid: document (of een codeur de code ergens in het document gaf)\(separator) "
                + "\(Counted.phrase(table.unitCount, "document", "documenten")) \(table.unitCount == 1 ? "dat" : "die") minstens twee codeurs codeerden."
        }
    }

    /// The paragraph under the heading, with the coders' names passed through `projectText` (pseudonymised, escaped).
    func introduction(_ projectText: (String) -> String) -> String {
        "Codeurs: \(projectText(coders)). \(unitSentence) Een streepje (–) betekent: niet gedefinieerd."
    }
}
