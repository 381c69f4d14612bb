/// Text as the bytes another encoding writes, to test how transcripts and tables are decoded.
enum EncodedText {
    /// UTF-16 code units in the given byte order, with a byte order mark only when asked.
    static func utf16(_ text: String, littleEndian: Bool, bom: Bool = false) -> [UInt8] {
        ((bom ? [0xFEFF] : []) + Array(text.utf16)).flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}
