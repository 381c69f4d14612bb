import CZlib
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a ZIP archive entry by entry, deterministically and atomically.
///
/// The same entries in the same order give the same bytes on every run (with the same zlib): every entry
/// carries the fixed DOS timestamp 1980-01-01 00:00, no extra fields and no comments, and the entries appear
/// in the order they were added. Each entry is compressed and written to a locked temporary file beside the
/// destination (`.NAME.UUID.tmp`, the pattern ``AtomicFileWriter`` uses and cleans up), so memory holds one
/// entry at a time; ``finish()`` appends the central directory and renames the file into place. Until then
/// the destination is untouched, and a writer dropped without `finish()` removes its temporary file.
///
/// ```swift
/// var zip = try ZipWriter(destination: URL(fileURLWithPath: "study.qdpx"))
/// try zip.add(path: "project.qde", data: Data(xml.utf8))
/// try zip.add(path: "sources/1.txt", data: Data(text.utf8), compress: true)
/// try zip.finish()
/// ```
///
/// ZIP64 is not written: an archive of 4 GiB or more, an entry of 4 GiB or more, or more than 65,535
/// entries is refused with ``WriteError/needsZip64(path:reason:)`` instead of being written damaged.
public struct ZipWriter: ~Copyable {
    /// Why an archive could not be written; the destination is left as it was.
    public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Creating, writing or renaming the file at `path` failed with `reason`.
        case cannotWrite(path: String, reason: String)
        /// `entry` is not a safe relative name (empty, NUL, absolute, `..`, `\`, or a trailing `/`).
        case invalidEntryName(path: String, entry: String)
        /// `entry` was added twice.
        case duplicateEntry(path: String, entry: String)
        /// The archive would need ZIP64 extensions, which this writer does not produce.
        case needsZip64(path: String, reason: String)
        /// zlib could not compress `entry`.
        case compressionFailed(path: String, entry: String, status: Int32)

