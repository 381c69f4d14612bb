import Foundation

/// How a CSV file is spelled: plain, for R, SPSS and scripts, or for Dutch Excel, which opens a file by
/// double-click only when it is `;`-separated UTF-8 with a byte-order mark.
///
/// The one place this choice is made: every command that offers `--excel` (`freq`, `matrix`, `export --csv`)
/// writes through it.
public struct CSVDialect: Sendable, Equatable {
    /// The field separator.
    public var separator: String
    /// Whether the file starts with the UTF-8 byte-order mark (Excel reads the file as UTF-8 only then).
    public var byteOrderMark: Bool
    /// Whether decimals are written with a comma (`0,5`), as Dutch Excel reads numbers.
    public var decimalComma: Bool
    /// Whether a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
    /// so that Excel shows it as text instead of running it as a formula (CSV injection).
    public var guardsFormulas: Bool

    /// Comma-separated UTF-8 without BOM, decimal points, every cell exactly as the text: what scripts read back.
    public static let standard = CSVDialect(separator: ",", byteOrderMark: false, decimalComma: false, guardsFormulas: false)
    /// `;`-separated UTF-8 with BOM, decimal commas, formula-like cells guarded: what Dutch Excel opens.
    public static let excel = CSVDialect(separator: ";", byteOrderMark: true, decimalComma: true, guardsFormulas: true)

    /// What the file starts with: the byte-order mark or nothing.
    public var preamble: String { byteOrderMark ? "\u{FEFF}" : "" }

    /// One line of cells (with its line feed); cells are quoted when they hold a separator, a quote or a line break.
    public func line(_ cells: [Cell]) -> String {
        cells.map(spelled).joined(separator: separator) + "\n"
    }

    /// One line of text cells.
    public func line(texts: [String]) -> String {
        line(texts.map(Cell.text))
    }

    /// The whole file: the preamble, then the lines.
    public func document(_ lines: [String]) -> String {
        preamble + lines.joined()
    }

    /// A cell: text, or a number that follows the dialect's decimal mark.
    public enum Cell: Sendable, Equatable {
        /// Text, guarded against formulas when the dialect asks for it.
        case text(String)
        /// A whole number, never guarded (a negative count stays a number).
        case integer(Int)
        /// A decimal, written with the dialect's decimal mark.
        case decimal(String)
        /// An empty cell.
        case empty

        /// A number with `decimals` digits after the decimal mark; never "-0.0".
        public static func number(_ value: Double, decimals: Int) -> Cell {
            .decimal(AgreementNumber.format(value, decimals: decimals))
        }
    }

    private func spelled(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .integer(let value): return String(value)
        case .decimal(let text): return decimalComma ? text.replacingOccurrences(of: ".", with: ",").quotedIfNeeded(separator) : text
        case .text(var text):
            if guardsFormulas, let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
            return text.quotedIfNeeded(separator)
        }
    }
}

extension String {
    /// In double quotes, with quotes doubled, when it holds the separator, a semicolon (a separator Excel may
    /// guess), a quote or a line break.
    fileprivate func quotedIfNeeded(_ separator: String) -> String {
        let separatorByte = separator.utf8.first ?? 0x2C
        guard utf8.contains(where: { $0 == separatorByte || $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return self }
        return "\"" + replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
