/// One application of a code by a coder to part of a document.
public struct Coding: Sendable, Equatable {
    /// The id of the coded document.
    public var documentID: String
    /// The segments the coding covers, by number: one for a tag or a segment row; for a range, every
    /// segment it overlaps, which are always one run.
    public var segments: ClosedRange<Int>
    /// The id of the code applied (possibly one the codebook lacks, which `check` reports).
    public var codeID: String
    /// Who coded: a codings file's name, a comment's author, or the transcript's coder for inline tags.
    public var coder: String
    /// Unicode scalar range in the document's normalised text when the coding was made on a range.
    public var range: Range<Int>?
    /// Unicode scalar offset of the `#` in the document's normalised text, for an inline tag: where
    /// the coder marked the turn, so a quote can be the sentence the tag ends or stands in.
    public var tagOffset: Int?
    /// What the coder wrote with it: a codings file's `memo`, a comment's text.
    public var memo: String?
    /// Where the coding was written: the tag in the transcript or the row in a sidecar file.
    public var location: SourceLocation

    /// A coding made of its parts.
    public init(documentID: String, segments: ClosedRange<Int>, codeID: String, coder: String,
                range: Range<Int>? = nil, tagOffset: Int? = nil, memo: String? = nil, location: SourceLocation) {
        self.documentID = documentID
        self.segments = segments
        self.codeID = codeID
        self.coder = coder
        self.range = range
        self.tagOffset = tagOffset
        self.memo = memo
        self.location = location
    }

    /// The numbers of the segments the coding covers, in order.
    public var segmentNumbers: [Int] { Array(segments) }
}