        /// `path: error: what — what to do`.
        public var description: String {
            switch self {
            case let .cannotWrite(path, reason):
                "\(TerminalText.escaped(path)): error: cannot write (\(reason)) — check that the folder exists and is writable"
            case let .invalidEntryName(path, entry):
                "\(TerminalText.escaped(path)): error: archive entry name \"\(TerminalText.escaped(entry))\" is not a safe relative path — use names like folder/file.txt without \"..\", \"\\\" or a leading \"/\""
            case let .duplicateEntry(path, entry):
                "\(TerminalText.escaped(path)): error: archive entry \"\(TerminalText.escaped(entry))\" is added twice — give every entry its own name"
            case let .needsZip64(path, reason):
                "\(TerminalText.escaped(path)): error: the archive is too large for a ZIP without ZIP64 (\(reason)) — export fewer documents at a time"
            case let .compressionFailed(path, entry, status):
                "\(TerminalText.escaped(path)): error: zlib could not compress \"\(TerminalText.escaped(entry))\" (status \(status)) — report this as a bug"
            }
        }
    }

    /// One central-directory record, kept until ``finish()``.
    private struct CentralRecord {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var compressedSize: UInt32
        var uncompressedSize: UInt32
        var offset: UInt32
    }

    /// The deflate level: 1, zlib's fastest, as `zip -1`: text shrinks to about a third, at several times the
    /// speed of the default level 6 (which makes archives some 15% smaller).
    public static let compressionLevel: Int32 = 1
    /// 1980-01-01 00:00:00, the earliest DOS date: no clock or time zone reaches the bytes.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    /// The most bytes a ZIP without ZIP64 can address (sizes and offsets are 32-bit).
    static let maxOffset: UInt64 = 0xFFFF_FFFF
    /// The most entries a ZIP without ZIP64 can list (a 16-bit count; 0xFFFF itself means "see ZIP64").
    static let maxEntryCount = 0xFFFE

    private let destination: URL
    private let temporary: URL
    private let descriptor: Int32
    private var records: [CentralRecord] = []
    private var names: Set<String> = []
    private var offset: UInt64 = 0
    private var finished = false

    /// Starts an archive that ``finish()`` will place at `destination`; the folder must exist or be creatable.
    public init(destination: URL) throws(WriteError) {
        let folder = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: destination.path, reason: error.localizedDescription)
        }
        AtomicFileWriter.removeLeftovers(of: destination.lastPathComponent, in: folder)
        let temporary: URL
        let descriptor: Int32
        do {
            (temporary, descriptor) = try AtomicFileWriter.createLockedTemporary(for: destination)
        } catch {
            switch error {
            case .cannotWrite(let path, let reason): throw .cannotWrite(path: path, reason: reason)
            }
        }
        self.destination = destination
        self.temporary = temporary
        self.descriptor = descriptor
    }

    deinit {
        // Dropped without finish(), or finish() failed: the temporary file goes, the destination stays.
        if !finished {
            close(descriptor)
            unlink(temporary.path)
        }
    }

    /// An entry compressed ahead of ``add(_:)``: made on any thread, so that many can be compressed at once.
    public struct Entry: Sendable {
        /// The entry's name in the archive.
        public let path: String
        /// The bytes as stored: deflated, or the data itself.
        let stored: Data
        let method: UInt16
        let crc: UInt32
        let uncompressedSize: Int

        /// `data` under the name `path`, deflated when `compress` is true (stored if zlib fails, which it only
        /// does without memory).
        /// - Complexity: O(*n*) in the size of `data`.
        public init(path: String, data: Data, compress: Bool = true) {
            self = data.withUnsafeBytes { Entry(path: path, bytes: $0, compress: compress) }
        }

        /// `bytes` under the name `path`, as ``init(path:data:compress:)``, read where they are: only the
        /// compressed form is copied (or the bytes, when they are stored).
        /// - Complexity: O(*n*) in the size of `bytes`.
        public init(path: String, bytes: UnsafeRawBufferPointer, compress: Bool = true) {
            self.path = path
            crc = ZipWriter.crc32(of: bytes)
            uncompressedSize = bytes.count
            if compress, let deflated = ZipWriter.deflate(bytes) {
                stored = deflated
                method = 8
            } else {
                stored = Data(bytes)
                method = 0
            }
        }
    }

    /// Adds an entry named `path` (`/`-separated, relative) holding `data`, deflated when `compress` is true.
    ///
    /// - Complexity: O(*n*) in the size of `data`; memory holds `data` and its compressed form only.
    public mutating func add(path: String, data: Data, compress: Bool = true) throws(WriteError) {
        try validate(path)
        try add(Entry(path: path, data: data, compress: compress))
    }

    /// Adds an entry compressed beforehand, as the next entry of the archive.
    public mutating func add(_ entry: Entry) throws(WriteError) {
        try validate(entry.path)
        let name = Array(entry.path.utf8)
        guard UInt64(entry.uncompressedSize) < Self.maxOffset else {
            throw .needsZip64(path: destination.path, reason: "entry \"\(entry.path)\" holds \(entry.uncompressedSize) bytes")
        }
        let headerSize = UInt64(30 + name.count)
        guard offset + headerSize + UInt64(entry.stored.count) < Self.maxOffset else {
            throw .needsZip64(path: destination.path, reason: "the entries pass 4 GiB at \"\(entry.path)\"")
        }
        let record = CentralRecord(
            name: name, method: entry.method, crc: entry.crc, compressedSize: UInt32(entry.stored.count),
            uncompressedSize: UInt32(entry.uncompressedSize), offset: UInt32(offset))
        try write(Self.localHeader(record))
        try write(entry.stored)
        offset += headerSize + UInt64(entry.stored.count)
        records.append(record)
        names.insert(entry.path)
    }

    /// Adds an entry named `path` whose bytes `produce` hands to the stream piece by piece, each piece deflated
    /// on its own: an entry larger than memory (a project file of every coding) is never held whole, and
    /// pieces can be compressed on other threads (``Piece``) while the stream writes them in order.
    ///
    /// The local header is written first and completed (CRC-32 and sizes) once `produce` returns.
    public mutating func add(path: String, streaming produce: (inout EntryStream) throws(WriteError) -> Void) throws(WriteError) {
        try validate(path)
        let name = Array(path.utf8)
        let start = offset
        var record = CentralRecord(name: name, method: 8, crc: 0, compressedSize: 0, uncompressedSize: 0, offset: UInt32(start))
        try write(Self.localHeader(record))
        offset += UInt64(30 + name.count)
        var stream = EntryStream(descriptor: descriptor, destination: destination.path)
        try produce(&stream)
        try stream.finish()
        offset += stream.compressedSize
        guard stream.uncompressedSize < Self.maxOffset, offset < Self.maxOffset else {
            throw .needsZip64(path: destination.path, reason: "entry \"\(path)\" passes 4 GiB")
        }
        record.crc = stream.crc
        record.compressedSize = UInt32(stream.compressedSize)
        record.uncompressedSize = UInt32(stream.uncompressedSize)
        let header = Self.localHeader(record)
        let written = header.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(start)) }
        guard written == header.count else { throw failure(written < 0 ? errno : EIO) }
        records.append(record)
        names.insert(path)
    }

    /// A piece of a streamed entry, deflated on its own (ending on a byte boundary, not final), so that pieces
    /// made on any thread join into one deflate stream in the order they are written.
    public struct Piece: Sendable {
        let compressed: Data
        let crc: UInt32
        let count: Int

        /// `bytes`, deflated.
        /// - Complexity: O(*n*) in the size of `bytes`.
        public init(_ bytes: [UInt8]) {
            crc = bytes.withUnsafeBytes { ZipWriter.crc32(of: $0) }
            count = bytes.count
            compressed = bytes.withUnsafeBytes { ZipWriter.deflatePiece($0) }
        }

        /// The UTF-8 bytes of `text`, deflated.
        public init(_ text: String) {
            self.init(Array(text.utf8))
        }
    }

    /// Where ``add(path:streaming:)`` sends an entry's bytes, piece by piece, straight to the archive.
    public struct EntryStream: ~Copyable {
        private let descriptor: Int32
        private let destination: String
        fileprivate var crc: UInt32 = 0
        fileprivate var uncompressedSize: UInt64 = 0
        fileprivate var compressedSize: UInt64 = 0

        fileprivate init(descriptor: Int32, destination: String) {
            self.descriptor = descriptor
            self.destination = destination
        }

        /// Appends a piece (compressed on any thread) to the entry.
        public mutating func write(_ piece: Piece) throws(WriteError) {
            guard piece.count > 0 else { return }
            try writeRaw(piece.compressed)
            crc = UInt32(truncatingIfNeeded: crc32_combine(uLong(crc), uLong(piece.crc), off_t(piece.count)))
            uncompressedSize += UInt64(piece.count)
        }

        /// Appends `bytes` to the entry, compressed here.
        public mutating func write(_ bytes: [UInt8]) throws(WriteError) {
            try write(Piece(bytes))
        }

        /// Appends the UTF-8 bytes of `text` to the entry, compressed here.
        public mutating func write(_ text: String) throws(WriteError) {
            try write(Piece(text))
        }

        /// Ends the deflate stream with an empty final block.
        fileprivate mutating func finish() throws(WriteError) {
            try writeRaw(Data([0x03, 0x00]))
        }

        private mutating func writeRaw(_ data: Data) throws(WriteError) {
            let descriptor = self.descriptor
            if let error = data.withUnsafeBytes({ DescriptorWriter.writeAll($0, to: descriptor) }) { throw .cannotWrite(path: destination, reason: String(cString: strerror(error))) }
            compressedSize += UInt64(data.count)
        }
    }

    /// Raw deflate of `bytes` ended by a sync flush (an empty stored block), with no final block; a fresh
    /// stream, so it refers to nothing before it. Stored blocks if zlib fails, which it only does without memory.
    static func deflatePiece(_ bytes: UnsafeRawBufferPointer) -> Data {
        let deflated = DeflateStreams.shared.withStream { stream -> Data? in
            // deflateBound covers a finished stream; a sync flush adds at most a few bytes more.
            let bound = Int(deflateBound(stream, uLong(bytes.count))) + 16
            guard let output = malloc(bound) else { return nil }
            stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(bytes.count)
            stream.pointee.next_out = output.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(bound)
            let result = CZlib.deflate(stream, Z_SYNC_FLUSH)
            guard result == Z_OK, stream.pointee.avail_in == 0, stream.pointee.avail_out > 0 else {
                free(output)
                return nil
            }
            let count = Int(stream.pointee.total_out)
            return Data(bytesNoCopy: realloc(output, count) ?? output, count: count, deallocator: .free)
        } ?? nil
        if let deflated { return deflated }
        // Stored blocks of at most 65,535 bytes, none final.
        var stored = Data()
        var start = 0
        repeat {
            let length = min(bytes.count - start, 0xFFFF)
            stored.append(contentsOf: [0x00, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)])
            stored.append(contentsOf: bytes[start..<start + length])
            start += length
        } while start < bytes.count
        return stored
    }

    private static func localHeader(_ record: CentralRecord) -> [UInt8] {
        var header = [UInt8]()
        header.reserveCapacity(30 + record.name.count)
        header.appendLE32(0x0403_4B50)
        header.appendLE16(20)  // version needed: 2.0 (deflate)
        header.appendLE16(0x0800)  // names are UTF-8
        header.appendLE16(record.method)
        header.appendLE16(Self.dosTime)
        header.appendLE16(Self.dosDate)
        header.appendLE32(record.crc)
        header.appendLE32(record.compressedSize)
        header.appendLE32(record.uncompressedSize)
        header.appendLE16(UInt16(record.name.count))
        header.appendLE16(0)
        header.append(contentsOf: record.name)
        return header
    }

    /// Writes the central directory and renames the archive into place over any earlier file.
    ///
    /// On failure the temporary file is removed and the destination is left as it was.
    public consuming func finish() throws(WriteError) {
        var central = [UInt8]()
        for record in records {
            central.appendLE32(0x0201_4B50)
            central.appendLE16(0x0314)  // made by: Unix, spec 2.0, so the permissions below are read
            central.appendLE16(20)
            central.appendLE16(0x0800)
            central.appendLE16(record.method)
            central.appendLE16(Self.dosTime)
            central.appendLE16(Self.dosDate)
            central.appendLE32(record.crc)
            central.appendLE32(record.compressedSize)
            central.appendLE32(record.uncompressedSize)
            central.appendLE16(UInt16(record.name.count))
            central.appendLE16(0)  // extra field
            central.appendLE16(0)  // comment
            central.appendLE16(0)  // disk
            central.appendLE16(0)  // internal attributes
            central.appendLE32(UInt32(0o100644) << 16)  // a regular file, rw-r--r--
            central.appendLE32(record.offset)
            central.append(contentsOf: record.name)
        }
        guard offset + UInt64(central.count) < Self.maxOffset else {
            throw .needsZip64(path: destination.path, reason: "the central directory starts past 4 GiB")
        }
        var end = [UInt8]()
        end.appendLE32(0x0605_4B50)
        end.appendLE16(0)
        end.appendLE16(0)
        end.appendLE16(UInt16(records.count))
        end.appendLE16(UInt16(records.count))
        end.appendLE32(UInt32(central.count))
        end.appendLE32(UInt32(offset))
        end.appendLE16(0)
        try write(central)
        try write(end)
        // Durable before it is visible: a crash after the rename never leaves a truncated archive.
        guard fsync(descriptor) == 0 else { throw failure(errno) }
        guard rename(temporary.path, destination.path) == 0 else { throw failure(errno) }
        finished = true
        let closed = close(descriptor)
        guard closed == 0 else { throw .cannotWrite(path: destination.path, reason: String(cString: strerror(errno))) }
    }

    /// The CRC-32 of `data`, as ZIP stores it, from zlib.
    public static func crc32(of data: Data) -> UInt32 {
        data.withUnsafeBytes { crc32(of: $0) }
    }

    /// The CRC-32 of `raw`, as ZIP stores it, from zlib.
    static func crc32(of raw: UnsafeRawBufferPointer) -> UInt32 {
        var crc: uLong = 0
        var start = 0
        // zlib takes 32-bit lengths: feed larger buffers in slices.
        while start < raw.count, let base = raw.baseAddress {
            let length = min(raw.count - start, 1 << 30)
            crc = CZlib.crc32(crc, (base + start).assumingMemoryBound(to: Bytef.self), uInt(length))
            start += length
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    private func validate(_ path: String) throws(WriteError) {
        let scalars = path.unicodeScalars
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        let unsafe = path.isEmpty || scalars.contains("\0") || scalars.contains("\\") || path.hasPrefix("/")
            || components.contains { $0.isEmpty || $0 == ".." || $0 == "." }
            || (scalars.count >= 2 && Array(scalars.prefix(2))[1] == ":")
        if unsafe { throw .invalidEntryName(path: destination.path, entry: path) }
        if names.contains(path) { throw .duplicateEntry(path: destination.path, entry: path) }
        guard records.count < Self.maxEntryCount else {
            throw .needsZip64(path: destination.path, reason: "more than \(Self.maxEntryCount) entries")
        }
    }

    /// Raw deflate (no zlib header, window 2^15), as ZIP stores it, in one call into a buffer of `deflateBound`;
    /// nil if zlib fails.
    static func deflate(_ data: Data) -> Data? {
        data.withUnsafeBytes { deflate($0) }
    }

    /// Raw deflate of `bytes` in one call, into a buffer of `deflateBound` that is not cleared first and is
    /// shrunk to the compressed size; nil if zlib fails.
    static func deflate(_ bytes: UnsafeRawBufferPointer) -> Data? {
        DeflateStreams.shared.withStream { stream -> Data? in
            let bound = Int(deflateBound(stream, uLong(bytes.count)))
            guard let output = malloc(max(1, bound)) else { return nil }
            stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(bytes.count)
            stream.pointee.next_out = output.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(bound)
            guard CZlib.deflate(stream, Z_FINISH) == Z_STREAM_END else {
                free(output)
                return nil
            }
            let count = Int(stream.pointee.total_out)
            return Data(bytesNoCopy: realloc(output, max(1, count)) ?? output, count: count, deallocator: .free)
        } ?? nil
    }

    private func write(_ bytes: [UInt8]) throws(WriteError) {
        if let error = AtomicFileWriter.writeAll([bytes], to: descriptor) { throw failure(error) }
    }

    private func write(_ data: Data) throws(WriteError) {
        let descriptor = self.descriptor
        if let error = data.withUnsafeBytes({ DescriptorWriter.writeAll($0, to: descriptor) }) { throw failure(error) }
    }

    private func failure(_ error: Int32) -> WriteError {
        .cannotWrite(path: destination.path, reason: String(cString: strerror(error)))
    }
}

extension [UInt8] {
    fileprivate mutating func appendLE16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func appendLE32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}

/// Deflate streams (raw, window 2^15, ``ZipWriter/compressionLevel``) kept for the next entry or piece: setting
/// one up takes some 270 KB of fresh memory that the kernel clears page by page, which for an archive of
/// ten thousand small entries cost more than compressing them. A stream taken is reset
/// (`deflateReset`), which compresses exactly as a new one.
private final class DeflateStreams: @unchecked Sendable {
    static let shared = DeflateStreams()
    /// Streams beyond this many are ended when given back: one per core is what the writers use at once.
    private let keep = max(2, ProcessInfo.processInfo.activeProcessorCount + 1)
    private let lock = NSLock()
    private var idle: [UnsafeMutablePointer<z_stream>] = []

    /// Calls `body` with a stream ready for new input; nil if zlib cannot make one (without memory).
    func withStream<Result>(_ body: (UnsafeMutablePointer<z_stream>) -> Result) -> Result? {
        lock.lock()
        let kept = idle.popLast()
        lock.unlock()
        let stream: UnsafeMutablePointer<z_stream>
        if let kept {
            stream = kept
            deflateReset(stream)
        } else {
            // zlib keeps the stream's address: it lives on the heap, not on the stack.
            stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard deflateInit2_(stream, ZipWriter.compressionLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                                Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deallocate()
                return nil
            }
        }
        let result = body(stream)
        lock.lock()
        let stays = idle.count < keep
        if stays { idle.append(stream) }
        lock.unlock()
        if !stays {
            deflateEnd(stream)
            stream.deallocate()
        }
        return result
    }
}
