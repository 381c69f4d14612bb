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
    /// A subtitle timing line has a timestamp that cannot be read; columns count characters.
    case invalidTimestamp(line: Int, column: Int, text: String)
    /// A subtitle block has text but no `start --> end` timing line.
    case missingCueTiming(line: Int)

    /// What is wrong and what to do about it, in one line, prefixed with the part or line.
    public var description: String {
        switch self {
        case let .archive(error):
            return error.description
        case let .missingPart(part, format):
            return "error: the archive has no \(part) — check that the file really is a \(format) document"
        case let .xml(part, error):
            let message = error.description
            return message.hasPrefix("error:") ? "\(part): \(message)" : "\(part):\(message)"
        case let .unexpectedContent(part, reason):
            return "\(part): error: \(reason) — check that the file really is the document it claims to be"
        case let .undecodable(error):
            return error.description
        case let .passwordProtected(format) where format == ".odt":
            return "error: the document is protected with a password, so its text cannot be read — open it in LibreOffice, choose File › Save As, untick \"Save with password\", save, and try again"
        case .passwordProtected:
            return "error: the document is protected with a password, so its text cannot be read — open it in Word, choose File › Info › Protect Document › Encrypt with Password, empty the password box, save, and try again"
        case let .compoundFile(format):
            return "error: the file is an older Office file (such as a Word 97–2003 .doc), not a \(format) — open it in Word or LibreOffice and save it as \(format)"
        case let .invalidTimestamp(line, column, text):
            return "\(line):\(column): error: \"\(text)\" is not a timestamp — write it as hh:mm:ss.ttt (WebVTT) or hh:mm:ss,ttt (SRT)"
        case let .missingCueTiming(line):
            return "\(line):1: error: this subtitle block has no \"start --> end\" timing line — add one or remove the block"
        }
    }
}
