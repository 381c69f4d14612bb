/// A mistake in a keyword rule list (`trefwoorden: …`), reported so the researcher can fix the codebook line.
///
/// Every case carries the 1-based column in the rule line where the problem is, counted in
/// Unicode scalars, as every column is. The caller prefixes file and line (`CodebookError.keywordRule`).
/// The two limits keep matching linear and its memory bounded: a term is at most
/// `KeywordTermParser.maximumTermLength` characters, a keyword set's tables at most
/// `KeywordMatcher.maximumTableBytes`.
public enum KeywordRuleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two commas with nothing between them, a comma at the start or end, or `""`.
    case emptyTerm(column: Int)
    /// A `"` that opens a phrase is never closed.
    case unbalancedQuote(column: Int)
    /// A quote in the middle of a term, or text right after a closing quote.
    case misplacedQuote(column: Int)
    /// A term that is only `*` or `**`, which would match every word.
    case loneWildcard(column: Int)
    /// A `*` between letters (`ma*tch`); wildcards only stand at the start or end of a word.
    case wildcardInsideWord(column: Int)
    /// A `*` in a phrase anywhere but at the end of its last word.
    case wildcardInPhrase(column: Int)
    /// A term that starts or ends with punctuation (`-mail`, `zorg.`), which can never sit on a word boundary.
    case punctuationAtEdge(column: Int)
    /// A term longer than `limit` characters: no word or phrase is that long.
    case termTooLong(column: Int, length: Int, limit: Int)
    /// The keyword set reaches the memory limit of its tables at this term (number `termIndex`
    /// of the set, from 0).
    case keywordSetTooLarge(column: Int, termIndex: Int, limitMegabytes: Int)

    /// The 1-based column, in Unicode scalars, where the problem is.
    public var column: Int {
        switch self {
        case .emptyTerm(let column), .unbalancedQuote(let column), .misplacedQuote(let column),
             .loneWildcard(let column), .wildcardInsideWord(let column), .wildcardInPhrase(let column),
             .punctuationAtEdge(let column), .termTooLong(let column, _, _), .keywordSetTooLarge(let column, _, _):
            return column
        }
    }

    /// What is wrong, for a diagnostic's message.
    public var message: String {
        switch self {
        case .emptyTerm: return "empty keyword"
        case .unbalancedQuote: return "this quote opens a phrase that is never closed"
        case .misplacedQuote: return "quote in the middle of a keyword"
        case .loneWildcard: return "a keyword that is only * would match every word"
        case .wildcardInsideWord: return "* inside a word"
        case .wildcardInPhrase: return "* in a phrase may only end its last word, like \"eerste lijn*\""
        case .punctuationAtEdge: return "a keyword must start and end with a letter or digit"
        case .termTooLong(_, let length, let limit):
            return "keyword of \(length) characters is longer than the limit of \(limit)"
        case .keywordSetTooLarge(_, _, let limit):
            return "the keywords up to here need more than the \(limit) MB that matching may take"
        }
    }

    /// What to do about it, for a diagnostic's advice.
    public var advice: String {
        switch self {
        case .emptyTerm: return "remove the extra comma or write a keyword in its place"
        case .unbalancedQuote: return "add the closing \""
        case .misplacedQuote:
            return "put the whole phrase in quotes, like \"eerste lijn\", and separate keywords with commas"
        case .loneWildcard: return "write letters before or after the *, like zorg*"
        case .wildcardInsideWord:
            return "a * may only stand at the start (*zorg) or end (zorg*) of a keyword; split it into two keywords"
        case .wildcardInPhrase: return "remove this *"
        case .punctuationAtEdge: return "remove the punctuation here"
        case .termTooLong: return "shorten it to the words that matter, or separate keywords with commas"
        case .keywordSetTooLarge:
            return "use fewer or shorter keywords (a prefix like zorg* instead of every form of a word)"
        }
    }

    /// `column N: what is wrong — what to do`; the caller adds `path:line:`.
    public var description: String {
        "column \(column): \(message) — \(advice)"
    }
}
