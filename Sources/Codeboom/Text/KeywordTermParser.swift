/// Reads the comma-separated keyword list of a `trefwoorden:` rule into terms, so typos in a
/// codebook surface as errors with a column instead of as silently missing codes.
///
/// The list syntax:
/// - `zorg` matches the whole word (and `Zorg`, `zörg`: see `KeywordTerm.folded`).
/// - `zorg*` matches words that start with `zorg`; `*zorg` words that end with it;
///   `*zorg*` words that contain it.
/// - `"eerste lijn"` matches the words in a row with any white space between them, also across
///   line breaks; `"eerste lijn*"` lets the last word continue. Typographic quotes (`“…”`, `„…”`)
///   work too. A comma inside quotes belongs to the phrase. Without quotes, several words up to
///   the next comma are the same phrase: `korte lijnen` is `"korte lijnen"`.
/// - A term is at most `maximumTermLength` characters.
/// - Terms may contain punctuation inside (`e-mail`, `zo'n`) but must start and end with a
///   letter or digit.
///
/// A list that is entirely blank has no terms.
public enum KeywordTermParser {
    /// The longest term, in characters as written (quotes and `*` included): longer than any
    /// word or phrase a researcher means, and it keeps the work per hit small.
    public static let maximumTermLength = 200

    /// Parses `list`, reporting columns as if the list started at `firstColumn` of its line.
    ///
    /// - Parameters:
    ///   - list: the text after `trefwoorden:`.
    ///   - firstColumn: the column (in Unicode scalars) of the first character of `list` in its
    ///     line, so errors point into the codebook line rather than into the list.
    /// - Returns: the terms in the order written.
    /// - Throws: `KeywordRuleError` for the first mistake found.
    /// - Complexity: O(*n*) in the length of `list`.
    public static func parse(_ list: String, firstColumn: Int = 1) throws(KeywordRuleError) -> [KeywordTerm] {
        var reader = Reader(list, firstColumn: firstColumn)
        return try reader.terms()
    }
}

/// Reads a list `Character` by `Character`, looking at each once to know what it is, so a long
/// list is read in linear time without comparing strings. Columns count Unicode scalars, as every
/// place in a file does.
private struct Reader {
    /// What a character means to the list syntax.
    enum Kind: Equatable {
        case other, comma, space, star
        /// `"`, which opens and closes.
        case straightQuote
        /// `“`, which opens (English) and closes (Dutch `„…“`).
        case leftQuote
        /// `„`, which only opens.
        case lowQuote
        /// `”`, which only closes.
        case rightQuote

        init(_ character: Character) {
            // By byte and scalar value: comparing characters compares strings.
            if let ascii = character.asciiValue {
                switch ascii {
                case UInt8(ascii: ","): self = .comma
                case UInt8(ascii: "*"): self = .star
                case UInt8(ascii: "\""): self = .straightQuote
                case 0x20, 0x09...0x0D: self = .space
                default: self = .other
                }
                return
            }
            let scalars = character.unicodeScalars
            switch scalars.count == 1 ? scalars.first?.value : nil {
            case 0x201C: self = .leftQuote
            case 0x201E: self = .lowQuote
            case 0x201D: self = .rightQuote
            default: self = character.isWhitespace ? .space : .other
            }
        }

        var opens: Bool { self == .straightQuote || self == .leftQuote || self == .lowQuote }
        var closes: Bool { self == .straightQuote || self == .leftQuote || self == .rightQuote }
        var isQuote: Bool { opens || closes }
    }

    let text: String
    /// Where each character starts, and the end of the text.
    let bounds: [String.Index]
    let kinds: [Kind]
    /// Per character, the Unicode scalars before it in the text.
    let scalarOffsets: [Int]
    let firstColumn: Int
    var index = 0

    init(_ text: String, firstColumn: Int) {
        self.text = text
        self.bounds = Array(text.indices) + [text.endIndex]
        self.kinds = text.map(Kind.init)
        var offsets: [Int] = []
        offsets.reserveCapacity(kinds.count)
        var scalars = 0
        for character in text {
            offsets.append(scalars)
            scalars += character.unicodeScalars.count
        }
        self.scalarOffsets = offsets
        self.firstColumn = firstColumn
    }

    /// The characters `range` as written.
    func piece(_ range: Range<Int>) -> Substring {
        text[bounds[range.lowerBound]..<bounds[range.upperBound]]
    }

    /// The column of character `index` in the line; the end of the list is just after its last scalar.
    func column(_ index: Int) -> Int {
        firstColumn + (index < scalarOffsets.count ? scalarOffsets[index] : text.unicodeScalars.count)
    }

