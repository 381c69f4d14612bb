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
    /// Code ids and term spellings as sidecar fields, escaped once rather than once per row: all
    /// in one buffer, each code and term a range of it.
    private let fields: [UInt8]
    private let codeFields: [Range<Int>]
    private let termFields: [Range<Int>]

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

    /// Hits of every document, computed in parallel and merged in corpus order.
    public func hits(in project: Project) -> [Hit] {
        ParallelMap.map(project.documents) { hits(in: $0) }.flatMap { $0 }
    }

    /// The sidecar rows that `SidecarCodings.parse` reads back: the segment, the first match's
    /// offsets and its term as memo. Made without a `Hit` per row, as a large corpus has many.
    /// - Complexity: as `hits(in:)`; numbers are written digit by digit into one buffer.
    public func sidecarRows(in document: Document) -> SidecarRows {
        let proposals = proposals(in: document, listingTerms: false)
        var counts = [Int](repeating: 0, count: rules.codeIDs.count)
        guard !proposals.isEmpty else { return SidecarRows(rows: [], counts: counts) }
        let documentField = Array(CSVTable.escape(document.id).utf8)
        // Rows are written through a pointer into a buffer sized up front: besides the fields, three
        // numbers no longer than the document's length in scalars, and six separators.
        let numberWidth = String(max(document.scalarCount, document.segments.count)).utf8.count
        let capacity = proposals.reduce(0) { sum, proposal in
            sum + documentField.count + codeFields[proposal.code].count + termFields[proposal.firstTerm].count + 3 * numberWidth + 6
        }
        let rows = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, written in
            fields.withUnsafeBufferPointer { fields in
                documentField.withUnsafeBufferPointer { documentField in
                    document.segments.withUnsafeBufferPointer { segments in
                        var writer = RowWriter(cursor: buffer.baseAddress!)
                        for proposal in proposals {
                            counts[proposal.code] += 1
                            writer.put(documentField)
                            writer.put(UInt8(ascii: ","))
                            writer.put(decimal: segments[proposal.segment].number)
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
                        written = writer.cursor - buffer.baseAddress!
                    }
                }
            }
        }
        return SidecarRows(rows: rows, counts: counts)
    }

    /// One code proposed for one segment, by position: segment in the document, code in
    /// `rules.codeIDs`, terms in the matcher.
    private struct Proposal {
        var segment: Int
        var code: Int
        var range: Range<Int>
        var firstTerm: Int
        /// Every matching term, repeats included; empty unless the terms were asked for.
        var terms: [Int]
    }

    /// The proposals of one document, in segment order then codebook order.
    private func proposals(in document: Document, listingTerms: Bool) -> [Proposal] {
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
                let terms = termsFound.filter { $0.code == entry.code }.map(\.term)
                proposals.append(Proposal(segment: segment, code: entry.code, range: entry.range, firstTerm: entry.term, terms: terms))
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
            if listingTerms { termsFound.append((owner.codeIndex, match.termIndex)) }
        }
        flush()
        return proposals
    }
}

/// Writes bytes through a pointer, for rows written by the hundred thousand; the caller makes room.
private struct RowWriter {
    var cursor: UnsafeMutablePointer<UInt8>

    mutating func put(_ byte: UInt8) {
        cursor.pointee = byte
        cursor += 1
    }

    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        cursor.update(from: base, count: bytes.count)
        cursor += bytes.count
    }

    /// A non-negative number's decimal digits.
    mutating func put(decimal value: Int) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            put(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
