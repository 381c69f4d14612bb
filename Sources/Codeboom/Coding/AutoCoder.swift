/// Proposes codings from the codebook's keyword rules: a segment is coded with a code when one of
/// its `trefwoorden` occurs in the segment's words (not in the speaker label or an inline tag) and
/// none of its `uitsluiten` terms does.
public struct AutoCoder: Sendable {
    /// The coder name of the auto-coder's own codings.
    public static let defaultCoder = "auto"

    /// One segment that matched one code, with every term that matched there.
    public struct Hit: Sendable, Equatable {
        /// The document's id.
        public var documentID: String
        /// The segment's number in the document.
        public var segmentNumber: Int
        /// The code the rules give the segment.
        public var codeID: String
        /// The first match, for the sidecar's `start,end` and `memo`.
        public var range: Range<Int>
        /// The term (source spelling) of the first match.
        public var firstTerm: String
        /// Every distinct term (source spelling) that matched, in order of first occurrence.
        public var terms: [String]
    }

    /// A document's proposals as sidecar rows, with the number of segments per code (in
    /// `rules.codeIDs` order): what `autocode` keeps of a document once it is matched.
    public struct SidecarRows: Sendable {
        /// UTF-8 rows under `SidecarCodings.headerWithOffsets`.
        public var rows: [UInt8]
        /// Rows per code, in the order of `KeywordRules.codeIDs`.
        public var counts: [Int]
        /// Whether no segment was coded.
        public var isEmpty: Bool { rows.isEmpty }
    }

    /// The compiled trefwoorden and uitsluiten of the codebook.
    public var rules: KeywordRules
    /// Whether interviewer turns are coded too.
    public var includeInterviewer: Bool
    /// Code ids and term spellings as sidecar fields, escaped once rather than once per row: all
    /// in one buffer, each code and term a range of it.
    private let fields: [UInt8]
    private let codeFields: [Range<Int>]
    private let termFields: [Range<Int>]

    /// An auto-coder for these rules; respondent segments only unless `includeInterviewer`.
    public init(rules: KeywordRules, includeInterviewer: Bool = false) {
        self.rules = rules
        self.includeInterviewer = includeInterviewer
        var fields: [UInt8] = []
        func add(_ field: String) -> Range<Int> {
            let start = fields.count
            fields += CSVTable.escape(field).utf8
            return start..<fields.count
        }
        codeFields = rules.codeIDs.map(add)
        termFields = rules.matcher.terms.map { add($0.source) }
        self.fields = fields
    }

    /// Hits of one document, in segment order then codebook order.
    /// - Complexity: one pass of the matcher over the text, then O(matches + segments).
    public func hits(in document: Document) -> [Hit] {
        proposals(in: document, listingTerms: true).map { proposal in
            var sources: [String] = []
            for term in proposal.terms where !sources.contains(rules.matcher.terms[term].source) {
                sources.append(rules.matcher.terms[term].source)
            }
            return Hit(documentID: document.id, segmentNumber: document.segments[proposal.segment].number,
                       codeID: rules.codeIDs[proposal.code], range: proposal.range,
                       firstTerm: rules.matcher.terms[proposal.firstTerm].source, terms: sources)
        }
    }

