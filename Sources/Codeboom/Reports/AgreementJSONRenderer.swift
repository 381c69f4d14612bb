import Foundation

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
