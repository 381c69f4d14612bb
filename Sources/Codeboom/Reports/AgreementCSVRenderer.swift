import Foundation

/// The agreement table as CSV (`code,units,percent_agreement,cohen_kappa,krippendorff_alpha`).
public enum AgreementCSVRenderer {
    /// The CSV header line.
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
