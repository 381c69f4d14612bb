/// The byte encoding a text file turned out to have; reported so a researcher knows when a fallback was used.
public enum SourceEncoding: String, Sendable, Equatable {
    /// UTF-8 without a byte order mark.
    case utf8 = "UTF-8"
    /// UTF-8 after a byte order mark.
    case utf8WithBOM = "UTF-8 with BOM"
    /// UTF-16, little-endian, after its byte order mark.
    case utf16LittleEndian = "UTF-16LE"
    /// UTF-16, big-endian, after its byte order mark.
    case utf16BigEndian = "UTF-16BE"
    /// UTF-16 recognised by the NUL bytes of its high bytes, as some Windows tools write it.
    case utf16LittleEndianWithoutBOM = "UTF-16LE without BOM"
    /// UTF-16, big-endian, recognised by its NUL bytes.
    case utf16BigEndianWithoutBOM = "UTF-16BE without BOM"
    /// UTF-32, little-endian, after its byte order mark.
    case utf32LittleEndian = "UTF-32LE"
    /// UTF-32, big-endian, after its byte order mark.
    case utf32BigEndian = "UTF-32BE"
    /// Bytes that are not UTF-8, read as Word's "plain text" export writes them.
    case windows1252 = "Windows-1252"
}