    mutating func terms() throws(KeywordRuleError) -> [KeywordTerm] {
        guard kinds.contains(where: { $0 != .space }) else { return [] }
        var terms: [KeywordTerm] = []
        var lastComma: Int?
        while true {
            skipWhitespace()
            guard index < kinds.count else {
                // Only reachable after a comma: the list is not blank.
                throw .emptyTerm(column: column(lastComma ?? 0))
            }
            if kinds[index] == .comma { throw .emptyTerm(column: column(index)) }
            terms.append(kinds[index].opens ? try quotedTerm() : try bareTerm())
            skipWhitespace()
            guard index < kinds.count else { return terms }
            lastComma = index
            index += 1
        }
    }

    mutating func skipWhitespace() {
        while index < kinds.count, kinds[index] == .space { index += 1 }
    }

    /// A term without quotes: runs to the next comma; several words are a phrase.
    mutating func bareTerm() throws(KeywordRuleError) -> KeywordTerm {
        let start = index
        while index < kinds.count, kinds[index] != .comma {
            if kinds[index].isQuote { throw .misplacedQuote(column: column(index)) }
            index += 1
        }
        var end = index
        while kinds[end - 1] == .space { end -= 1 }
        try checkLength(start..<end)
        let source = String(piece(start..<end))
        guard (start..<end).contains(where: { kinds[$0] == .space }) else {
            return try word(start..<end, source: source)
        }
        return try phrase(start..<end, source: source, column: column(start))
    }

    /// A term in quotes: a phrase, or a single word written with quotes.
    mutating func quotedTerm() throws(KeywordRuleError) -> KeywordTerm {
        let open = index
        guard let close = (open + 1..<kinds.count).first(where: { kinds[$0].closes }) else {
            throw .unbalancedQuote(column: column(open))
        }
        index = close + 1
        skipWhitespace()
        if index < kinds.count, kinds[index] != .comma {
            throw .misplacedQuote(column: column(index))
        }
        try checkLength(open..<close + 1)
        var start = open + 1
        var end = close
        while start < end, kinds[start] == .space { start += 1 }
        while start < end, kinds[end - 1] == .space { end -= 1 }
        guard start < end else { throw .emptyTerm(column: column(open)) }
        let source = String(piece(open..<close + 1))
        guard (start..<end).contains(where: { kinds[$0] == .space }) else {
            return try word(start..<end, source: source)
        }
        return try phrase(start..<end, source: source, column: column(open))
    }

    /// Refuses a term longer than `maximumTermLength`, at its first character.
    func checkLength(_ range: Range<Int>) throws(KeywordRuleError) {
        guard range.count <= KeywordTermParser.maximumTermLength else {
            throw .termTooLong(column: column(range.lowerBound), length: range.count, limit: KeywordTermParser.maximumTermLength)
        }
    }

    /// Words with white space between them; `range` is trimmed, and only its last word may end in `*`.
    func phrase(_ range: Range<Int>, source: String, column: Int) throws(KeywordRuleError) -> KeywordTerm {
        let (start, end) = (range.lowerBound, range.upperBound)
        let starred = kinds[end - 1] == .star
        let body = starred ? start..<end - 1 : start..<end
        if let star = body.first(where: { kinds[$0] == .star }) {
            throw .wildcardInPhrase(column: self.column(star))
        }
        if starred, kinds[end - 2] == .space {
            throw .wildcardInPhrase(column: self.column(end - 1))
        }
        let folded = try fold(body)
        return KeywordTerm(source: source, folded: folded, form: starred ? .phrasePrefix : .phrase, column: column)
    }

    /// One word with optional `*` at either end; `range` is trimmed and non-empty.
    func word(_ range: Range<Int>, source: String) throws(KeywordRuleError) -> KeywordTerm {
        let leading = kinds[range.lowerBound] == .star
        let trailing = range.count > 1 && kinds[range.upperBound - 1] == .star
        let body = (range.lowerBound + (leading ? 1 : 0))..<(range.upperBound - (trailing ? 1 : 0))
        guard !body.isEmpty else { throw .loneWildcard(column: column(range.lowerBound)) }
        if let star = body.first(where: { kinds[$0] == .star }) {
            throw .wildcardInsideWord(column: column(star))
        }
        let form: KeywordTerm.Form = switch (leading, trailing) {
        case (false, false): .word
        case (false, true): .prefix
        case (true, false): .suffix
        case (true, true): .infix
        }
        return KeywordTerm(source: source, folded: try fold(body), form: form, column: column(range.lowerBound))
    }

    /// The folded form of `range`, which must start and end with a letter or digit.
    func fold(_ range: Range<Int>) throws(KeywordRuleError) -> String {
        let symbols = KeywordFolding.symbols(of: piece(range))
        guard let first = symbols.first, let last = symbols.last else {
            throw .emptyTerm(column: column(range.lowerBound))
        }
        if !KeywordFolding.isWordSymbol(first) { throw .punctuationAtEdge(column: column(range.lowerBound)) }
        if !KeywordFolding.isWordSymbol(last) { throw .punctuationAtEdge(column: column(range.upperBound - 1)) }
        return String(decoding: symbols, as: UTF8.self)
    }
}
