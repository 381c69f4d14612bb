/// What a whole-project command keeps of one read document: its outline and the codings written
/// in it — inline tags and Word or OpenDocument comments — never its text.
public struct CodedDocument: Sendable {
    /// The document without its text.
    public var outline: DocumentOutline
    /// Codings of the document's inline tags, in the order they stand.
    public var inlineCodings: [Coding]
    /// Codings of the document's comments.
    public var commentCodings: [Coding]
    /// Comments that are not codes.
    public var memos: [Memo]
    /// Problems with those codings: a tag path against the code tree, a comment on no segment.
    public var diagnostics: [Diagnostic]

    /// A coded document made of its parts.
    public init(outline: DocumentOutline, inlineCodings: [Coding] = [], commentCodings: [Coding] = [], memos: [Memo] = [],
                diagnostics: [Diagnostic] = []) {
        self.outline = outline
        self.inlineCodings = inlineCodings
        self.commentCodings = commentCodings
        self.memos = memos
        self.diagnostics = diagnostics
    }

    /// A read document's outline and codings (``InlineCodings``, ``CommentCodings``).
    public init(_ parsed: ParsedDocument, codebook: Codebook) {
        let inline = InlineCodings.read(parsed, codebook: codebook)
        let comments = CommentCodings.read(parsed.annotations, document: parsed.document, codebook: codebook)
        self.init(outline: parsed.document.outline, inlineCodings: inline.codings, commentCodings: comments.codings,
                  memos: comments.memos, diagnostics: inline.diagnostics + comments.diagnostics)
    }
}
