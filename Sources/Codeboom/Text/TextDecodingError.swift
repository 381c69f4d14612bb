/// Why a file's bytes cannot be read as text without reading them wrong; positions count Unicode scalars.
public enum TextDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A NUL byte (U+0000), which text never holds: a binary file, or UTF-16 or UTF-32 text whose
    /// encoding could not be recognised because it has no byte order mark.
    case nulByte(line: Int, column: Int)
    /// UTF-16 text with a broken surrogate pair or a final odd byte.
    case invalidUTF16(line: Int, column: Int, encoding: SourceEncoding)
    /// UTF-32 text with a value that is no Unicode character, or a cut-off last character.
    case invalidUTF32(line: Int, column: Int, encoding: SourceEncoding)

    /// The line where the problem stands, from 1.
    public var line: Int {
        switch self {
        case .nulByte(let line, _), .invalidUTF16(let line, _, _), .invalidUTF32(let line, _, _): line
        }
    }

    /// The column where the problem stands, from 1, in Unicode scalars.
    public var column: Int {
        switch self {
        case .nulByte(_, let column), .invalidUTF16(_, let column, _), .invalidUTF32(_, let column, _): column
        }
    }

    /// What is wrong, without the place.
    public var message: String {
        switch self {
        case .nulByte:
            "the file holds a NUL byte, which text never does: it is a binary file, or UTF-16 or UTF-32 text without a byte order mark"
        case .invalidUTF16(_, _, let encoding):
            "the file is \(encoding.rawValue) text with a broken character here (half a surrogate pair, or an odd number of bytes)"
        case .invalidUTF32(_, _, let encoding):
            "the file is \(encoding.rawValue) text with a value here that is no Unicode character, or a cut-off last character"
        }
    }

    /// What the researcher can do about it.
    public var advice: String {
        switch self {
        case .nulByte:
            "check that this is the text file you meant, and save it as UTF-8 text"
        case .invalidUTF16, .invalidUTF32:
            "save the file again as UTF-8 text"
        }
    }

    /// `line:col: error: what is wrong — what to do`.
    public var description: String { "\(line):\(column): error: \(message) — \(advice)" }

    /// The error as a diagnostic on `file`.
    public func diagnostic(file: String) -> Diagnostic {
        .error(SourceLocation(file: file, line: line, column: column), message, advice: advice)
    }
}
