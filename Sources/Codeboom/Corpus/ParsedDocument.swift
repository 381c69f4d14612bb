/// What reading one document produced: the document, the inline tags per segment, and any problems.
public struct ParsedDocument: Sendable {
    /// The document, segmented.
    public var document: Document
    /// Inline tags with the number of the segment they stand in.
    public var tags: [(segment: Int, tag: InlineTag)]
    /// Problems in its front matter and speaker labels.
    public var diagnostics: [Diagnostic]
    /// Comments from a word processor, to become codings or memos once the codebook is known.
    public var annotations: [ExtractedAnnotation] = []
}
