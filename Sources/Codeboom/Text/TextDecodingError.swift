/// Why a file's bytes cannot be read as text without reading them wrong (errors), or how they were
/// read when their encoding had to be inferred (warnings). Columns count Unicode scalars.
public enum TextDecodingError: SourceProblem {
    /// A NUL byte (U+0000), which text never holds: a binary file, or UTF-16 or UTF-32 text whose
    /// encoding could not be recognised because it has no byte order mark.
    case nulByte(SourceLocation)
    /// UTF-16 text with a broken surrogate pair or a final odd byte.
    case invalidUTF16(SourceLocation, encoding: SourceEncoding)
    /// UTF-32 text with a value that is no Unicode character, or a cut-off last character.
    case invalidUTF32(SourceLocation, encoding: SourceEncoding)
    /// A warning: bytes that are not UTF-8 stand here (the first of them), so the file was read as Windows-1252.
    case readAsWindows1252(SourceLocation)
    /// A warning: the file has no byte order mark and was recognised as UTF-16 by its NUL bytes.
    case readAsUTF16WithoutByteOrderMark(SourceLocation, encoding: SourceEncoding)

    /// The undecodable cases are errors; an inferred encoding is a warning.
    public var severity: Diagnostic.Severity {
        switch self {
        case .nulByte, .invalidUTF16, .invalidUTF32: .error
        case .readAsWindows1252, .readAsUTF16WithoutByteOrderMark: .warning
        }
    }

    /// The file, and the line and column of the character where the problem stands.
    public var location: SourceLocation {
        switch self {
        case .nulByte(let location), .invalidUTF16(let location, _), .invalidUTF32(let location, _),
             .readAsWindows1252(let location), .readAsUTF16WithoutByteOrderMark(let location, _):
            location
        }
    }

    /// What is wrong, without the place.
    public var message: String {
        switch self {
        case .nulByte:
            "the file holds a NUL byte, which text never does: it is a binary file, or UTF-16 or UTF-32 text without a byte order mark"
        case .invalidUTF16(_, let encoding):
            "the file is \(encoding.rawValue) text with a broken character here (half a surrogate pair, or an odd number of bytes)"
        case .invalidUTF32(_, let encoding):
            "the file is \(encoding.rawValue) text with a value here that is no Unicode character, or a cut-off last character"
        case .readAsWindows1252:
            "not valid UTF-8; read as Windows-1252"
        case .readAsUTF16WithoutByteOrderMark(_, let encoding):
            "no byte order mark; read as \(encoding.rawValue.prefix(8)) by the NUL bytes in its characters"
        }
    }

    /// What the researcher can do about it.
    public var advice: String {
        switch self {
        case .nulByte:
            "check that this is the text file you meant, and save it as UTF-8 text"
        case .invalidUTF16, .invalidUTF32:
            "save the file again as UTF-8 text"
        case .readAsWindows1252, .readAsUTF16WithoutByteOrderMark:
            "save the file as UTF-8 to be sure every character is read as meant"
        }
    }
}
