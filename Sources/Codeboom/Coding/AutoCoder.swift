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

    public var rules: KeywordRules
    public var includeInterviewer: Bool

    public init(rules: KeywordRules, includeInterviewer: Bool = false) {
        self.rules = rules
        self.includeInterviewer = includeInterviewer
    }

    /// Hits of one document, in segment order then codebook order.
    /// - Complexity: one pass of the matcher over the text, then O(matches × log segments).
    public func hits(in document: Document) -> [Hit] {
        let matches = rules.matcher.matches(in: document.text)
        guard !matches.isEmpty else { return [] }
        // Matches arrive in order of start, so segments are visited in order: collect one segment's
        // codes at a time and flush them, sorted by codebook order, when the next segment begins.
        var hits: [Hit] = []
        var open: (position: Int, found: [(code: Int, range: Range<Int>, terms: [String])], excluded: [Int])? = nil
        func flush() {
            guard let segment = open else { return }
            for entry in segment.found.sorted(by: { $0.code < $1.code }) where !segment.excluded.contains(entry.code) {
                hits.append(Hit(documentID: document.id, segmentNumber: document.segments[segment.position].number,
                                codeID: rules.codeIDs[entry.code], range: entry.range, firstTerm: entry.terms[0], terms: entry.terms))
            }
        }
        for match in matches {
            guard let position = document.segmentPosition(holdingWords: match.range),
                  includeInterviewer || !document.segments[position].isInterviewer
            else { continue }
            if open?.position != position {
                flush()
                open = (position, [], [])
            }
            let owner = rules.owners[match.termIndex]
            if owner.isExclusion {
                open!.excluded.append(owner.codeIndex)
                continue
            }
            let source = rules.matcher.terms[match.termIndex].source
            if let index = open!.found.firstIndex(where: { $0.code == owner.codeIndex }) {
                if !open!.found[index].terms.contains(source) { open!.found[index].terms.append(source) }
            } else {
                open!.found.append((owner.codeIndex, match.range, [source]))
            }
        }
        flush()
        return hits
    }

    /// Hits of every document, computed in parallel and merged in corpus order.
    public func hits(in project: Project) -> [Hit] {
        ParallelMap.map(project.documents) { hits(in: $0) }.flatMap { $0 }
    }

    /// The sidecar rows that `SidecarCodings.parse` reads back (under `SidecarCodings.headerWithOffsets`):
    /// the segment, the first match's offsets and its term as memo.
    /// - Complexity: O(hits); rows are appended to one buffer.
    public static func sidecarRows(_ hits: [Hit]) -> String {
        var text = ""
        text.reserveCapacity(hits.count * 48)
        for hit in hits {
            text += CSVTable.escape(hit.documentID)
            text += ",\(hit.segmentNumber),"
            text += CSVTable.escape(hit.codeID)
            text += ",\(hit.range.lowerBound),\(hit.range.upperBound),"
            text += CSVTable.escape(hit.firstTerm)
            text += "\n"
        }
        return text
    }
}
