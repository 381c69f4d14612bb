/// A comment as read from a document, before it is anchored to the extracted text.
struct CommentRecord: Sendable {
    /// The key its marks use: the comment id in .docx, the annotation name in .odt.
    var key: String
    var author: String
    var initials: String?
    var text: String
}

/// Turns comment marks into ranges of the extracted text.
enum CommentAnchoring {
    /// Anchors each comment: from its start to its end mark when both are present and apart,
    /// else the whole paragraph holding whichever mark there is (a comment on a point
    /// is about the paragraph around it). Comments with no mark
    /// in the body (for example on a header) are left out, as their text is.
    static func annotations(
        for comments: [CommentRecord], positions: [MarkKey: TextAssembler.Position]
    ) -> [ExtractedAnnotation] {
        var result: [ExtractedAnnotation] = []
        for comment in comments {
            let start = positions[.annotationStart(comment.key)]
            let end = positions[.annotationEnd(comment.key)]
            let anchor = positions[.annotationAnchor(comment.key)]
            let range: Range<Int>
            if let start, let end, start.offset != end.offset {
                range = min(start.offset, end.offset)..<max(start.offset, end.offset)
            } else if let paragraph = (start ?? anchor ?? end)?.line {
                range = paragraph
            } else {
                continue
            }
            result.append(ExtractedAnnotation(
                author: TextAssembler.nfc(comment.author),
                initials: comment.initials.map(TextAssembler.nfc),
                text: TextAssembler.nfc(comment.text),
                start: range.lowerBound, end: range.upperBound))
        }
        // Stable sort keeps document order for comments on the same range.
        return result.enumerated().sorted { lhs, rhs in
            (lhs.element.start, lhs.element.end, lhs.offset) < (rhs.element.start, rhs.element.end, rhs.offset)
        }.map(\.element)
    }
}
