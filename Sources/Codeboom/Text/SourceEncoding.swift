/// The byte encoding a text file turned out to have; reported so a researcher knows when a fallback was used.
public enum SourceEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// UTF-16 recognised by the NUL bytes of its high bytes, as some Windows tools write it.
    case utf16LittleEndianWithoutBOM = "UTF-16LE without BOM"
    case utf16BigEndianWithoutBOM = "UTF-16BE without BOM"
    case utf32LittleEndian = "UTF-32LE"
    case utf32BigEndian = "UTF-32BE"
    case windows1252 = "Windows-1252"

    /// Whether the encoding was inferred from the bytes rather than declared or certain, so a reader should be told.
    public var isGuessed: Bool {
        switch self {
        case .utf16LittleEndianWithoutBOM, .utf16BigEndianWithoutBOM, .windows1252: true
        default: false
        }
    }
}
