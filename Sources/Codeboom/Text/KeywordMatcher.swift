/// Finds every keyword term of a codebook in a transcript in one pass, so auto-coding a large
/// corpus costs about as much as reading it.
///
/// Build one matcher per keyword set and share it: it is immutable and `Sendable`, so many
/// documents can be scanned in parallel.
///
/// Matching is case- and diacritic-insensitive (`coordinator` finds `Coördinator`, `ÉÉN` finds
/// `een`) and respects word boundaries: `match` does not fire in `matchen` or `rematch`, but
/// `match*` finds `matchen`. Letters and digits of any script, and symbols such as emoji, count
/// as word characters; white space and punctuation (including `'`, `’`, `“`, `–` and the no-break
/// space) separate words. Phrases match across any run of white space, including line breaks.
/// The details are in `KeywordFolding`.
///
/// ```swift
/// let terms = try KeywordTermParser.parse(#"cliënt*, coördinator, "eerste lijn""#)
/// let matcher = KeywordMatcher(terms: terms)
/// let hits = matcher.matches(in: transcript)   // [KeywordMatch], in reading order
/// ```
public struct KeywordMatcher: Sendable {
    /// The terms, in the order `KeywordMatch.termIndex` refers to.
    public let terms: [KeywordTerm]
    private let automaton: KeywordAutomaton

    /// Compiles `terms` into an automaton.
    ///
    /// - Complexity: O(*m* · *c*) for *m* folded bytes in all terms and *c* distinct bytes among them.
    public init(terms: [KeywordTerm]) {
        self.terms = terms
        self.automaton = KeywordAutomaton(terms: terms)
    }

    /// Every occurrence of every term in `text`, ordered by start, then term index, then end.
    ///
    /// Different terms that overlap are all reported; a term is reported once per distinct range.
    ///
    /// - Complexity: O(*n* + *k*·*p*) for *n* UTF-8 bytes, *k* hits and *p* the longest term.
    public func matches(in text: String) -> [KeywordMatch] {
        if let result = text.utf8.withContiguousStorageIfAvailable({ matches(inUTF8: $0) }) {
            return result
        }
        return Array(text.utf8).withUnsafeBufferPointer { matches(inUTF8: $0) }
    }

    /// Every occurrence of every term in UTF-8 `bytes`, for callers that read files into buffers.
    ///
    /// Offsets count Unicode scalars of the buffer. Malformed UTF-8 never crashes the scan: each
    /// bad byte counts as one separator scalar.
    ///
    /// - Complexity: as `matches(in:)`.
    public func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [KeywordMatch] {
        guard let base = bytes.baseAddress, !bytes.isEmpty, automaton.longestPattern > 0 else { return [] }
        return automaton.withTables { tables in
            KeywordScan(tables: tables, bytes: base, count: bytes.count,
                        termCount: terms.count).run()
        }
    }
}
