/// One place where a keyword term occurs in a text, so a coder can attach the code to the
/// surrounding segment and show the hit in context.
///
/// Offsets count Unicode scalars of the text (`text.unicodeScalars`), the unit that is the same
/// in every tool reading NFC UTF-8. For `zorg*`, `*zorg`, `*zorg*` and `"eerste lijn*"` the range
/// covers the whole word(s), not only the written part, so reports can list which words matched.
public struct KeywordMatch: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The position of the matched term in the matcher's `terms`.
    public var termIndex: Int
    /// The offset, in Unicode scalars, of the first scalar of the match.
    public var start: Int
    /// The offset, in Unicode scalars, just past the match.
    public var end: Int

    /// Creates a match of term `termIndex` over the scalars `start..<end`.
    public init(termIndex: Int, start: Int, end: Int) {
        self.termIndex = termIndex
        self.start = start
        self.end = end
    }

    /// The matched scalars, for slicing `text.unicodeScalars`.
    public var range: Range<Int> { start..<end }

    /// Orders by start, then term, then end: reading order, stable across runs.
    public static func < (lhs: KeywordMatch, rhs: KeywordMatch) -> Bool {
        (lhs.start, lhs.termIndex, lhs.end) < (rhs.start, rhs.termIndex, rhs.end)
    }

    /// `term 3 at 10..<17`, for test failures and debugging.
    public var description: String { "term \(termIndex) at \(start)..<\(end)" }
}
