/// Text as a terminal may show it: characters that steer the terminal or hide what a name really
/// is become visible escapes, so a file named `a<ESC>[2Jb.txt` prints as `a\u{1B}[2Jb.txt`.
///
/// Escaped: the C0 and C1 control characters (ESC, BEL, backspace, carriage return, …, DEL), the
/// Unicode line and paragraph separators, and the bidirectional embeddings, overrides and isolates
/// that can make a name read backwards ("Trojan Source"). Everything else passes unchanged.
public enum TerminalText {
    /// `text` with every such character written as `\u{HEX}`. With `keepingLineBreaks`, line feeds
    /// and tabs stay (for whole outputs made of lines); without it they are escaped too (for one
    /// value, such as a file name, inside a line).
    /// - Complexity: O(n) in the length of `text`; text without such characters is returned as is.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) {
                result.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether a scalar changes what a terminal shows beyond itself.
    static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `\u{1B}`: the notation Swift and JavaScript use, so it can be pasted back.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}
