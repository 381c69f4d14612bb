/// Why a document (.docx, .odt, .vtt, .srt) could not be turned into ``ExtractedText``.
public enum DocumentReaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The ZIP container was refused or is damaged.
    case archive(ArchiveError)
    /// A part the format requires is missing from the archive.
    case missingPart(part: String, format: String)
    /// An XML part was refused or is malformed.
    case xml(part: String, SafeXMLError)
    /// An XML part parsed but is not the document it should be.
    case unexpectedContent(part: String, reason: String)
    /// A subtitle file's bytes are not text (a NUL byte, broken UTF-16 or UTF-32).
    case undecodable(TextDecodingError)
    /// The document is encrypted with a password: an Office file in an encrypted OLE container,
    /// or an OpenDocument file whose entries are encrypted (`manifest:encryption-data`).
    case passwordProtected(format: String)
    /// The file is an OLE compound file (a Word 97–2003 .doc, for example) under a .docx name.
    case compoundFile(format: String)
    /// A subtitle timing line has a timestamp that cannot be read; columns count Unicode scalars.
    case invalidTimestamp(line: Int, column: Int, text: String)
    /// A subtitle block has text but no `start --> end` timing line.
    case missingCueTiming(line: Int)

    /// The archive part (such as `word/document.xml`) the problem is in, when it is in one.
    public var part: String? {
        switch self {
        case .xml(let part, _), .unexpectedContent(let part, _): part
        default: nil
        }
    }

    /// The line and column (Unicode scalars, from 1) in the part or subtitle text, when known.
    public var position: (line: Int, column: Int)? {
        switch self {
        case .xml(_, let error): error.position
        case .undecodable(let error): error.location.line.map { ($0, error.location.column ?? 1) }
        case .invalidTimestamp(let line, let column, _): (line, column)
        case .missingCueTiming(let line): (line, 1)
        case .archive, .missingPart, .unexpectedContent, .passwordProtected, .compoundFile: nil
        }
    }

    /// What is wrong.
    public var message: String {
        switch self {
        case let .archive(error): error.message
        case let .missingPart(part, _): "the archive has no \(part)"
        case let .xml(_, error): error.message
        case let .unexpectedContent(_, reason): reason
        case let .undecodable(error): error.message
        case .passwordProtected: "the document is protected with a password, so its text cannot be read"
        case let .compoundFile(format): "the file is an older Office file (such as a Word 97–2003 .doc), not a \(format)"
        case let .invalidTimestamp(_, _, text): "\"\(text)\" is not a timestamp"
        case .missingCueTiming: "this subtitle block has no \"start --> end\" timing line"
        }
    }

    /// What to do about it.
    public var advice: String {
        switch self {
        case let .archive(error): error.advice
        case let .missingPart(_, format): "check that the file really is a \(format) document"
        case let .xml(_, error): error.advice
        case .unexpectedContent: "check that the file really is the document it claims to be"
        case let .undecodable(error): error.advice
        case let .passwordProtected(format) where format == ".odt":
            "open it in LibreOffice, choose File › Save As, untick \"Save with password\", save, and try again"
        case .passwordProtected:
            "open it in Word, choose File › Info › Protect Document › Encrypt with Password, empty the password box, save, and try again"
        case let .compoundFile(format): "open it in Word or LibreOffice and save it as \(format)"
        case .invalidTimestamp: "write it as hh:mm:ss.ttt (WebVTT) or hh:mm:ss,ttt (SRT)"
        case .missingCueTiming: "add one or remove the block"
        }
    }

    /// What is wrong and what to do about it, in one line, prefixed with the part or line:
    /// `[part:][line:col: ]error: what — what to do`.
    public var description: String {
        var place = part.map { [$0] } ?? []
        if let position { place += [String(position.line), String(position.column)] }
        let prefix = place.isEmpty ? "" : place.joined(separator: ":") + ": "
        return "\(prefix)error: \(message) — \(advice)"
    }
}
