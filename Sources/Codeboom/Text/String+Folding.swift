import Foundation

extension String {
    /// Lower case without diacritics, so `Cliënt` and `client` compare equal as researchers expect.
    public var folded: String {
        // ASCII needs only lower-casing; Foundation's folding is slow on Linux and called per respondent.
        if utf8.allSatisfy({ $0 < 0x80 }) { return lowercased() }
        return folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// The id a heading gets without `{#id}`: folded, runs of other characters become `-`.
    public var slug: String {
        var result = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// Runs of white space (line breaks included) become single spaces; ends trimmed. For quotes and cells.
    public var collapsingWhitespace: String {
        // Scalar by scalar, which is far quicker than by characters. A mark right after white space
        // would join it into one character; such rare text takes the character path, so both agree.
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        var afterWhiteSpace = false
        for scalar in unicodeScalars {
            let isWhiteSpace = scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if isWhiteSpace {
                pendingSpace = !result.isEmpty
                afterWhiteSpace = true
                continue
            }
            if afterWhiteSpace, !scalar.isASCII, scalar.joinsThePreviousCharacter {
                return split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            }
            afterWhiteSpace = false
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar extends the character before it (a combining mark, an emoji modifier, a joiner).
    var joinsThePreviousCharacter: Bool {
        let properties = self.properties
        return properties.isGraphemeExtend || properties.isEmojiModifier || self == "\u{200D}"
            || properties.generalCategory == .spacingMark
    }
}
