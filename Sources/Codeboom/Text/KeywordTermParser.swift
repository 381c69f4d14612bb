/// Reads the comma-separated keyword list of a `trefwoorden:` rule into terms, so typos in a
/// codebook surface as errors with a column instead of as silently missing codes.
///
/// The list syntax:
/// - `zorg` matches the whole word (and `Zorg`, `zörg`: see `KeywordTerm.folded`).
/// - `zorg*` matches words that start with `zorg`; `*zorg` words that end with it;
///   `*zorg*` words that contain it.
/// - `"eerste lijn"` matches the words in a row with any white space between them, also across
///   line breaks; `"eerste lijn*"` lets the last word continue. Typographic quotes (`“…”`, `„…”`)
///   work too. A comma inside quotes belongs to the phrase.
/// - Terms may contain punctuation inside (`e-mail`, `zo'n`) but must start and end with a
///   letter or digit.
///
/// A list that is entirely blank has no terms.
public enum KeywordTermParser {
    /// Parses `list`, reporting columns as if the list started at `firstColumn` of its line.
    ///
    /// - Parameters:
    ///   - list: the text after `trefwoorden:`.
    ///   - firstColumn: the column of the first character of `list` in its line, so errors point
    ///     into the codebook line rather than into the list.
    /// - Returns: the terms in the order written.
    /// - Throws: `KeywordRuleError` for the first mistake found.
    /// - Complexity: O(*n*) in the length of `list`.
    public static func parse(_ list: String, firstColumn: Int = 1) throws(KeywordRuleError) -> [KeywordTerm] {
        var reader = Reader(characters: Array(list), firstColumn: firstColumn)
        return try reader.terms()
    }
}

private struct Reader {
    let characters: [Character]
    let firstColumn: Int
    var index = 0

    init(characters: [Character], firstColumn: Int) {
        self.characters = characters
        self.firstColumn = firstColumn
    }

    func column(_ index: Int) -> Int { firstColumn + index }

    mutating func terms() throws(KeywordRuleError) -> [KeywordTerm] {
        guard !characters.allSatisfy(\.isWhitespace) else { return [] }
        var terms: [KeywordTerm] = []
        var lastComma: Int?
        while true {
            skipWhitespace()
            guard index < characters.count else {
                // Only reachable after a comma: the list is not blank.
                throw .emptyTerm(column: column(lastComma ?? 0))
            }
            if characters[index] == "," { throw .emptyTerm(column: column(index)) }
            terms.append(Self.isOpeningQuote(characters[index]) ? try quotedTerm() : try bareTerm())
            skipWhitespace()
            guard index < characters.count else { return terms }
            lastComma = index
            index += 1
        }
    }

    mutating func skipWhitespace() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    /// A term without quotes: runs to the next comma.
    mutating func bareTerm() throws(KeywordRuleError) -> KeywordTerm {
        let start = index
        while index < characters.count, characters[index] != "," {
            if Self.isQuote(characters[index]) { throw .misplacedQuote(column: column(index)) }
            index += 1
        }
        var end = index
        while characters[end - 1].isWhitespace { end -= 1 }
        if (start..<end).contains(where: { characters[$0].isWhitespace }) {
            throw .unquotedPhrase(column: column(start))
        }
        return try word(start..<end, source: String(characters[start..<end]))
    }

    /// A term in quotes: a phrase, or a single word written with quotes.
    mutating func quotedTerm() throws(KeywordRuleError) -> KeywordTerm {
        let open = index
        guard let close = (open + 1..<characters.count).first(where: { Self.isClosingQuote(characters[$0]) }) else {
            throw .unbalancedQuote(column: column(open))
        }
        index = close + 1
        skipWhitespace()
        if index < characters.count, characters[index] != "," {
            throw .misplacedQuote(column: column(index))
        }
        var start = open + 1
        var end = close
        while start < end, characters[start].isWhitespace { start += 1 }
        while start < end, characters[end - 1].isWhitespace { end -= 1 }
        guard start < end else { throw .emptyTerm(column: column(open)) }
        let source = String(characters[open...close])
        guard (start..<end).contains(where: { characters[$0].isWhitespace }) else {
            return try word(start..<end, source: source)
        }
        let starred = characters[end - 1] == "*"
        let body = starred ? start..<end - 1 : start..<end
        if let star = body.first(where: { characters[$0] == "*" }) {
            throw .wildcardInPhrase(column: column(star))
        }
        if starred, characters[end - 2].isWhitespace {
            throw .wildcardInPhrase(column: column(end - 1))
        }
        let folded = try fold(body)
        return KeywordTerm(source: source, folded: folded, form: starred ? .phrasePrefix : .phrase, column: column(open))
    }

    /// One word with optional `*` at either end; `range` is trimmed and non-empty.
    func word(_ range: Range<Int>, source: String) throws(KeywordRuleError) -> KeywordTerm {
        let leading = characters[range.lowerBound] == "*"
        let trailing = range.count > 1 && characters[range.upperBound - 1] == "*"
        let body = (range.lowerBound + (leading ? 1 : 0))..<(range.upperBound - (trailing ? 1 : 0))
        guard !body.isEmpty else { throw .loneWildcard(column: column(range.lowerBound)) }
        if let star = body.first(where: { characters[$0] == "*" }) {
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
        let symbols = KeywordFolding.symbols(of: String(characters[range]))
        guard let first = symbols.first, let last = symbols.last else {
            throw .emptyTerm(column: column(range.lowerBound))
        }
        if !KeywordFolding.isWordSymbol(first) { throw .punctuationAtEdge(column: column(range.lowerBound)) }
        if !KeywordFolding.isWordSymbol(last) { throw .punctuationAtEdge(column: column(range.upperBound - 1)) }
        return String(decoding: symbols, as: UTF8.self)
    }

    static func isOpeningQuote(_ character: Character) -> Bool {
        character == "\"" || character == "\u{201C}" || character == "\u{201E}"
    }

    static func isClosingQuote(_ character: Character) -> Bool {
        character == "\"" || character == "\u{201D}" || character == "\u{201C}"
    }

    static func isQuote(_ character: Character) -> Bool {
        isOpeningQuote(character) || isClosingQuote(character)
    }
}
