/// A comment from a word processor that is not a code: kept with its place, for the researcher.
public struct Memo: Sendable, Equatable {
    /// The id of the document the comment is in.
    public var documentID: String
    /// The comment's author as the word processor recorded it.
    public var author: String
    /// The comment's text.
    public var text: String
    /// The Unicode scalar range of the text the comment is anchored on.
    public var range: Range<Int>
}
