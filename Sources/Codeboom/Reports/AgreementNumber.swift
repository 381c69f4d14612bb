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
