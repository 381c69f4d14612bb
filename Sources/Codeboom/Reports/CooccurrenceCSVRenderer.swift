/// Co-occurrence as CSV, the contract other tools read:
/// `code_a,code_b,perspective,both,jaccard`, one row per ordered pair of codes in codebook order
/// (the diagonal included) × perspective and `totaal`; Jaccard with 3 decimals, empty when neither occurs.
public enum CooccurrenceCSVRenderer {
    /// The CSV header line.
    public static let header = "code_a,code_b,perspective,both,jaccard"

    /// The header and every row; with `perspective`, only that perspective's rows.
    public static func render(_ table: CooccurrenceTable, perspective: Perspective? = nil) -> String {
        var text = header + "\n"
        for row in table.rows(perspective: perspective) {
            let fields = [row.codeA, row.codeB, row.perspective?.name ?? FrequencyTable.totalName, String(row.both),
                          row.jaccard.map { AgreementNumber.format($0, decimals: 3) } ?? ""]
            text += fields.map(CSVTable.escape).joined(separator: ",") + "\n"
        }
        return text
    }
}
