/// Proposes codings from the codebook's keyword rules: a segment is coded with a code when one of
/// its `trefwoorden` occurs in the segment's words (not in the speaker label or an inline tag) and
/// none of its `uitsluiten` terms does.
public struct AutoCoder: Sendable {
    public static let defaultCoder = "auto"

    /// One segment that matched one code, with every term that matched there.
    public struct Hit: Sendable, Equatable {
        public var documentID: String
        public var segmentNumber: Int
        public var codeID: String
        /// The first match, for the sidecar's `start,end` and `memo`.
        public var range: Range<Int>
        public var firstTerm: String
        /// Every distinct term (source spelling) that matched, in order of first occurrence.
        public var terms: [String]
    }

    /// A document's proposals as sidecar rows, with the number of segments per code (in
    /// `rules.codeIDs` order): what `autocode` keeps of a document once it is matched.
    public struct SidecarRows: Sendable {
        /// UTF-8 rows under `SidecarCodings.headerWithOffsets`.
        public var rows: [UInt8]
        public var counts: [Int]
        public var isEmpty: Bool { rows.isEmpty }
    }

    public var rules: KeywordRules
    public var includeInterviewer: Bool
    /// Code ids and term spellings as sidecar fields, escaped once rather than once per row.
    private let codeFields: [[UInt8]]
    private let termFields: [[UInt8]]

    public init(rules: KeywordRules, includeInterviewer: Bool = false) {
        self.rules = rules
        self.includeInterviewer = includeInterviewer
        codeFields = rules.codeIDs.map { Array(CSVTable.escape($0).utf8) }
        termFields = rules.matcher.terms.map { Array(CSVTable.escape($0.source).utf8) }
    }

    /// Hits of one document, in segment order then codebook order.
    /// - Complexity: one pass of the matcher over the text, then O(matches + segments).
    public func hits(in document: Document) -> [Hit] {
        var terms: [Int]? = []
        return proposals(in: document, terms: &terms).map { proposal in
            var sources: [String] = []
            for term in terms![proposal.terms] where !sources.contains(rules.matcher.terms[term].source) {
                sources.append(rules.matcher.terms[term].source)
            }
            return Hit(documentID: document.id, segmentNumber: document.segments[proposal.segment].number,
                       codeID: rules.codeIDs[proposal.code], range: proposal.range,
                       firstTerm: rules.matcher.terms[proposal.firstTerm].source, terms: sources)
        }
    }

    /// Hits of every document, computed in parallel and merged in corpus order.
    public func hits(in project: Project) -> [Hit] {
        ParallelMap.map(project.documents) { hits(in: $0) }.flatMap { $0 }
    }

    /// The sidecar rows that `SidecarCodings.parse` reads back: the segment, the first match's
    /// offsets and its term as memo. Made without a `Hit` per row, as a large corpus has many.
    /// - Complexity: as `hits(in:)`; numbers are written digit by digit into one buffer.
    public func sidecarRows(in document: Document) -> SidecarRows {
        var noTerms: [Int]? = nil
        let proposals = proposals(in: document, terms: &noTerms)
        var result = SidecarRows(rows: [], counts: [Int](repeating: 0, count: rules.codeIDs.count))
        guard !proposals.isEmpty else { return result }
        result.rows.reserveCapacity(proposals.count * 48)
        let documentField = Array(CSVTable.escape(document.id).utf8)
        for proposal in proposals {
            result.counts[proposal.code] += 1
            result.rows += documentField
            result.rows.append(UInt8(ascii: ","))
            Self.appendDecimal(document.segments[proposal.segment].number, to: &result.rows)
            result.rows.append(UInt8(ascii: ","))
            result.rows += codeFields[proposal.code]
            result.rows.append(UInt8(ascii: ","))
            Self.appendDecimal(proposal.range.lowerBound, to: &result.rows)
            result.rows.append(UInt8(ascii: ","))
            Self.appendDecimal(proposal.range.upperBound, to: &result.rows)
            result.rows.append(UInt8(ascii: ","))
            result.rows += termFields[proposal.firstTerm]
            result.rows.append(UInt8(ascii: "\n"))
        }
        return result
    }

    /// One code proposed for one segment, by position: segment in the document, code in
    /// `rules.codeIDs`, terms in the matcher; `terms` is a range of the caller's term list.
    private struct Proposal {
        var segment: Int
        var code: Int
        var range: Range<Int>
        var firstTerm: Int
        var terms: Range<Int>
    }

    /// The proposals of one document, in segment order then codebook order. With a term list,
    /// every matching term of each proposal is appended to it (repeats included).
    private func proposals(in document: Document, terms: inout [Int]?) -> [Proposal] {
        let matches = rules.matcher.matches(in: document.text)
        guard !matches.isEmpty else { return [] }
        // Matches arrive in order of start, so segments are visited in order: collect one segment's
        // codes at a time and flush them, sorted by codebook order, when the next segment begins.
        // The buffers are reused from segment to segment.
        var proposals: [Proposal] = []
        var segment = -1
        var found: [(code: Int, range: Range<Int>, term: Int)] = []
        var termsFound: [(code: Int, term: Int)] = []
        var excluded: [Int] = []
        func flush() {
            guard segment >= 0 else { return }
            found.sort { $0.code < $1.code }
            for entry in found where !excluded.contains(entry.code) {
                let first = terms?.count ?? 0
                if terms != nil {
                    for candidate in termsFound where candidate.code == entry.code { terms!.append(candidate.term) }
                }
                proposals.append(Proposal(segment: segment, code: entry.code, range: entry.range, firstTerm: entry.term,
                                          terms: first..<(terms?.count ?? 0)))
            }
            found.removeAll(keepingCapacity: true)
            termsFound.removeAll(keepingCapacity: true)
            excluded.removeAll(keepingCapacity: true)
        }
        var placement = Document.SegmentPlacement()
        for match in matches {
            guard let position = document.segmentPosition(holdingWords: match.range, after: &placement),
                  includeInterviewer || !document.segments[position].isInterviewer
            else { continue }
            if position != segment {
                flush()
                segment = position
            }
            let owner = rules.owners[match.termIndex]
            if owner.isExclusion {
                excluded.append(owner.codeIndex)
                continue
            }
            if !found.contains(where: { $0.code == owner.codeIndex }) {
                found.append((owner.codeIndex, match.range, match.termIndex))
            }
            if terms != nil { termsFound.append((owner.codeIndex, match.termIndex)) }
        }
        flush()
        return proposals
    }

    /// Appends a non-negative number's decimal digits.
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
