/// One segment of a project in one machine word: its document's position in the corpus and its
/// number in that document, for sets and dictionaries that count segments.
///
/// The two halves cannot overlap: a key is made only for a document position below 2³¹ and a
/// segment number below 2³², so two different segments never get the same key. Neither bound
/// can be reached by a corpus that fits in memory (every segment holds text and a `Segment`
/// value of its own), so callers that skip a segment without a key skip nothing in practice.
struct SegmentKey: Hashable, Sendable {
    /// The document position in the high 32 bits, the segment number in the low 32.
    let rawValue: Int

    /// The key of segment `number` (from 1; 0 stands for the document as a whole) of the document
    /// at `document`; nil when either is outside the bounds the packing holds.
    init?(document: Int, number: Int) {
        guard (0..<(1 << 31)).contains(document), (0..<(1 << 32)).contains(number) else { return nil }
        rawValue = document << 32 | number
    }

    /// The document's position in the corpus.
    var document: Int { rawValue >> 32 }

    /// The segment's number in its document (0 for the document as a whole).
    var number: Int { rawValue & 0xFFFF_FFFF }
}
