/// Why an XML part (such as word/document.xml) was refused or could not be parsed.
public enum SafeXMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document has a `<!DOCTYPE`, the door to external entities (XXE) and entity expansion.
    case doctypeForbidden(line: Int, column: Int)
    /// The document declares an entity (`<!ENTITY`), as billion-laughs attacks do.
    case entityDeclarationForbidden(line: Int, column: Int)
    /// The document is not UTF-8 (or declares another encoding), so the safety scan could be bypassed.
    case unsupportedEncoding(String)
    /// The document is not well-formed XML; columns count Unicode scalars.
    case malformed(line: Int, column: Int, message: String)
    /// Elements nest deeper than the reader allows.
    case tooDeeplyNested(line: Int, column: Int, limit: Int)

    /// What is wrong and what to do about it, in one line; columns count Unicode scalars.
    public var description: String {
        switch self {
        case let .doctypeForbidden(line, column):
            return "\(line):\(column): error: the XML has a <!DOCTYPE> declaration, which can load external files or expand entities — refusing it; re-save the document in its editor"
        case let .entityDeclarationForbidden(line, column):
            return "\(line):\(column): error: the XML declares an entity (<!ENTITY>), as entity-expansion attacks do — refusing it; re-save the document in its editor"
        case let .unsupportedEncoding(encoding):
            return "error: the XML is encoded as \(encoding), but only UTF-8 is accepted — re-save the document in its editor"
        case let .malformed(line, column, message):
            return "\(line):\(column): error: the XML is malformed: \(message) — re-save the document in its editor"
        case let .tooDeeplyNested(line, column, limit):
            return "\(line):\(column): error: the XML nests elements more than \(limit) deep — refusing it; simplify the document"
        }
    }
}
