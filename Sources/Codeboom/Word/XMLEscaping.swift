/// Text written into XML (WordprocessingML, SVG, XHTML-like HTML) so that it stays text: the markup
/// characters become entities and characters XML 1.0 cannot hold at all are left out.
enum XMLEscaping {
    /// Character data: `&`, `<` and `>` as entities.
    static func text(_ text: String) -> String { escaped(text, quotes: false) }

    /// An attribute value in double or single quotes: also `"` and `'`.
    static func attribute(_ text: String) -> String { escaped(text, quotes: true) }

    private static func escaped(_ text: String, quotes: Bool) -> String {
        // Most text holds none of these; return it as it is.
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 || $0 == 0xEF }) {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                // XML 1.0 has no way to write other C0 controls or the non-characters U+FFFE/U+FFFF.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
