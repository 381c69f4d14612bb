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
    /// When the text was in a transcription tool's layout and rewritten (``TranscriptLayout``): how its
    /// lines moved, so offsets into the text as given (comment anchors) can be moved along.
    var layoutEdits: [TranscriptLayout.LineEdit]? = nil

    /// An offset into the text as given to the parser, as an offset into the document's text.
    func documentOffset(_ offset: Int) -> Int {
        guard let edits = layoutEdits, !edits.isEmpty else { return offset }
        var low = 0, high = edits.count
        while low < high {
            let middle = (low + high) / 2
            if edits[middle].oldStart <= offset { low = middle + 1 } else { high = middle }
        }
        let edit = edits[max(0, low - 1)]
        let column = max(0, offset - edit.oldStart - edit.removedPrefix)
        return edit.newStart + min(column, edit.newLength)
    }
}