    /// The sidecar rows that `SidecarCodings.parse` reads back: the segment, the first match's
    /// offsets and its term as memo. Made without a `Hit` per row, as a large corpus has many.
    /// - Complexity: as `hits(in:)`; numbers are written digit by digit into one buffer.
    public func sidecarRows(in document: Document) -> SidecarRows {
        let proposals = proposals(in: document, listingTerms: false)
        var counts = [Int](repeating: 0, count: rules.codeIDs.count)
        guard !proposals.isEmpty else { return SidecarRows(rows: [], counts: counts) }
        let documentField = Array(CSVTable.escape(document.id).utf8)
        for proposal in proposals { counts[proposal.code] += 1 }
        // Rows are written through a pointer into a buffer sized up front: besides the fields, three
        // numbers no longer than the document's length in scalars, and six separators. The writer
        // checks every write against the buffer's end and counts what did not fit, so a size
        // guessed wrong costs a second, exact pass, never a write past the end.
        let numberWidth = String(max(document.scalarCount, document.segments.count)).utf8.count
        var capacity = proposals.reduce(0) { sum, proposal in
            sum + documentField.count + codeFields[proposal.code].count + termFields[proposal.firstTerm].count + 3 * numberWidth + 6
        }
        while true {
            var needed = 0
            let rows = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, written in
                var writer = RowWriter(buffer)
                fields.withUnsafeBufferPointer { fields in
                    documentField.withUnsafeBufferPointer { documentField in
                        for proposal in proposals {
                            writer.put(documentField)
                            writer.put(UInt8(ascii: ","))
                            writer.put(decimal: document.segments[proposal.segment].number)
                            writer.put(UInt8(ascii: ","))
                            writer.put(UnsafeBufferPointer(rebasing: fields[codeFields[proposal.code]]))
                            writer.put(UInt8(ascii: ","))
                            writer.put(decimal: proposal.range.lowerBound)
                            writer.put(UInt8(ascii: ","))
                            writer.put(decimal: proposal.range.upperBound)
                            writer.put(UInt8(ascii: ","))
                            writer.put(UnsafeBufferPointer(rebasing: fields[termFields[proposal.firstTerm]]))
                            writer.put(UInt8(ascii: "\n"))
                        }
                    }
                }
                needed = writer.needed
                written = writer.fits ? writer.needed : 0
            }
            if needed <= capacity { return SidecarRows(rows: rows, counts: counts) }
            capacity = needed
        }
    }

    /// One code proposed for one segment, by position: segment in the document, code in
    /// `rules.codeIDs`, terms in the matcher.
    private struct Proposal {
        var segment: Int
        var code: Int
        var range: Range<Int>
        var firstTerm: Int
        /// Every matching term, once, in order of first match; empty unless the terms were asked for.
        var terms: [Int]
    }

    /// The proposals of one document, in segment order then codebook order.
    private func proposals(in document: Document, listingTerms: Bool) -> [Proposal] {
        var collector = ProposalCollector(document: document, rules: rules, includeInterviewer: includeInterviewer,
                                          listingTerms: listingTerms)
        // The matches are taken as the scan hands them on, never all held at once.
        rules.matcher.forEachMatch(in: document.text) { collector.add($0) }
        collector.finishSegment()
        return collector.proposals
    }

    /// Turns one document's matches, in order of start, into proposals. Segments are visited in
    /// order: one segment's codes are collected at a time and written out, sorted by codebook
    /// order, when the next segment begins; the buffers are reused from segment to segment.
    private struct ProposalCollector {
        let document: Document
        let rules: KeywordRules
        let includeInterviewer: Bool
        let listingTerms: Bool
        var proposals: [Proposal] = []
        var segment = -1
        var placement = Document.SegmentPlacement()
        var found: [(code: Int, range: Range<Int>, term: Int)] = []
        var termsFound: [(code: Int, term: Int)] = []
        var excluded: [Int] = []

        init(document: Document, rules: KeywordRules, includeInterviewer: Bool, listingTerms: Bool) {
            self.document = document
            self.rules = rules
            self.includeInterviewer = includeInterviewer
            self.listingTerms = listingTerms
        }

        mutating func add(_ match: KeywordMatch) {
            guard let position = document.segmentPosition(holdingWords: match.range, after: &placement),
                  includeInterviewer || !document.segments[position].isInterviewer
            else { return }
            if position != segment {
                finishSegment()
                segment = position
            }
            let owner = rules.owners[match.termIndex]
            if owner.isExclusion {
                if !excluded.contains(owner.codeIndex) { excluded.append(owner.codeIndex) }
                return
            }
            if !found.contains(where: { $0.code == owner.codeIndex }) {
                found.append((owner.codeIndex, match.range, match.termIndex))
            }
            if listingTerms, !termsFound.contains(where: { $0 == (owner.codeIndex, match.termIndex) }) {
                termsFound.append((owner.codeIndex, match.termIndex))
            }
        }

        mutating func finishSegment() {
            guard segment >= 0 else { return }
            found.sort { $0.code < $1.code }
            for entry in found where !excluded.contains(entry.code) {
                let terms = termsFound.filter { $0.code == entry.code }.map(\.term)
                proposals.append(Proposal(segment: segment, code: entry.code, range: entry.range, firstTerm: entry.term, terms: terms))
            }
            found.removeAll(keepingCapacity: true)
            termsFound.removeAll(keepingCapacity: true)
            excluded.removeAll(keepingCapacity: true)
        }
    }
}

/// Writes bytes through a pointer, for rows written by the hundred thousand. Every write is
/// checked against the end of the buffer: what does not fit is not written but counted in
/// `needed`, so the caller can try again with room enough.
private struct RowWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The bytes written so far, or that would have been written when the buffer was too small.
    private(set) var needed = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Whether everything written so far is in the buffer.
    var fits: Bool { needed <= buffer.count }

    mutating func put(_ byte: UInt8) {
        if needed < buffer.count { buffer[needed] = byte }
        needed += 1
    }

    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let source = bytes.baseAddress, let target = buffer.baseAddress, bytes.count <= buffer.count - needed {
            (target + needed).initialize(from: source, count: bytes.count)
        }
        needed += bytes.count
    }

    /// A number's decimal digits.
    mutating func put(decimal value: Int) {
        if value < 0 { put(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        var rest = magnitude
        while divisor > 0 {
            put(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
