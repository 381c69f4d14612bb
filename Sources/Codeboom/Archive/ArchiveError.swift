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

    /// What is wrong.
    public var message: String {
        switch self {
        case .notAnArchive:
            return "not a ZIP archive (no end-of-central-directory record)"
        case let .truncated(structure, offset):
            return "archive is truncated: \(structure) at byte \(offset) runs past the end of the file"
        case let .damaged(structure, offset, reason):
            return "archive is damaged: \(structure) at byte \(offset): \(reason)"
        case .multiDiskArchive:
            return "archive is split over several disks"
        case let .tooManyEntries(count, limit):
            return "archive lists \(count) entries, more than the limit of \(limit)"
        case let .absolutePath(entry):
            return "archive entry \"\(entry)\" has an absolute path"
        case let .pathTraversal(entry):
            return "archive entry \"\(entry)\" contains a \"..\" path component"
        case let .invalidEntryName(entry):
            return "archive entry name \"\(entry)\" is empty or contains a NUL character"
        case let .duplicateEntry(entry):
            return "archive has two entries named \"\(entry)\""
        case let .entryTooLarge(entry, size, limit):
            return "archive entry \"\(entry)\" inflates to \(size) bytes or more, over the limit of \(limit) bytes (\(megabytes(limit)) MB)"
        case let .archiveTooLarge(size, limit):
            return "archive inflates to \(size) bytes in total, over the limit of \(limit) bytes (\(megabytes(limit)) MB)"
        case let .compressionRatioTooHigh(entry, uncompressed, compressed, limit):
            return "archive entry \"\(entry)\" inflates \(compressed) bytes to \(uncompressed) bytes, a ratio over \(limit):1"
        case let .encryptedEntry(entry):
            return "archive entry \"\(entry)\" is encrypted"
        case let .unsupportedCompression(entry, method):
            return "archive entry \"\(entry)\" uses compression method \(method); only stored (0) and deflated (8) are supported"
        case let .entryNotFound(entry):
            return "archive has no entry \"\(entry)\""
        case let .sizeMismatch(entry, declared, actual):
            return "archive entry \"\(entry)\" declares \(declared) bytes but holds \(actual) or more"
        case let .checksumMismatch(entry, declared, actual):
            return "archive entry \"\(entry)\" fails its checksum (declared \(hex(declared)), computed \(hex(actual)))"
        case let .corruptData(entry, reason):
            return "archive entry \"\(entry)\" has damaged compressed data (\(reason))"
        }
    }

    /// What to do about it.
    public var advice: String {
        switch self {
        case .notAnArchive:
            return "check that the file is a complete .docx or .odt"
        case .truncated:
            return "copy the file again or re-save it"
        case .damaged:
            return "re-save the document in its editor"
        case .multiDiskArchive:
            return "join it into one file first"
        case .tooManyEntries:
            return "this is not a plain document; check its origin"
        case .absolutePath:
            return "refusing a possibly hostile archive; check its origin"
        case .pathTraversal:
            return "refusing a possibly hostile archive (zip slip); check its origin"
        case .invalidEntryName:
            return "re-save the document in its editor"
        case .duplicateEntry:
            return "refusing an ambiguous archive; re-save the document in its editor"
        case let .entryTooLarge(_, size, _):
            return "raise the limit with --max-archive-size MB (for example --max-archive-size \(suggestedMegabytes(size))), or split the document"
        case let .archiveTooLarge(size, _):
            return "raise the limit with --max-archive-size MB (for example --max-archive-size \(suggestedMegabytes(size))), or split the document"
        case .compressionRatioTooHigh:
            return "refusing a likely zip bomb; check its origin"
        case .encryptedEntry:
            return "save the document without a password and try again"
        case .unsupportedCompression:
            return "re-save the document in its editor"
        case .entryNotFound:
            return "check that the file is the expected kind of document"
        case .sizeMismatch:
            return "the archive is damaged or hostile; re-save the document"
        case .checksumMismatch:
            return "the file is damaged; copy it again"
        case .corruptData:
            return "the file is damaged; copy it again"
        }
    }

    /// What is wrong and what to do about it, in one line.
    public var description: String { "error: \(message) — \(advice)" }

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
