/// A document as a whole-project command keeps it: id, file, type, metadata and the bounds and
/// speakers of its segments, without the text. A project of thousands of transcripts holds these;
/// a command that prints words reads the few documents it quotes again (``Project/readSegments(_:_:)``).
public struct DocumentOutline: Sendable, Equatable, Identifiable {
    /// The document's id: `id:` in its front matter, else its file name without extension.
    public var id: String
    /// Path relative to the project, for messages.
    public var file: String
    /// `type:` from the front matter or `documenten.csv`; nil when neither gives one.
    public var type: DocumentType?
    /// Every front matter key, lower-cased, as written, with what `documenten.csv` adds.
    public var metadata: [String: String]
    /// The segments in text order, numbered from 1.
    public var segments: [Segment]
    /// Length of the text in Unicode scalars, the bound for offsets.
    public var scalarCount: Int

    /// An outline made of its parts.
    public init(id: String, file: String, type: DocumentType? = nil, metadata: [String: String] = [:], segments: [Segment], scalarCount: Int) {
        self.id = id
        self.file = file
        self.type = type
        self.metadata = metadata
        self.segments = segments
        self.scalarCount = scalarCount
    }

    /// The document's `perspectief`, as written; an empty value is none.
    public var perspective: String? { metadata["perspectief"].flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 } }
    /// The document's `respondent`: the one respondent of an interview.
    public var respondent: String? { metadata["respondent"] }

    /// The segment numbered `number` (from 1), if there is one.
    public func segment(number: Int) -> Segment? {
        number >= 1 && number <= segments.count ? segments[number - 1] : nil
    }

    /// The numbers of the segments a character range touches, for offset codings; segments do not
    /// overlap and come in order, so those touched are one run. Nil when the range touches none.
    /// - Complexity: O(log segments).
    public func segmentNumbers(overlapping start: Int, _ end: Int) -> ClosedRange<Int>? {
        Self.segmentNumbers(in: segments, overlapping: start, end)
    }

    /// `segmentNumbers(overlapping:_:)` over any segments in document order.
    static func segmentNumbers(in segments: [Segment], overlapping start: Int, _ end: Int) -> ClosedRange<Int>? {
        let end = max(end, start + 1)
        // The first segment that ends after `start`; from there on, those that start before `end`.
        var low = 0, high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].end <= start { low = middle + 1 } else { high = middle }
        }
        var last = low
        while last < segments.count, segments[last].overlaps(start: start, end: end) { last += 1 }
        guard last > low else { return nil }
        return segments[low].number...segments[last - 1].number
    }
}
