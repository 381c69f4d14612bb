extension String {
    /// Lower case without diacritics, so `Cliënt` and `client` compare equal as researchers expect:
    /// letters fold as keywords fold them (`KeywordFolding`, so `Øresund` is `oresund` and
    /// `ΑΘΉΝΑ` is `αθηνα`), white space and punctuation stay as written.
    public var folded: String {
        // ASCII needs only lower-casing, and is what most ids and labels are.
        if utf8.allSatisfy({ $0 < 0x80 }) { return lowercased() }
        return KeywordFolding.foldingLetters(of: self)
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

    /// `collapsingWhitespace` on valid UTF-8, such as a piece of a larger text without making a
    /// string of the piece first; nil where a mark follows white space (then `collapsingWhitespace`
    /// of the piece as a string gives the answer).
    static func collapsingWhitespace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        var joinsWhiteSpace = false
        // Written straight into the string's storage: the result is never longer than the text,
        // as a run of white space becomes at most one space.
        let result = String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            var pendingSpace = false
            var afterWhiteSpace = false
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead > 0x20, lead < 0x80 {
                    // Visible ASCII: most of any text, and nothing to decode.
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    afterWhiteSpace = false
                    output[count] = lead
                    count += 1
                    index += 1
                    continue
                }
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
                    pendingSpace = count > 0
                    afterWhiteSpace = true
                    index += width
                    continue
                }
                if afterWhiteSpace, lead >= 0x80, scalar.joinsThePreviousCharacter {
                    joinsWhiteSpace = true
                    return 0
                }
                afterWhiteSpace = false
                if pendingSpace {
                    output[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                for offset in index..<(index + width) {
                    output[count] = bytes[offset]
                    count += 1
                }
                index += width
            }
            return count
        }
        return joinsWhiteSpace ? nil : result
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
