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

    /// The line and column (Unicode scalars, from 1) in the XML part, when the problem has a place.
    public var position: (line: Int, column: Int)? {
        switch self {
        case let .doctypeForbidden(line, column), let .entityDeclarationForbidden(line, column),
             let .malformed(line, column, _), let .tooDeeplyNested(line, column, _):
            (line, column)
        case .unsupportedEncoding:
            nil
        }
    }

    /// What is wrong.
    public var message: String {
        switch self {
        case .doctypeForbidden:
            "the XML has a <!DOCTYPE> declaration, which can load external files or expand entities"
        case .entityDeclarationForbidden:
            "the XML declares an entity (<!ENTITY>), as entity-expansion attacks do"
        case let .unsupportedEncoding(encoding):
            "the XML is encoded as \(encoding), but only UTF-8 is accepted"
        case let .malformed(_, _, message):
            "the XML is malformed: \(message)"
        case let .tooDeeplyNested(_, _, limit):
            "the XML nests elements more than \(limit) deep"
        }
    }

    /// What to do about it.
    public var advice: String {
        switch self {
        case .doctypeForbidden, .entityDeclarationForbidden:
            "refusing it; re-save the document in its editor"
        case .unsupportedEncoding, .malformed:
            "re-save the document in its editor"
        case .tooDeeplyNested:
            "refusing it; simplify the document"
        }
    }

    /// `line:col: error: what is wrong — what to do`, in one line; columns count Unicode scalars.
    public var description: String {
        let place = position.map { "\($0.line):\($0.column): " } ?? ""
        return "\(place)error: \(message) — \(advice)"
    }
}
