/// A comment from a word-processor document, kept so a coder's marginal notes
/// (such as `#juiste-match`) can become codings on the range they were attached to.
public struct ExtractedAnnotation: Sendable, Equatable {
    /// The comment's author as the editor recorded it.
    public var author: String
    /// The author's initials, when the document records them.
    public var initials: String?
    /// The comment's text, paragraphs joined with `"\n"`, NFC-normalised.
    public var text: String
    /// Where the commented range starts in ``ExtractedText/text``, in Unicode scalars.
    public var start: Int
    /// Where the commented range ends (exclusive), in Unicode scalars.
    public var end: Int

    /// Creates an annotation.
    public init(author: String, initials: String? = nil, text: String, start: Int, end: Int) {
        self.author = author
        self.initials = initials
        self.text = text
        self.start = start
        self.end = end
    }
}
