/// The ceilings a ``ZipArchive`` enforces, so that a hostile or damaged archive
/// cannot exhaust memory or time before a single document has been read.
public struct ArchiveLimits: Sendable, Equatable {
    /// The most entries an archive may list; a .docx or .odt has a few dozen.
    public var maxEntryCount: Int
    /// The most bytes one entry may inflate to, checked against the header and again while inflating.
    public var maxEntrySize: UInt64
    /// The most bytes all entries together may inflate to.
    public var maxTotalSize: UInt64
    /// The highest uncompressed-to-compressed ratio allowed for entries above ``ratioThreshold``.
    public var maxCompressionRatio: UInt64
    /// Entries up to this many uncompressed bytes are exempt from the ratio check,
    /// because small, repetitive XML parts legitimately compress very well.
    public var ratioThreshold: UInt64

    /// Creates limits; every argument defaults to the value in ``default``.
    public init(
        maxEntryCount: Int = 10_000,
        maxEntrySize: UInt64 = 200 * 1_048_576,
        maxTotalSize: UInt64 = 200 * 1_048_576,
        maxCompressionRatio: UInt64 = 100,
        ratioThreshold: UInt64 = 1_048_576
    ) {
        self.maxEntryCount = maxEntryCount
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioThreshold = ratioThreshold
    }

    /// 10,000 entries, 200 MiB per entry and in total, and at most 100:1 for entries above 1 MiB.
    public static let `default` = ArchiveLimits()
}
