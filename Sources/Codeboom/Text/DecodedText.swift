/// The result of decoding a file's bytes: normalised text plus what was needed to get there.
public struct DecodedText: Sendable, Equatable {
    /// Normalised text: LF line endings, Unicode NFC. Offsets everywhere count its Unicode scalars.
    public var text: String
    /// The encoding the bytes were read in.
    public var encoding: SourceEncoding
    /// Where the first byte that is not valid UTF-8 stood (the column in Unicode scalars of the
    /// valid UTF-8 before it), when the decoder fell back to Windows-1252.
    public var firstInvalidUTF8: (line: Int, column: Int)?

    /// Equal text, encoding and place of the first byte that is not UTF-8.
    public static func == (lhs: DecodedText, rhs: DecodedText) -> Bool {
        lhs.text == rhs.text && lhs.encoding == rhs.encoding
            && lhs.firstInvalidUTF8?.line == rhs.firstInvalidUTF8?.line
            && lhs.firstInvalidUTF8?.column == rhs.firstInvalidUTF8?.column
    }
}

extension DecodedText {
    /// The warning a researcher gets when the encoding had to be inferred: where the first byte that is
    /// not UTF-8 stands (read as Windows-1252), or that UTF-16 without a byte order mark was recognised.
    public func warning(file: String) -> TextDecodingError? {
        if let position = firstInvalidUTF8 {
            return .readAsWindows1252(SourceLocation(file: file, line: position.line, column: position.column))
        }
        switch encoding {
        case .utf16LittleEndianWithoutBOM, .utf16BigEndianWithoutBOM:
            return .readAsUTF16WithoutByteOrderMark(SourceLocation(file: file, line: 1, column: 1), encoding: encoding)
        default:
            return nil
        }
    }
}
