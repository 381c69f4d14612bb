/// One keyword from a code's `trefwoorden:` rule, folded once so matching never re-folds it.
///
/// Matching happens on folded text (see the `KeywordMatcher` documentation): lowercase, without
/// diacritics, with runs of white space as one space. `folded` is the term in that form;
/// `source` keeps the researcher's spelling for reports and diagnostics.
public struct KeywordTerm: Sendable, Hashable, CustomStringConvertible {
    /// Which part of the text a term must line up with, so `match` does not fire inside `rematchen`.
    public enum Form: Sendable, Hashable, CaseIterable {
        /// `match`: a whole word.
        case word
        /// `match*`: words that start with the term.
        case prefix
        /// `*match`: words that end with the term.
        case suffix
        /// `*match*`: words that contain the term.
        case infix
        /// `"eerste lijn"`: whole words in a row, with any white space between them.
        case phrase
        /// `"eerste lijn*"`: a phrase whose last word may continue.
        case phrasePrefix
    }

    /// The term as the researcher wrote it, including quotes and `*`, for reports.
    public let source: String
    /// The term in matching form (lowercase, no diacritics, single spaces), without quotes and `*`.
    public let folded: String
    /// Which part of the text the term must line up with.
    public let form: Form
    /// The 1-based column of the term in its rule list, counted in Unicode scalars, for diagnostics.
    public let column: Int

    /// Creates a term from parts that are already folded; use `KeywordTermParser` for user input.
    ///
    /// `folded` must be what `KeywordTermParser` would produce: non-empty, starting and ending
    /// with a letter or digit, with single spaces only in phrases.
    public init(source: String, folded: String, form: Form, column: Int = 1) {
        self.source = source
        self.folded = folded
        self.form = form
        self.column = column
    }

    /// Whether a match must start at the beginning of a word.
    public var needsBoundaryBefore: Bool {
        switch form {
        case .word, .prefix, .phrase, .phrasePrefix: return true
        case .suffix, .infix: return false
        }
    }

    /// Whether a match must stop at the end of a word.
    public var needsBoundaryAfter: Bool {
        switch form {
        case .word, .suffix, .phrase: return true
        case .prefix, .infix, .phrasePrefix: return false
        }
    }

    /// The researcher's spelling.
    public var description: String { source }
}
