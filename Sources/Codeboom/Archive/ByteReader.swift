import Foundation

/// Bounds-checked little-endian reads from archive bytes, so that no offset taken
/// from the (untrusted) input can read outside the data.
struct ByteReader: Sendable {
    let data: Data
    /// Whether `data` maps a file (``mapFile(_:)``), whose pages may be given back once read.
    var isMappedFile = false

    var count: Int { data.count }

    /// Whether `length` bytes starting at `offset` lie inside the data, without overflow.
    func contains(offset: Int, length: Int) -> Bool {
        guard offset >= 0, length >= 0 else { return false }
        let (end, overflow) = offset.addingReportingOverflow(length)
        return !overflow && end <= data.count
    }

    func uint16(at offset: Int) -> UInt16? {
        guard contains(offset: offset, length: 2) else { return nil }
        let base = data.startIndex + offset
        return UInt16(data[base]) | UInt16(data[base + 1]) << 8
    }

    func uint32(at offset: Int) -> UInt32? {
        guard contains(offset: offset, length: 4) else { return nil }
        let base = data.startIndex + offset
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(data[base + index]) << (8 * index) }
        return value
    }

    func uint64(at offset: Int) -> UInt64? {
        guard contains(offset: offset, length: 8) else { return nil }
        let base = data.startIndex + offset
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(data[base + index]) << (8 * index) }
        return value
    }

    /// The bytes at `offset`, without copying them, for the time of `body`; nil when they are not all there.
    func withBytes<Result>(at offset: Int, length: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result? {
        guard contains(offset: offset, length: length) else { return nil }
        return try data.withUnsafeBytes { raw in try body(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)])) }
    }

    func bytes(at offset: Int, length: Int) -> Data? {
        guard contains(offset: offset, length: length) else { return nil }
        let base = data.startIndex + offset
        return data.subdata(in: base..<(base + length))
    }

    /// Gives the memory of the bytes at `offset` back to the system once they are read, when `data` maps a
    /// file: the pages they lie on are dropped, and read from the file again should they be needed — by a
    /// neighbouring entry that shares a page, say — so the bytes never change. A large archive read entry by
    /// entry then never holds more than a few of its pages.
    func giveBack(at offset: Int, length: Int) {
        guard isMappedFile, length > 0, contains(offset: offset, length: length) else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let start = Int(bitPattern: base) + offset
            let first = start / page * page
            let end = (start + length + page - 1) / page * page
            guard end > first else { return }
            _ = madvise(UnsafeMutableRawPointer(bitPattern: first), end - first, MADV_DONTNEED)
        }
    }

    /// The file at `path` mapped into memory read-only, as `Data` that unmaps it when it goes; nil when it
    /// cannot be mapped (an empty file, a pipe), for the caller to read it another way.
    static func mapFile(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        return Data(bytesNoCopy: address, count: size, deallocator: .custom { pointer, count in _ = munmap(pointer, count) })
    }
}
