import CZlib
import Foundation

/// A read-only ZIP archive held in memory, the container of .docx and .odt documents.
///
/// The table of contents comes from the central directory, every offset and size read
/// from the input is bounds-checked, and hostile patterns (zip slip, zip bombs, huge
/// entry counts, encryption) are refused when the archive is opened, before any entry
/// is inflated. Nothing is ever written to disk.
public struct ZipArchive: Sendable {
    /// The entries in central-directory order.
    public let entries: [ZipEntry]
    /// The limits this archive was opened with; they also bound each ``data(for:)``.
    public let limits: ArchiveLimits
    private let reader: ByteReader
    private let indexByName: [String: Int]

    /// The entry names in central-directory order.
    public var entryNames: [String] { entries.map(\.name) }

    /// Opens an archive, reading its central directory and refusing unsafe or damaged archives.
    ///
    /// - Complexity: O(*n*) in the size of the central directory; no entry is inflated.
    public init(data: Data, limits: ArchiveLimits = .default) throws(ArchiveError) {
        try self.init(data: data, limits: limits, isMappedFile: false)
    }

    /// Opens an archive; when `data` maps a file (``ByteReader/mapFile(_:)``), the pages of each entry are given
    /// back once the entry is read, so reading every entry of a large archive does not hold it all in memory.
    ///
    /// An entry that `isStreamed` names is read piece by piece (``read(_:chunkSize:into:)``), never held whole:
    /// the total and ratio limits hold for it, the per-entry size limit does not (``data(for:)`` refuses it).
    init(data: Data, limits: ArchiveLimits = .default, isMappedFile: Bool,
         isStreamed: (String) -> Bool = { _ in false }) throws(ArchiveError) {
        let reader = ByteReader(data: data, isMappedFile: isMappedFile)
        let directory = try Self.locateCentralDirectory(reader, limits: limits)
        let entries = try Self.readCentralDirectory(reader, directory: directory, limits: limits, isStreamed: isStreamed)
        var indexByName: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            if indexByName[entry.name] != nil { throw .duplicateEntry(entry: entry.name) }
            indexByName[entry.name] = index
        }
        self.reader = reader
        self.entries = entries
        self.limits = limits
        self.indexByName = indexByName
    }

    /// Whether an entry with exactly this name exists.
    public func contains(_ name: String) -> Bool {
        indexByName[name] != nil
    }

    /// The entry with exactly this name, if any.
    public func entry(named name: String) -> ZipEntry? {
        indexByName[name].map { entries[$0] }
    }

    /// The inflated bytes of an entry, checked against its declared size and CRC-32.
    ///
    /// Inflating stops as soon as the output passes the declared size, which was checked
    /// against the entry, total and ratio limits on opening, so a header that understates
    /// its size cannot exhaust memory.
    public func data(for name: String) throws(ArchiveError) -> Data {
        guard let index = indexByName[name] else { throw .entryNotFound(entry: name) }
        let entry = entries[index]
        // A streamed entry may pass the per-entry limit; held whole, it may not.
        guard entry.uncompressedSize <= limits.maxEntrySize else {
            throw .entryTooLarge(entry: name, size: entry.uncompressedSize, limit: limits.maxEntrySize)
        }
        let (start, length) = try compressedPlace(of: entry)
        guard let compressed = reader.bytes(at: start, length: length) else {
            throw .truncated(structure: "data of \"\(name)\"", offset: start)
        }
        reader.giveBack(at: start, length: length)
        let output: Data
        switch entry.method {
        case .stored:
            output = compressed
        case .deflated:
            // The declared size was checked against the limits on opening; holding the
            // output to it keeps a lying header from inflating past those limits.
            switch Inflater.inflate(compressed, cap: entry.uncompressedSize) {
            case .success(let inflated):
                output = inflated
            case .failure(.exceededCap(let produced)):
                throw .sizeMismatch(entry: name, declared: entry.uncompressedSize, actual: produced)
            case .failure(.corrupt(let reason)):
                throw .corruptData(entry: name, reason: reason)
            }
        }
        guard UInt64(output.count) == entry.uncompressedSize else {
            throw .sizeMismatch(entry: name, declared: entry.uncompressedSize, actual: UInt64(output.count))
        }
        let crc = ZipWriter.crc32(of: output)
        guard crc == entry.crc32 else {
            throw .checksumMismatch(entry: name, declared: entry.crc32, actual: crc)
        }
        return output
    }

    /// Hands the inflated bytes of the entry named `name` to `body` piece by piece, as they come, so an entry of
    /// hundreds of megabytes is never held whole; the pieces are valid only during the call. The same checks as
    /// ``data(for:)`` hold — inflating stops as soon as the output passes the declared size, which was checked
    /// against the limits on opening — but the size and CRC-32 are known only at the end: a damaged entry is
    /// refused after `body` has seen its bytes, so what `body` makes of them must wait for this to return.
    func read(_ name: String, chunkSize: Int = Inflater.chunkSize,
                     into body: (UnsafeBufferPointer<UInt8>) -> Void) throws(ArchiveError) {
        guard let index = indexByName[name] else { throw .entryNotFound(entry: name) }
        let entry = entries[index]
        let (start, length) = try compressedPlace(of: entry)
        var crc: uLong = 0
        func consume(_ piece: UnsafeBufferPointer<UInt8>) {
            if let base = piece.baseAddress { crc = CZlib.crc32(crc, base, uInt(piece.count)) }
            body(piece)
        }
        let produced: UInt64
        switch entry.method {
        case .stored:
            _ = reader.withBytes(at: start, length: length) { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + chunkSize)
                    consume(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    start = end
                }
            }
            produced = UInt64(length)
        case .deflated:
            // The compressed bytes read so far are given back as inflating goes on.
            var givenBack = 0
            let result = reader.withBytes(at: start, length: length) {
                Inflater.inflate($0, cap: entry.uncompressedSize, chunkSize: chunkSize, consumed: { count in
                    reader.giveBack(at: start + givenBack, length: count - givenBack)
                    givenBack = count
                }, into: consume)
            } ?? .failure(.corrupt("the data is cut short"))
            switch result {
            case .success(let count):
                produced = count
            case .failure(.exceededCap(let count)):
                throw .sizeMismatch(entry: name, declared: entry.uncompressedSize, actual: count)
            case .failure(.corrupt(let reason)):
                throw .corruptData(entry: name, reason: reason)
            }
        }
        reader.giveBack(at: start, length: length)
        guard produced == entry.uncompressedSize else {
            throw .sizeMismatch(entry: name, declared: entry.uncompressedSize, actual: produced)
        }
        guard UInt32(crc) == entry.crc32 else {
            throw .checksumMismatch(entry: name, declared: entry.crc32, actual: UInt32(crc))
        }
    }

    // MARK: - Reading the structure

    private struct CentralDirectory {
        var offset: Int
        var size: Int
        var entryCount: Int
    }

    private enum Signature {
        static let endOfCentralDirectory: UInt32 = 0x0605_4B50
        static let zip64EndOfCentralDirectory: UInt32 = 0x0606_4B50
        static let zip64Locator: UInt32 = 0x0706_4B50
        static let centralHeader: UInt32 = 0x0201_4B50
        static let localHeader: UInt32 = 0x0403_4B50
    }

    private static func locateCentralDirectory(
        _ reader: ByteReader, limits: ArchiveLimits
    ) throws(ArchiveError) -> CentralDirectory {
        let eocd = try findEndOfCentralDirectory(reader)
        guard
            let disk = reader.uint16(at: eocd + 4),
            let directoryDisk = reader.uint16(at: eocd + 6),
            let entriesOnDisk = reader.uint16(at: eocd + 8),
            let totalEntries = reader.uint16(at: eocd + 10),
            let size32 = reader.uint32(at: eocd + 12),
            let offset32 = reader.uint32(at: eocd + 16)
        else { throw .truncated(structure: "end of central directory", offset: eocd) }

        var diskNumber = UInt64(disk), directoryDiskNumber = UInt64(directoryDisk)
        var entriesHere = UInt64(entriesOnDisk), entryCount = UInt64(totalEntries)
        var size = UInt64(size32), offset = UInt64(offset32)
        var directoryEnd = eocd

        let locator = eocd - 20
        if totalEntries == 0xFFFF || size32 == 0xFFFF_FFFF || offset32 == 0xFFFF_FFFF,
           reader.uint32(at: locator) == Signature.zip64Locator {
            guard let recordOffset64 = reader.uint64(at: locator + 8), let diskCount = reader.uint32(at: locator + 16)
            else { throw .truncated(structure: "ZIP64 locator", offset: locator) }
            guard diskCount <= 1 else { throw .multiDiskArchive }
            guard recordOffset64 <= UInt64(locator), reader.contains(offset: Int(recordOffset64), length: 56) else {
                throw .damaged(structure: "ZIP64 locator", offset: locator, reason: "it points outside the archive")
            }
            let record = Int(recordOffset64)
            guard reader.uint32(at: record) == Signature.zip64EndOfCentralDirectory,
                  let disk64 = reader.uint32(at: record + 16),
                  let directoryDisk64 = reader.uint32(at: record + 20),
                  let entriesHere64 = reader.uint64(at: record + 24),
                  let entryCount64 = reader.uint64(at: record + 32),
                  let size64 = reader.uint64(at: record + 40),
                  let offset64 = reader.uint64(at: record + 48)
            else { throw .damaged(structure: "ZIP64 end of central directory", offset: record, reason: "bad signature") }
            diskNumber = UInt64(disk64)
            directoryDiskNumber = UInt64(directoryDisk64)
            entriesHere = entriesHere64
            entryCount = entryCount64
            size = size64
            offset = offset64
            directoryEnd = record
        }

        guard diskNumber == 0, directoryDiskNumber == 0, entriesHere == entryCount else { throw .multiDiskArchive }
        guard entryCount <= UInt64(limits.maxEntryCount) else {
            throw .tooManyEntries(count: Int(clamping: entryCount), limit: limits.maxEntryCount)
        }
        let (end, overflow) = offset.addingReportingOverflow(size)
        guard !overflow, end <= UInt64(directoryEnd) else {
            if !overflow, end > UInt64(reader.count) {
                throw .truncated(structure: "central directory", offset: Int(clamping: offset))
            }
            throw .damaged(
                structure: "central directory", offset: Int(clamping: offset),
                reason: "it overlaps the end-of-central-directory record")
        }
        // Each central header is at least 46 bytes, so a small directory cannot list many entries.
        let (minimumSize, sizeOverflow) = entryCount.multipliedReportingOverflow(by: 46)
        guard !sizeOverflow, minimumSize <= size else {
            throw .damaged(
                structure: "central directory", offset: Int(offset),
                reason: "it lists \(entryCount) entries in only \(size) bytes")
        }
        return CentralDirectory(offset: Int(offset), size: Int(size), entryCount: Int(entryCount))
    }

    private static func findEndOfCentralDirectory(_ reader: ByteReader) throws(ArchiveError) -> Int {
        let fixedSize = 22
        if reader.count >= fixedSize {
            // The record sits at the end, followed only by a comment of at most 65,535 bytes.
            let lowest = max(0, reader.count - fixedSize - 0xFFFF)
            var candidate = reader.count - fixedSize
            while candidate >= lowest {
                if reader.uint32(at: candidate) == Signature.endOfCentralDirectory,
                   let commentLength = reader.uint16(at: candidate + 20),
                   candidate + fixedSize + Int(commentLength) <= reader.count {
                    return candidate
                }
                candidate -= 1
            }
        }
        if reader.uint32(at: 0) == Signature.localHeader {
            throw .truncated(structure: "end of central directory", offset: reader.count)
        }
        throw .notAnArchive
    }

    private static func readCentralDirectory(
        _ reader: ByteReader, directory: CentralDirectory, limits: ArchiveLimits, isStreamed: (String) -> Bool
    ) throws(ArchiveError) -> [ZipEntry] {
        var entries: [ZipEntry] = []
        entries.reserveCapacity(directory.entryCount)
        var totalSize: UInt64 = 0
        var position = directory.offset
        let directoryEnd = directory.offset + directory.size

        for _ in 0..<directory.entryCount {
            guard position + 46 <= directoryEnd,
                  let signature = reader.uint32(at: position),
                  let flags = reader.uint16(at: position + 8),
                  let methodCode = reader.uint16(at: position + 10),
                  let crc = reader.uint32(at: position + 16),
                  let compressed32 = reader.uint32(at: position + 20),
                  let uncompressed32 = reader.uint32(at: position + 24),
                  let nameLength = reader.uint16(at: position + 28),
                  let extraLength = reader.uint16(at: position + 30),
                  let commentLength = reader.uint16(at: position + 32),
                  let localOffset32 = reader.uint32(at: position + 42)
            else { throw .truncated(structure: "central directory entry", offset: position) }
            guard signature == Signature.centralHeader else {
                throw .damaged(structure: "central directory entry", offset: position, reason: "bad signature")
            }
            let nameStart = position + 46
            let extraStart = nameStart + Int(nameLength)
            let next = extraStart + Int(extraLength) + Int(commentLength)
            guard next <= directoryEnd, let nameBytes = reader.bytes(at: nameStart, length: Int(nameLength)) else {
                throw .truncated(structure: "central directory entry", offset: position)
            }
            let name = ZipEntryName.decode(nameBytes, isUTF8: flags & 0x0800 != 0)
            try ZipEntryName.validate(name)

            var uncompressed = UInt64(uncompressed32)
            var compressed = UInt64(compressed32)
            var localOffset = UInt64(localOffset32)
            if uncompressed32 == 0xFFFF_FFFF || compressed32 == 0xFFFF_FFFF || localOffset32 == 0xFFFF_FFFF {
                try readZip64Extra(
                    reader, from: extraStart, length: Int(extraLength), entry: name,
                    uncompressed: &uncompressed, compressed: &compressed, localOffset: &localOffset)
            }

            if flags & 0x0001 != 0 { throw .encryptedEntry(entry: name) }
            let method: ZipEntry.Method
            switch methodCode {
            case 0:
                method = .stored
                guard compressed == uncompressed else {
                    throw .damaged(
                        structure: "central directory entry", offset: position,
                        reason: "stored entry \"\(name)\" has different compressed and uncompressed sizes")
                }
            case 8:
                method = .deflated
            default:
                throw .unsupportedCompression(entry: name, method: methodCode)
            }
            guard uncompressed <= limits.maxEntrySize || isStreamed(name) else {
                throw .entryTooLarge(entry: name, size: uncompressed, limit: limits.maxEntrySize)
            }
            let (sum, overflow) = totalSize.addingReportingOverflow(uncompressed)
            guard !overflow, sum <= limits.maxTotalSize else {
                throw .archiveTooLarge(size: overflow ? .max : sum, limit: limits.maxTotalSize)
            }
            totalSize = sum
            if uncompressed > limits.ratioThreshold {
                let (allowed, ratioOverflow) = compressed.multipliedReportingOverflow(by: limits.maxCompressionRatio)
                if !ratioOverflow, uncompressed > allowed {
                    throw .compressionRatioTooHigh(
                        entry: name, uncompressed: uncompressed, compressed: compressed,
                        limit: limits.maxCompressionRatio)
                }
            }
            entries.append(ZipEntry(
                name: name, method: method, compressedSize: compressed, uncompressedSize: uncompressed,
                crc32: crc, localHeaderOffset: localOffset))
            position = next
        }
        return entries
    }

    /// Reads the ZIP64 extended-information field, whose values appear only for the
    /// header fields that hold 0xFFFFFFFF, in a fixed order.
    private static func readZip64Extra(
        _ reader: ByteReader, from start: Int, length: Int, entry: String,
        uncompressed: inout UInt64, compressed: inout UInt64, localOffset: inout UInt64
    ) throws(ArchiveError) {
        var position = start
        let end = start + length
        while position + 4 <= end {
            guard let id = reader.uint16(at: position), let size = reader.uint16(at: position + 2) else { break }
            let body = position + 4
            guard body + Int(size) <= end else { break }
            if id == 0x0001 {
                var field = body
                func next() throws(ArchiveError) -> UInt64 {
                    guard field + 8 <= body + Int(size), let value = reader.uint64(at: field) else {
                        throw .damaged(
                            structure: "ZIP64 extra field", offset: body,
                            reason: "entry \"\(entry)\" has too short a ZIP64 field")
                    }
                    field += 8
                    return value
                }
                if uncompressed == 0xFFFF_FFFF { uncompressed = try next() }
                if compressed == 0xFFFF_FFFF { compressed = try next() }
                if localOffset == 0xFFFF_FFFF { localOffset = try next() }
                return
            }
            position = body + Int(size)
        }
        throw .damaged(
            structure: "central directory entry", offset: start,
            reason: "entry \"\(entry)\" needs a ZIP64 field but has none")
    }

    /// Where an entry's stored bytes start and how many there are, checked to lie within the archive.
    private func compressedPlace(of entry: ZipEntry) throws(ArchiveError) -> (start: Int, length: Int) {
        let name = entry.name
        guard entry.localHeaderOffset <= UInt64(Int.max) else {
            throw .truncated(structure: "local header of \"\(name)\"", offset: Int.max)
        }
        let local = Int(entry.localHeaderOffset)
        guard let signature = reader.uint32(at: local),
              let flags = reader.uint16(at: local + 6),
              let nameLength = reader.uint16(at: local + 26),
              let extraLength = reader.uint16(at: local + 28)
        else { throw .truncated(structure: "local header of \"\(name)\"", offset: local) }
        guard signature == Signature.localHeader else {
            throw .damaged(structure: "local header of \"\(name)\"", offset: local, reason: "bad signature")
        }
        if flags & 0x0001 != 0 { throw .encryptedEntry(entry: name) }
        guard let localNameBytes = reader.bytes(at: local + 30, length: Int(nameLength)) else {
            throw .truncated(structure: "local header of \"\(name)\"", offset: local)
        }
        // A local name that differs from the central one is how archives show different files to different tools.
        guard ZipEntryName.decode(localNameBytes, isUTF8: flags & 0x0800 != 0) == name else {
            throw .damaged(
                structure: "local header of \"\(name)\"", offset: local,
                reason: "its name differs from the central directory's")
        }
        let dataStart = local + 30 + Int(nameLength) + Int(extraLength)
        guard entry.compressedSize <= UInt64(Int.max), reader.contains(offset: dataStart, length: Int(entry.compressedSize))
        else { throw .truncated(structure: "data of \"\(name)\"", offset: dataStart) }
        return (dataStart, Int(entry.compressedSize))
    }
}
