import Foundation

/// Turns Word and OpenDocument comments into codings: a comment whose first paragraph is `#code-id`
/// (several allowed), or exactly a code's id or label, codes the segments its range covers, for the
/// coder named by the author's initials (or the author's name as a slug). The paragraphs after the
/// first, blank ones included, become the coding's memo. Other comments become memos.
public enum CommentCodings {
    /// The codings and memos the comments of `document` make, and a warning for each coding comment that covers no segment.
    public static func read(_ annotations: [ExtractedAnnotation], document: Document,
                            codebook: Codebook) -> (codings: [Coding], memos: [Memo], diagnostics: [Diagnostic]) {
        var codings: [Coding] = []
        var memos: [Memo] = []
        var diagnostics: [Diagnostic] = []
        let byLabel = Dictionary(codebook.codes.map { ($0.label.folded, $0.id) }, uniquingKeysWith: { first, _ in first })
        for annotation in annotations {
            let text = annotation.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let coder = annotation.initials.flatMap { $0.isEmpty ? nil : $0 } ?? (annotation.author.slug.isEmpty ? "commentaar" : annotation.author.slug)
            let location = SourceLocation(file: document.file)
            let range = annotation.start..<max(annotation.end, annotation.start)
            // The first paragraph decides; several tags in it ("#a #b") give several codings.
            let paragraphs = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let firstLine = paragraphs.first.map { String($0).trimmingSpaces } ?? ""
            let rest = paragraphs.dropFirst().first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            let explanation = rest.isEmpty ? nil : rest
            let tags = firstLine.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            let codeIDs: [String]?
            if !tags.isEmpty, tags.allSatisfy({ InlineTag.isWrittenAsTag($0[...]) }) {
                codeIDs = tags.map { String($0.dropFirst()).split(separator: "/").last.map(String.init) ?? "" }
            } else if codebook.code(id: firstLine) != nil {
                codeIDs = [firstLine]
            } else if let id = byLabel[firstLine.folded] {
                codeIDs = [id]
            } else {
                codeIDs = nil
            }
            guard let codeIDs else {
                memos.append(Memo(documentID: document.id, author: annotation.author, text: annotation.text, range: range))
                continue
            }
            guard let segments = DocumentOutline.segmentNumbers(in: document.segments, overlapping: range.lowerBound, range.upperBound) else {
                diagnostics.append(CodingError.commentCoversNoSegment(location, comment: firstLine, coder: coder))
                continue
            }
            for codeID in codeIDs {
                codings.append(Coding(documentID: document.id, segments: segments, codeID: codeID, coder: coder,
                                      range: range, memo: explanation ?? "commentaar van \(annotation.author)", location: location))
            }
        }
        return (codings, memos, diagnostics)
    }
}
