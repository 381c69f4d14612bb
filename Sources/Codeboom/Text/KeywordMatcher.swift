/// Finds every keyword term of a codebook in a transcript in one pass, so auto-coding a large
/// corpus costs about as much as reading it.
///
/// Build one matcher per keyword set and share it: it is immutable and `Sendable`, so many
/// documents can be scanned in parallel.
///
/// Matching is case- and diacritic-insensitive in every script (`coordinator` finds `Coördinator`,
/// `ÉÉN` finds `een`, `москва` finds `МОСКВА`, `αθήνα` finds `ΑΘΗΝΑ`) and respects word
/// boundaries: `match` does not fire in `matchen` or `rematch`, but `match*` finds `matchen`.
/// Letters and digits of any script, and symbols such as emoji, count as word characters; white
/// space and punctuation (including `'`, `’`, `“`, `–` and the no-break space) separate words.
/// Phrases match across any run of white space, including line breaks. The details are in
/// `KeywordFolding`.
///
/// A keyword set's tables grow with its size; `init(checking:)` refuses a set whose tables would
/// pass `maximumTableBytes` with a `KeywordRuleError`, so input never makes memory run away.
///
/// ```swift
/// let terms = try KeywordTermParser.parse(#"cliënt*, coördinator, "eerste lijn""#)
/// let matcher = try KeywordMatcher(checking: terms)
/// let hits = matcher.matches(in: transcript)   // [KeywordMatch], in reading order
/// ```
public struct KeywordMatcher: Sendable {
    /// The most memory the tables of one keyword set may take when built with `init(checking:)`:
    /// 32 MiB, about 100,000 characters of Dutch keywords.
    public static let maximumTableBytes = 32 << 20

    /// The terms, in the order `KeywordMatch.termIndex` refers to.
    public let terms: [KeywordTerm]
    /// Nil only when the terms did not fit in one automaton (see `limitError`).
    private let automaton: KeywordAutomaton?
    /// Why a matcher made by `init(terms:)` finds nothing although it has terms: they did not
    /// fit in one automaton. Always nil for `init(checking:)`, which throws instead.
    public let limitError: KeywordRuleError?

    /// Compiles `terms` into an automaton, or throws `KeywordRuleError.keywordSetTooLarge` for
    /// the first term whose states would take the tables past `tableLimit` bytes
    /// (`maximumTableBytes` unless given); its `termIndex` says which term, for callers that
    /// know the term's line.
    ///
    /// - Complexity: O(*m* · *c*) for *m* folded bytes in all terms and *c* distinct bytes among
    ///   them; memory at most about twice the limit.
    public init(checking terms: [KeywordTerm], tableLimit: Int = maximumTableBytes) throws(KeywordRuleError) {
        self.terms = terms
        do {
            automaton = try KeywordAutomaton(terms: terms, tableLimit: tableLimit)
        } catch {
            throw Self.tooLarge(terms, error, limit: min(tableLimit, KeywordAutomaton.representableBytes))
        }
        limitError = nil
    }

    /// Compiles `terms` into an automaton without the `maximumTableBytes` limit, for terms the
    /// program made rather than a user; input should go through `init(checking:)`.
    ///
    /// Never traps: a set too large for any automaton (tables over 1 GiB) gives a matcher that
    /// finds nothing and says why in `limitError`.
    ///
    /// - Complexity: as `init(checking:)`, without its bound on memory.
    public init(terms: [KeywordTerm]) {
        self.terms = terms
        do {
            automaton = try KeywordAutomaton(terms: terms, tableLimit: KeywordAutomaton.representableBytes)
            limitError = nil
        } catch {
            automaton = nil
            limitError = Self.tooLarge(terms, error, limit: KeywordAutomaton.representableBytes)
        }
    }

    private static func tooLarge(_ terms: [KeywordTerm], _ error: KeywordAutomaton.TooLarge, limit: Int) -> KeywordRuleError {
        let column = terms.indices.contains(error.termIndex) ? terms[error.termIndex].column : 1
        return .keywordSetTooLarge(column: column, termIndex: error.termIndex, limitMegabytes: max(1, limit >> 20))
    }

    /// The memory the matcher's tables take, in bytes.
    public var tableBytes: Int { automaton?.tableBytes ?? 0 }

    /// Every occurrence of every term in `text`, ordered by start, then term index, then end.
    ///
    /// Different terms that overlap are all reported; a term is reported once per distinct range.
    ///
    /// - Complexity: O(*n* + *k*·*p*) for *n* UTF-8 bytes, *k* hits and *p* the longest term.
    public func matches(in text: String) -> [KeywordMatch] {
        var found: [KeywordMatch] = []
        forEachMatch(in: text) { found.append($0) }
        return found
    }

    /// Every occurrence of every term in UTF-8 `bytes`, for callers that read files into buffers.
    ///
    /// Offsets count Unicode scalars of the buffer. Malformed UTF-8 never crashes the scan: each
    /// bad byte counts as one separator scalar.
    ///
    /// - Complexity: as `matches(in:)`.
    public func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [KeywordMatch] {
        var found: [KeywordMatch] = []
        forEachMatch(inUTF8: bytes) { found.append($0) }
        return found
    }

    /// Calls `body` with every match of `matches(in:)`, in the same order, as the scan goes, so
    /// a caller that keeps less than every match never holds them all: the scan holds only the
    /// matches that may still be preceded by one found later (bounded, whatever the text).
    ///
    /// - Complexity: as `matches(in:)`, in memory independent of the length of `text`.
    public func forEachMatch(in text: String, _ body: (KeywordMatch) -> Void) {
        var text = text
        text.withUTF8 { forEachMatch(inUTF8: $0, body) }
    }

    /// `forEachMatch(in:_:)` on UTF-8 `bytes`; offsets count Unicode scalars of the buffer.
    public func forEachMatch(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (KeywordMatch) -> Void) {
        forEachMatch(inUTF8: bytes, tuning: .standard, body)
    }

    /// `forEachMatch(inUTF8:_:)` with the scan cut up by `tuning`; returns the most matches that
    /// waited at once to be handed on.
    @discardableResult
    func forEachMatch(inUTF8 bytes: UnsafeBufferPointer<UInt8>, tuning: KeywordScan.Tuning, _ body: (KeywordMatch) -> Void) -> Int {
        guard let automaton, let base = bytes.baseAddress, !bytes.isEmpty, automaton.longestPattern > 0 else { return 0 }
        return automaton.withTables { tables in
            KeywordScan(tables: tables, bytes: base, count: bytes.count, mostOutputs: automaton.mostOutputs, tuning: tuning).run(body)
        } ?? 0
    }
}
