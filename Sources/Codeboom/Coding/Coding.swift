/// One application of a code by a coder to part of a document.
public struct Coding: Sendable, Equatable {
    /// The id of the coded document.
    public var documentID: String
    /// The segments the coding covers (one for a tag or a segment row; all overlapped ones for a range).
    public var segmentNumbers: [Int]
    /// The code applied.
    public var codeID: String
    /// Who coded: a sidecar's name, the comment author's initials, or `inline` for tags.
    public var coder: String
    /// Unicode scalar range in the document's normalised text when the coding was made on a range.
    public var range: Range<Int>?
    /// The coder's note on the coding (a sidecar's `memo`, a comment's later paragraphs).
    public var memo: String?
    /// Where the coding was written: the tag in the transcript or the row in a sidecar file.
    public var location: SourceLocation

    /// A coding of `segmentNumbers` of a document with `codeID` by `coder`, written at `location`.
    public init(documentID: String, segmentNumbers: [Int], codeID: String, coder: String,
                range: Range<Int>? = nil, memo: String? = nil, location: SourceLocation) {
        self.documentID = documentID
        self.segmentNumbers = segmentNumbers
        self.codeID = codeID
        self.coder = coder
        self.range = range
        self.memo = memo
        self.location = location
    }
}
