/// The byte alphabet keyword terms and transcripts are compared in, so that `Cliënt`, `client`
/// and `CLIENT` are one word without allocating per word. It is the one folding of the project:
/// `String.folded` (ids, labels, perspectives) folds letters by it too.
///
/// Every Unicode scalar of the text folds to zero or more *symbols* (bytes):
/// - ASCII letters fold to lowercase, ASCII digits stay: word symbols.
/// - Latin-1 and Latin Extended-A letters (U+00C0–U+017F) fold to their base lowercase ASCII
///   letter(s): `ë`→`e`, `ß`→`ss`, `æ`→`ae`, `ø`→`o`, `ĳ`→`ij`, `ı`→`i`.
/// - Letters of every other script fold by Unicode full case folding (the default folding, not
///   the Turkic one) without their combining diacritics, as UTF-8: `Ж`→`ж`, `Ά`→`α`, `ς`→`σ`,
///   `Й`→`и`, `ẞ`→`ss`, `Ş`→`s`; a Latin letter that results folds once more (`Ǿ`→`ø`→`o`). So
///   Turkish `I`, `İ`, `ı` and `i` all fold to `i` (the dot is a diacritic, like the stroke of `ł`).
///   The tables are generated from Unicode data (`KeywordFolding+Unicode.swift`).
/// - Other letters, digits, symbols and emoji are word symbols kept as their own UTF-8 bytes.
/// - White space (Unicode `White_Space`, including no-break spaces) folds to a space; a run of
///   spaces folds to one, so phrases match across line breaks.
/// - Punctuation folds to a separator: ASCII punctuation to itself, typographic apostrophes to
///   `'`, typographic double quotes to `"`, dashes to `-`, `…` to `.`, the rest (Unicode general
///   category P) to `0x01`.
/// - Combining diacritics (U+0300–U+036F and the other combining-diacritic blocks), soft hyphens
///   and zero-width joiners fold to nothing, so decomposed text and hyphenation points do not
///   split words.
///
/// A word boundary lies between a word symbol and a separator or space, and at the ends of the text.
enum KeywordFolding {
    /// What one scalar folds to.
    enum Fold: Equatable, Sendable {
        /// One or two lowercase ASCII letters (`second` is 0 when there is only one).
        case letters(UInt8, second: UInt8)
        /// Word symbols other than the scalar's own bytes: a folded letter of another script.
        case symbols(FoldedSymbols)
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
            case .letters, .symbols, .kept: return true
            case .space, .separator, .ignored: return false
            }
        }
    }

    /// Up to eight word symbols in one value, so folding allocates nothing.
    struct FoldedSymbols: Equatable, Sendable {
        /// The symbols, the first in the lowest byte.
        let packed: UInt64
        /// How many symbols there are (1–8).
        let count: Int

        /// Packs `bytes`; nil when there are none or more than eight.
        init?(_ bytes: [UInt8]) {
            guard (1...8).contains(bytes.count) else { return nil }
            packed = bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
            count = bytes.count
        }

        /// Symbol number `index` (from 0).
        @inline(__always)
        subscript(index: Int) -> UInt8 { UInt8(truncatingIfNeeded: packed >> (8 * index)) }
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
    static let latinLetters: [(UInt8, UInt8)] = {
        let names = """
            a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th ss \
            a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th y \
            a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g g g g g h h h h \
            i i i i i i i i i i ij ij j j k k k l l l l l l l l l l n n n n n n n n n \
            o o o o o o oe oe r r r r r r s s s s s s s s t t t t t t u u u u u u u u u u u u \
            w w y y y z z z z z z s
            """
        // A test checks that the table has one entry per scalar of U+00C0–U+017F.
        return names.split(separator: " ").map { name -> (UInt8, UInt8) in
            let bytes = Array(name.utf8)
            guard let first = bytes.first, bytes != [UInt8(ascii: "-")] else { return (0, 0) }
            return (first, bytes.count > 1 ? bytes[1] : 0)
        }
    }()

    /// What the Latin letter table says for U+00C0–U+017F; a separator for the two non-letters.
    fileprivate static func foldLatinLetter(_ value: UInt32) -> Fold {
        let index = Int(value) - 0xC0
        guard latinLetters.indices.contains(index) else { return .kept }
        let (first, second) = latinLetters[index]
        return first == 0 ? .separator(otherSeparator) : .letters(first, second: second)
    }

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
            return foldLatinLetter(value)
        case 0x80..<0xC0:
            return foldLatin1Punctuation(value)
        case 0x300..<0x370, 0x1AB0..<0x1B00, 0x1DC0..<0x1E00, 0x20D0..<0x2100, 0xFE20..<0xFE30,
             0x200C, 0x200D, 0x2060, 0xFEFF:
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
            return unicodeTable.fold(value)
        }
    }

    private static func foldLatin1Punctuation(_ value: UInt32) -> Fold {
        switch value {
        case 0x85, 0xA0: return .space
        case 0xAD: return .ignored
        case 0xAB, 0xBB: return .separator(UInt8(ascii: "\""))
        // ª ² ³ ¹ º ¼ ½ ¾ are letters and digits; µ folds to Greek μ.
        case 0xAA, 0xB2, 0xB3, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE: return .kept
        case 0xB5: return unicodeTable.fold(value)
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
            case .symbols(let symbols):
                for index in 0..<symbols.count { result.append(symbols[index]) }
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

    /// `text` with its letters folded as keywords fold them and everything else as written:
    /// white space and punctuation stay, combining diacritics and invisible joiners go.
    /// `String.folded` is this, so ids, labels and perspectives compare as keywords do.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func foldingLetters<S: StringProtocol>(of text: S) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch fold(scalar.value) {
            case .letters(let first, let second):
                result.append(first)
                if second != 0 { result.append(second) }
            case .symbols(let symbols):
                for index in 0..<symbols.count { result.append(symbols[index]) }
            case .kept, .space, .separator:
                UTF8.encode(scalar) { result.append($0) }
            case .ignored:
                break
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension KeywordFolding {
    /// The generated Unicode tables (`KeywordFolding+Unicode.swift`) as a lookup: a block of 256
    /// scalars at a time, so a scalar costs two array reads.
    struct UnicodeTable: Sendable {
        /// Per block of 256 scalars (`value >> 8`), where its slots start in `slots`, or -1.
        private var blockStarts: [Int32]
        /// Per scalar of a stored block, its index in `folds`, or 0 when it is kept as written.
        private var slots: [UInt16]
        /// Index 0 is unused, so a slot of 0 means "kept".
        private var folds: [Fold]

        /// Reads the generated text tables, folding their results once more by the hand-made rules.
        init(foldings: String, punctuation: String) {
            blockStarts = [Int32](repeating: -1, count: 0x110000 >> 8)
            slots = []
            folds = [.kept, .separator(KeywordFolding.otherSeparator)]
            for item in punctuation.split(whereSeparator: \.isWhitespace) {
                let bounds = item.split(separator: "-").compactMap { UInt32($0, radix: 16) }
                guard let low = bounds.first, let high = bounds.last, low <= high else { continue }
                for value in low...high { set(value, to: 1) }
            }
            for item in foldings.split(whereSeparator: \.isWhitespace) {
                let parts = item.split(separator: ":")
                guard parts.count == 2, let value = UInt32(parts[0], radix: 16) else { continue }
                var bytes: [UInt8] = []
                for part in parts[1].split(separator: ".") {
                    guard let folded = UInt32(part, radix: 16).flatMap(Unicode.Scalar.init) else { continue }
                    // The result folds once more by the hand-made rules (`Ǿ` → `ø` → `o`); it is
                    // never in this table itself, as case folding is idempotent.
                    if folded.value < 0x80 {
                        bytes.append(KeywordFolding.asciiSymbol(UInt8(folded.value)))
                    } else if case .letters(let first, let second) = KeywordFolding.foldLatinLetter(folded.value) {
                        bytes.append(first)
                        if second != 0 { bytes.append(second) }
                    } else {
                        bytes.append(contentsOf: String(folded).utf8)
                    }
                }
                // Folded letters are letters; anything else would move word boundaries.
                guard bytes.allSatisfy(KeywordFolding.isWordSymbol) else { continue }
                let fold: Fold
                if bytes.count <= 2, bytes.allSatisfy({ $0 < 0x80 }), let first = bytes.first {
                    fold = .letters(first, second: bytes.count > 1 ? bytes[1] : 0)
                } else if let symbols = FoldedSymbols(bytes) {
                    fold = .symbols(symbols)
                } else {
                    continue
                }
                folds.append(fold)
                set(value, to: UInt16(folds.count - 1))
            }
        }

        private mutating func set(_ value: UInt32, to slot: UInt16) {
            let block = Int(value >> 8)
            guard blockStarts.indices.contains(block) else { return }
            if blockStarts[block] < 0 {
                blockStarts[block] = Int32(slots.count)
                slots.append(contentsOf: repeatElement(0, count: 256))
            }
            slots[Int(blockStarts[block]) + Int(value & 0xFF)] = slot
        }

        /// What `value` folds to by the tables: `.kept` when they do not list it.
        @inline(__always)
        func fold(_ value: UInt32) -> Fold {
            let block = Int(value >> 8)
            guard block < blockStarts.count else { return .kept }
            let start = Int(blockStarts[block])
            guard start >= 0 else { return .kept }
            return folds[Int(slots[start + Int(value & 0xFF)])]
        }
    }

    /// The tables, read on first use.
    static let unicodeTable = UnicodeTable(foldings: unicodeFoldings, punctuation: unicodePunctuation)
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
