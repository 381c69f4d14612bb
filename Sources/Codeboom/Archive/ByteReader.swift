import Foundation

/// Bounds-checked little-endian reads from archive bytes, so that no offset taken
/// from the (untrusted) input can read outside the data.
struct ByteReader: Sendable {
    let data: Data

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
}
