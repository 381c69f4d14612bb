/// Escaping for the XML that REFI-QDA files hold (XML 1.0, UTF-8).
enum REFIXMLText {
    /// `text` as element content: `&`, `<`, `>` as entities, a carriage return as `&#13;` (a parser would turn
    /// it into a line feed), and characters XML 1.0 cannot hold at all (C0 controls other than tab and line
    /// feed, U+FFFE, U+FFFF) as U+FFFD.
    static func content(_ text: String) -> String {
        escape(text, attribute: false)
    }

    /// `text` as an attribute value in double quotes: as ``content(_:)``, and `"`, tab and line feed as
    /// character references, so a parser's attribute normalisation gives back exactly `text`.
    static func attribute(_ text: String) -> String {
        escape(text, attribute: true)
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        // Most names and texts need nothing: keep them as they are.
        let needsWork = text.utf8.contains { byte in
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte < 0x20 || byte == 0xEF || (attribute && byte == 0x22)
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\r": result += "&#13;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            case "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
            default:
                if scalar.value < 0x20 {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
