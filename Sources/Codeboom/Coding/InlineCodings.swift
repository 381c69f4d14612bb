/// Inline tags as codings: each `#code-id` (or `#category/code-id`) that `InlineTagResolver` kept
/// as a tag codes the segment it stands in, for the document's inline coder (``InlineCoder``).
/// A path must follow the code tree: `#a/b` where `a` is not above `b` is an error.
public enum InlineCodings {
    /// The codings of a read document's tags, in the order they stand, with the errors in their paths.
    /// - Complexity: O(tags × depth of the code tree).
    public static func read(_ parsed: ParsedDocument, codebook: Codebook) -> (codings: [Coding], diagnostics: [Diagnostic]) {
        let document = parsed.document
        guard !parsed.tags.isEmpty else { return ([], []) }
        var codings: [Coding] = []
        var diagnostics: [Diagnostic] = []
        codings.reserveCapacity(parsed.tags.count)
        let coder = InlineCoder.name(for: document)
        for (segment, tag) in parsed.tags {
            let location = SourceLocation(file: document.file, line: tag.line, column: tag.column)
            // The codebook's own spelling of a known id, so a project's codings share one string per code.
            let position = codebook.position(of: tag.codeID)
            let codeID = position.map { codebook.codes[$0].id } ?? tag.codeID
            codings.append(Coding(documentID: document.id, segments: segment...segment, codeID: codeID, coder: coder,
                                  tagOffset: tag.offset, location: location))
            if tag.path.count > 1, position != nil {
                let ancestors = Set(codebook.path(of: tag.codeID).dropLast())
                if let wrong = tag.path.dropLast().first(where: { !ancestors.contains($0) }) {
                    diagnostics.append(.error(location, "\"\(wrong)\" in #\(tag.path.joined(separator: "/")) is not above \"\(tag.codeID)\" in the code tree",
                                              advice: "write #\(tag.codeID) or #\(codebook.path(of: tag.codeID).joined(separator: "/"))"))
                }
            }
        }
        return (codings, diagnostics)
    }
}
