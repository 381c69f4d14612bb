/// A mistake in a keyword rule list (`trefwoorden: …`), reported so the researcher can fix the codebook line.
///
/// Every case carries the 1-based column in the rule line where the problem is, counted in
/// `Character`s (what an editor shows), not bytes or scalars. The caller prefixes file and line.
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
    /// Several words without quotes, which is either a phrase or a forgotten comma.
    case unquotedPhrase(column: Int)
    /// A term that starts or ends with punctuation (`-mail`, `zorg.`), which can never sit on a word boundary.
    case punctuationAtEdge(column: Int)

    /// The 1-based column, in `Character`s, where the problem is.
    public var column: Int {
        switch self {
        case .emptyTerm(let column), .unbalancedQuote(let column), .misplacedQuote(let column),
             .loneWildcard(let column), .wildcardInsideWord(let column), .wildcardInPhrase(let column),
             .unquotedPhrase(let column), .punctuationAtEdge(let column):
            return column
        }
    }

    /// `column N: what is wrong — what to do`; the caller adds `path:line:`.
    public var description: String {
        let message: String
        switch self {
        case .emptyTerm:
            message = "empty keyword — remove the extra comma or write a keyword in its place"
        case .unbalancedQuote:
            message = "this quote opens a phrase that is never closed — add the closing \""
        case .misplacedQuote:
            message = "quote in the middle of a keyword — put the whole phrase in quotes, like \"eerste lijn\", and separate keywords with commas"
        case .loneWildcard:
            message = "a keyword that is only * would match every word — write letters before or after the *, like zorg*"
        case .wildcardInsideWord:
            message = "* inside a word — a * may only stand at the start (*zorg) or end (zorg*) of a keyword; split it into two keywords"
        case .wildcardInPhrase:
            message = "* in a phrase may only end its last word, like \"eerste lijn*\" — remove this *"
        case .unquotedPhrase:
            message = "several words without quotes — put a phrase in quotes, like \"eerste lijn\", or separate keywords with commas"
        case .punctuationAtEdge:
            message = "a keyword must start and end with a letter or digit — remove the punctuation here"
        }
        return "column \(column): \(message)"
    }
}
