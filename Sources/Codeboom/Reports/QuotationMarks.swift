/// Quotation marks one level deep, as Dutch reports print a respondent's words: the quote in “…”,
/// a quote inside it in ‘…’. Double marks inside the words (`"…"`, `“…”`, `„…”`) become single
/// ones, so a page never shows “““ or a quote that seems to end in the middle.
enum QuotationMarks {
    /// `text` between “ and ”, with its own double quotation marks made single.
    static func quoted(_ text: String) -> String {
        "“" + nested(text) + "”"
    }

    /// `text` with every double quotation mark made single: an opening one (`“`, `„`, or `"` at the
    /// start or after a space or opening bracket) becomes ‘, a closing one ’. Apostrophes (`z'n`) stay.
    static func nested(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { doubleMarks.contains($0) }) else { return text }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar? = nil
        for scalar in text.unicodeScalars {
            switch scalar {
            case "“", "„", "‟":
                result.append("‘")
            case "”":
                result.append("’")
            case "\"":
                result.append(previous.map { opensAfter.contains($0) || $0.properties.isWhitespace } ?? true ? "‘" : "’")
            default:
                result.append(scalar)
            }
            previous = scalar
        }
        return String(result)
    }

    private static let doubleMarks: Set<Unicode.Scalar> = ["\"", "“", "”", "„", "‟"]
    /// After these a straight `"` opens a quote rather than closing one.
    private static let opensAfter: Set<Unicode.Scalar> = ["(", "[", "{", "‘", "“", "„", "—", "–", "-", "/", ":"]
}
