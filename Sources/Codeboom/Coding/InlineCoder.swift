/// The coder inline tags belong to when the front matter names none.
public enum InlineCoder {
    /// The coder of inline tags when the front matter names none.
    public static let defaultName = "inline"
    /// Front matter key naming the coder of a document's tags.
    public static let metadataKey = "codeur"

    /// The coder of the document's inline tags: its `codeur:` or ``defaultName``.
    public static func name(for document: Document) -> String {
        document.metadata[metadataKey].flatMap { $0.isEmpty ? nil : $0 } ?? defaultName
    }
}
