/// Numbers as a Dutch report prints them: a decimal comma ("0,727") and the percent sign right after
/// the number ("12,5%"). Only Markdown pages use these; the CSV and JSON contracts keep their points
/// (``AgreementNumber``), and theme numbers such as 10.1 are numbering, not decimals.
enum DutchNumber {
    /// `value` with `decimals` digits after a decimal comma; never "-0,000".
    static func decimal(_ value: Double, decimals: Int) -> String {
        AgreementNumber.format(value, decimals: decimals).replacingOccurrences(of: ".", with: ",")
    }

    /// A percentage given in percent (87.5 → "87,5%").
    static func percent(_ value: Double, decimals: Int = 1) -> String {
        decimal(value, decimals: decimals) + "%"
    }

    /// An agreement table's percentage ("88,9%"), or "" when it is undefined.
    static func percent(_ value: Double?) -> String { value.map { percent($0) } ?? "" }

    /// An agreement statistic with three decimals ("0,727", "-0,062"), or "" when it is undefined.
    static func statistic(_ value: Double?) -> String { value.map { decimal($0, decimals: 3) } ?? "" }
}
