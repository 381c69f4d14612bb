/// One file listed in a ZIP archive's central directory.
///
/// The central directory, not the local headers, is the archive's table of contents:
/// readers that trust local headers alone can be shown a different file list than other tools see.
public struct ZipEntry: Sendable, Equatable {
    /// How an entry's bytes are stored.
    public enum Method: Sendable, Equatable {
        /// Method 0: the bytes as they are.
        case stored
        /// Method 8: raw deflate.
        case deflated
    }

    /// The path inside the archive, with `/` separators, as written by the producer.
    public let name: String
    /// How the bytes are stored.
    public let method: Method
    /// The size of the stored bytes.
    public let compressedSize: UInt64
    /// The declared size once inflated; checked again while inflating.
    public let uncompressedSize: UInt64
    /// The declared CRC-32 of the inflated bytes.
    public let crc32: UInt32
    /// Where the entry's local header starts, from the start of the archive.
    let localHeaderOffset: UInt64

    /// Whether the entry is a folder rather than a file.
    public var isDirectory: Bool { name.hasSuffix("/") }
}
