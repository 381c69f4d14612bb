/// The byte alphabet keyword terms and transcripts are compared in, so that `Cliënt`, `client`
/// and `CLIENT` are one word without allocating per word.
///
/// Every Unicode scalar of the text folds to zero, one or two *symbols* (bytes):
/// - ASCII letters fold to lowercase, ASCII digits stay: word symbols.
/// - Latin-1 and Latin Extended-A letters (U+00C0–U+017F) fold to their base lowercase ASCII
///   letter(s): `ë`→`e`, `ß`→`ss`, `æ`→`ae`, `ø`→`o`, `ĳ`→`ij`.
/// - Other letters, digits, symbols and emoji are word symbols kept as their own UTF-8 bytes.
/// - White space (Unicode `White_Space`, including no-break spaces) folds to a space; a run of
///   spaces folds to one, so phrases match across line breaks.
/// - Punctuation folds to a separator: ASCII punctuation to itself, typographic apostrophes to
///   `'`, typographic double quotes to `"`, dashes to `-`, `…` to `.`, the rest to `0x01`.
/// - Combining diacritics (U+0300–U+036F), soft hyphens and zero-width joiners fold to nothing,
///   so decomposed text and hyphenation points do not split words.
///
/// A word boundary lies between a word symbol and a separator or space, and at the ends of the text.
enum KeywordFolding {
    /// What one scalar folds to.
    enum Fold: Equatable {
        /// One or two lowercase ASCII letters (`second` is 0 when there is only one).
        case letters(UInt8, second: UInt8)
        /// A word character kept as its own UTF-8 bytes.
        case kept
        /// White space.
        case space
        /// A separator symbol (never a word symbol, never a space).
        case separator(UInt8)
        /// Nothing: the scalar is invisible to matching.
        case ignored

        /// Whether the scalar belongs to a word.
        var isWord: Bool {
            switch self {
            case .letters, .kept: return true
            case .space, .separator, .ignored: return false
            }
        }
    }

    /// The folded space symbol.
    static let space: UInt8 = 0x20
    /// The separator symbol for punctuation without an ASCII look-alike.
    static let otherSeparator: UInt8 = 0x01

    /// Whether a folded symbol (or a raw byte of the text) is part of a word.
    @inline(__always)
    static func isWordSymbol(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    /// The folded symbol of an ASCII byte: lowercase letters, one space for all white space.
    @inline(__always)
    static func asciiSymbol(_ byte: UInt8) -> UInt8 {
        if byte &- 0x41 < 26 { return byte + 0x20 }
        if byte == 0x20 || byte &- 0x09 < 5 { return space }
        return byte
    }

    /// The folded symbol of each ASCII byte.
    static var asciiSymbols: [UInt8] { (0..<128).map { asciiSymbol(UInt8($0)) } }

    /// What U+00C0–U+017F fold to, one entry per scalar; `-` marks the two non-letters × and ÷.
    private static let latinLetters: [(UInt8, UInt8)] = {
        let names = """
            a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th ss \
            a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th y \
            a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g g g g g h h h h \
            i i i i i i i i i i ij ij j j k k k l l l l l l l l l l n n n n n n n n n \
            o o o o o o oe oe r r r r r r s s s s s s s s t t t t t t u u u u u u u u u u u u \
            w w y y y z z z z z z s
            """
        let table = names.split(separator: " ").map { name -> (UInt8, UInt8) in
            let bytes = Array(name.utf8)
            if bytes == [UInt8(ascii: "-")] { return (0, 0) }
            return (bytes[0], bytes.count > 1 ? bytes[1] : 0)
        }
        precondition(table.count == 0x180 - 0xC0, "the Latin letter table must cover U+00C0–U+017F")
        return table
    }()

    /// Folds one Unicode scalar value.
    static func fold(_ value: UInt32) -> Fold {
        if value < 0x80 {
            let symbol = asciiSymbol(UInt8(value))
            if symbol == space { return .space }
            if isWordSymbol(symbol) { return .letters(symbol, second: 0) }
            return .separator(symbol)
        }
        switch value {
        case 0xC0..<0x180:
            let (first, second) = latinLetters[Int(value - 0xC0)]
            return first == 0 ? .separator(otherSeparator) : .letters(first, second: second)
        case 0x80..<0xC0:
            return foldLatin1Punctuation(value)
        case 0x300..<0x370, 0x200C, 0x200D, 0x2060, 0xFEFF:
            return .ignored
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return .space
        case 0x2010...0x2015:
            return .separator(UInt8(ascii: "-"))
        case 0x2018...0x201B, 0x2032, 0x2035:
            return .separator(UInt8(ascii: "'"))
        case 0x201C...0x201F, 0x2033:
            return .separator(UInt8(ascii: "\""))
        case 0x2026:
            return .separator(UInt8(ascii: "."))
        case 0x2000...0x206F, 0x3001...0x3003, malformed:
            return .separator(otherSeparator)
        default:
            return .kept
        }
    }

    private static func foldLatin1Punctuation(_ value: UInt32) -> Fold {
        switch value {
        case 0x85, 0xA0: return .space
        case 0xAD: return .ignored
        case 0xAB, 0xBB: return .separator(UInt8(ascii: "\""))
        // ª ² ³ µ ¹ º ¼ ½ ¾ are letters and digits.
        case 0xAA, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE: return .kept
        default: return .separator(otherSeparator)
        }
    }

    /// The folded symbols of `text`, with space runs collapsed and leading and trailing space removed.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func symbols<S: StringProtocol>(of text: S) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch fold(scalar.value) {
            case .letters(let first, let second):
                result.append(first)
                if second != 0 { result.append(second) }
            case .kept:
                UTF8.encode(scalar) { result.append($0) }
            case .space:
                if let last = result.last, last != space { result.append(space) }
            case .separator(let symbol):
                result.append(symbol)
            case .ignored:
                break
            }
        }
        if result.last == space { result.removeLast() }
        return result
    }
}

extension KeywordFolding {
    /// Decodes the scalar starting at `index`, returning its value and UTF-8 length.
    ///
    /// Malformed bytes decode one at a time as U+FFFD-like separators (value `0xFFFF_FFFF`),
    /// so a damaged buffer never reads out of bounds.
    @inline(__always)
    static func decode(_ bytes: UnsafePointer<UInt8>, at index: Int, count: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        switch lead {
        case 0xC2...0xDF:
            if let b1 = continuation(1) { return ((lead & 0x1F) << 6 | b1, 2) }
        case 0xE0...0xEF:
            if let b1 = continuation(1), let b2 = continuation(2) {
                return ((lead & 0x0F) << 12 | b1 << 6 | b2, 3)
            }
        case 0xF0...0xF4:
            if let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) {
                return ((lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3, 4)
            }
        default:
            break
        }
        return (malformed, 1)
    }

    /// The value `decode` returns for a malformed byte; folds to a separator.
    static let malformed: UInt32 = 0xFFFF_FFFF
}
