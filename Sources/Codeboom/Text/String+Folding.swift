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
        var text = self
        // On the UTF-8 bytes, which is far quicker than by characters. A mark right after white space
        // would join it into one character; such rare text takes the character path, so both agree.
        return text.withUTF8 { Self.collapsingWhitespace(utf8: $0) }
            ?? split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `collapsingWhitespace` on valid UTF-8; nil where a mark follows white space.
    private static func collapsingWhitespace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var afterWhiteSpace = false
        var index = 0
        guard let base = bytes.baseAddress else { return "" }
        while index < bytes.count {
            let lead = bytes[index]
            let (value, width) = KeywordFolding.decode(base, at: index, count: bytes.count)
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            let isWhiteSpace: Bool
            if lead < 0x80 {
                isWhiteSpace = lead == 0x20 || (0x09...0x0D).contains(lead)
            } else {
                // Non-ASCII white space starts with one of these bytes (U+0085, U+00A0, U+1680, U+2000…, U+3000).
                isWhiteSpace = (lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3) && scalar.properties.isWhitespace
            }
            if isWhiteSpace {
                pendingSpace = !output.isEmpty
                afterWhiteSpace = true
                index += width
                continue
            }
            if afterWhiteSpace, lead >= 0x80, scalar.joinsThePreviousCharacter { return nil }
            afterWhiteSpace = false
            if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)]))
            index += width
        }
        return String(decoding: output, as: UTF8.self)
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
