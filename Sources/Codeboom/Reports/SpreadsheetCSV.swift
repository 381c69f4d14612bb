/// CSV as a spreadsheet opens it. Plain: `,` between fields and decimal points, as the CSV
/// contracts promise. For Excel with Dutch settings (`--excel`): `;` between fields, decimal
/// commas and a UTF-8 byte order mark, so Excel reads `cliënt` and 0,5 as they are meant.
///
/// The one place this choice is made, so every command that offers `--excel` writes the same.
public struct SpreadsheetCSV: Sendable {
    /// Whether to write for Excel (`;`, decimal commas, byte order mark).
    public var excel: Bool

    /// Plain CSV, or CSV for Excel.
    public init(excel: Bool = false) { self.excel = excel }

    /// The byte order mark Excel needs to read UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// One line of fields, each quoted when it holds a separator (`,` or `;`), quote or line break.
    public func line(_ fields: [String]) -> String {
        fields.map(CSVTable.escape).joined(separator: excel ? ";" : ",") + "\n"
    }

    /// A number with `decimals` digits after the decimal point (a comma for Excel); never "-0.0".
    public func number(_ value: Double, decimals: Int) -> String {
        excel ? DutchNumber.decimal(value, decimals: decimals) : AgreementNumber.format(value, decimals: decimals)
    }

    /// The whole file: the lines, with the byte order mark first for Excel.
    public func document(_ lines: [String]) -> String {
        (excel ? Self.byteOrderMark : "") + lines.joined()
    }
}
