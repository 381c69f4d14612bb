/// Why a ZIP archive (a .docx or .odt container) could not be opened or an entry read.
///
/// Each hostile pattern has its own case so callers and tests can tell a zip bomb
/// from a path-traversal attempt or plain damage.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No end-of-central-directory record: the data is not a ZIP archive or its end was cut off.
    case notAnArchive
    /// A structure at `offset` runs past the end of the data.
    case truncated(structure: String, offset: Int)
    /// A structure at `offset` is inconsistent (bad signature, impossible sizes, …).
    case damaged(structure: String, offset: Int, reason: String)
    /// The archive is split over several disks, which documents never are.
    case multiDiskArchive
    /// The archive lists more entries than ``ArchiveLimits/maxEntryCount``.
    case tooManyEntries(count: Int, limit: Int)
    /// An entry name is absolute (`/etc/passwd`, `C:\x`, `\\server\share`).
    case absolutePath(entry: String)
    /// An entry name has a `..` component (with `/` or `\` separators) that would escape a folder.
    case pathTraversal(entry: String)
    /// An entry name is empty or contains a NUL character.
    case invalidEntryName(entry: String)
    /// Two entries have the same name, so which one is meant is ambiguous.
    case duplicateEntry(entry: String)
    /// An entry inflates to more than ``ArchiveLimits/maxEntrySize`` bytes.
    case entryTooLarge(entry: String, size: UInt64, limit: UInt64)
    /// All entries together inflate to more than ``ArchiveLimits/maxTotalSize`` bytes.
    case archiveTooLarge(size: UInt64, limit: UInt64)
    /// An entry above the ratio threshold compresses better than ``ArchiveLimits/maxCompressionRatio``: a zip bomb.
    case compressionRatioTooHigh(entry: String, uncompressed: UInt64, compressed: UInt64, limit: UInt64)
    /// An entry is encrypted (general-purpose flag bit 0); documents are never read with a password.
    case encryptedEntry(entry: String)
    /// An entry uses a compression method other than stored (0) or deflated (8).
    case unsupportedCompression(entry: String, method: UInt16)
    /// No entry has the requested name.
    case entryNotFound(entry: String)
    /// An entry's data is not the size its central-directory header declares.
    case sizeMismatch(entry: String, declared: UInt64, actual: UInt64)
    /// An entry's CRC-32 does not match its data.
    case checksumMismatch(entry: String, declared: UInt32, actual: UInt32)
    /// An entry's deflate stream is damaged.
    case corruptData(entry: String, reason: String)

    /// What is wrong and what to do about it, in one line.
    public var description: String {
        switch self {
        case .notAnArchive:
            return "error: not a ZIP archive (no end-of-central-directory record) — check that the file is a complete .docx or .odt"
        case let .truncated(structure, offset):
            return "error: archive is truncated: \(structure) at byte \(offset) runs past the end of the file — copy the file again or re-save it"
        case let .damaged(structure, offset, reason):
            return "error: archive is damaged: \(structure) at byte \(offset): \(reason) — re-save the document in its editor"
        case .multiDiskArchive:
            return "error: archive is split over several disks — join it into one file first"
        case let .tooManyEntries(count, limit):
            return "error: archive lists \(count) entries, more than the limit of \(limit) — this is not a plain document; check its origin"
        case let .absolutePath(entry):
            return "error: archive entry \"\(entry)\" has an absolute path — refusing a possibly hostile archive; check its origin"
        case let .pathTraversal(entry):
            return "error: archive entry \"\(entry)\" contains a \"..\" path component — refusing a possibly hostile archive (zip slip); check its origin"
        case let .invalidEntryName(entry):
            return "error: archive entry name \"\(entry)\" is empty or contains a NUL character — re-save the document in its editor"
        case let .duplicateEntry(entry):
            return "error: archive has two entries named \"\(entry)\" — refusing an ambiguous archive; re-save the document in its editor"
        case let .entryTooLarge(entry, size, limit):
            return "error: archive entry \"\(entry)\" inflates to \(size) bytes or more, over the limit of \(limit) bytes (\(megabytes(limit)) MB) — raise the limit with --max-archive-size MB (for example --max-archive-size \(suggestedMegabytes(size))), or split the document"
        case let .archiveTooLarge(size, limit):
            return "error: archive inflates to \(size) bytes in total, over the limit of \(limit) bytes (\(megabytes(limit)) MB) — raise the limit with --max-archive-size MB (for example --max-archive-size \(suggestedMegabytes(size))), or split the document"
        case let .compressionRatioTooHigh(entry, uncompressed, compressed, limit):
            return "error: archive entry \"\(entry)\" inflates \(compressed) bytes to \(uncompressed) bytes, a ratio over \(limit):1 — refusing a likely zip bomb; check its origin"
        case let .encryptedEntry(entry):
            return "error: archive entry \"\(entry)\" is encrypted — save the document without a password and try again"
        case let .unsupportedCompression(entry, method):
            return "error: archive entry \"\(entry)\" uses compression method \(method); only stored (0) and deflated (8) are supported — re-save the document in its editor"
        case let .entryNotFound(entry):
            return "error: archive has no entry \"\(entry)\" — check that the file is the expected kind of document"
        case let .sizeMismatch(entry, declared, actual):
            return "error: archive entry \"\(entry)\" declares \(declared) bytes but holds \(actual) or more — the archive is damaged or hostile; re-save the document"
        case let .checksumMismatch(entry, declared, actual):
            return "error: archive entry \"\(entry)\" fails its checksum (declared \(hex(declared)), computed \(hex(actual))) — the file is damaged; copy it again"
        case let .corruptData(entry, reason):
            return "error: archive entry \"\(entry)\" has damaged compressed data (\(reason)) — the file is damaged; copy it again"
        }
    }

    private func megabytes(_ bytes: UInt64) -> UInt64 {
        bytes / 1_048_576
    }

    /// A limit in MB that lets `size` bytes through, rounded up to a hundred.
    private func suggestedMegabytes(_ size: UInt64) -> UInt64 {
        let needed = size / 1_048_576 + 1
        return (needed + 99) / 100 * 100
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
