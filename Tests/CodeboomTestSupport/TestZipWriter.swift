import CZlib
import Foundation

/// Builds small ZIP archives in memory for tests, including hostile ones that a real
/// producer would never write (lying sizes, traversal names, the encryption flag).
struct TestZipWriter {
    /// One entry to write; the `declared…` and `flags` overrides make hostile archives.
    struct Entry {
        var name: String
        var data: Data
        var deflate: Bool = true
        var flags: UInt16 = 0x0800
        var declaredUncompressedSize: UInt32?
        var declaredCRC: UInt32?
        var method: UInt16?
    }

    private(set) var entries: [Entry] = []
    /// Writes ZIP64 central-directory fields and end records, as producers do for huge archives.
    var zip64 = false

    mutating func add(_ name: String, _ text: String, deflate: Bool = true) {
        entries.append(Entry(name: name, data: Data(text.utf8), deflate: deflate))
    }

    mutating func add(_ entry: Entry) {
        entries.append(entry)
    }

    /// The archive bytes: local headers and data, then the central directory and its end record.
    func archive() -> Data {
        var output = Data()
        var central = Data()
        for entry in entries {
            let compressed = entry.deflate ? Self.deflateRaw(entry.data) : entry.data
            let crc = entry.declaredCRC ?? Self.crc32(entry.data)
            let method: UInt16 = entry.method ?? (entry.deflate ? 8 : 0)
            let uncompressedSize = entry.declaredUncompressedSize ?? UInt32(entry.data.count)
            let name = Data(entry.name.utf8)
            let offset = UInt32(output.count)

            output.append(le32: 0x0403_4B50)
            output.append(le16: 20)
            output.append(le16: entry.flags)
            output.append(le16: method)
            output.append(le16: 0)
            output.append(le16: 0x4C21)
            output.append(le32: crc)
            output.append(le32: UInt32(compressed.count))
            output.append(le32: uncompressedSize)
            output.append(le16: UInt16(name.count))
            output.append(le16: 0)
            output.append(name)
            output.append(compressed)

            central.append(le32: 0x0201_4B50)
            central.append(le16: 0x031E)
            central.append(le16: 20)
            central.append(le16: entry.flags)
            central.append(le16: method)
            central.append(le16: 0)
            central.append(le16: 0x4C21)
            central.append(le32: crc)
            central.append(le32: zip64 ? 0xFFFF_FFFF : UInt32(compressed.count))
            central.append(le32: zip64 ? 0xFFFF_FFFF : uncompressedSize)
            central.append(le16: UInt16(name.count))
            central.append(le16: zip64 ? 28 : 0)
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le32: 0)
            central.append(le32: zip64 ? 0xFFFF_FFFF : offset)
            central.append(name)
            if zip64 {
                central.append(le16: 0x0001)
                central.append(le16: 24)
                central.append(le64: UInt64(uncompressedSize))
                central.append(le64: UInt64(compressed.count))
                central.append(le64: UInt64(offset))
            }
        }
        let centralOffset = UInt32(output.count)
        output.append(central)
        if zip64 {
            let recordOffset = UInt64(output.count)
            output.append(le32: 0x0606_4B50)
            output.append(le64: 44)
            output.append(le16: 45)
            output.append(le16: 45)
            output.append(le32: 0)
            output.append(le32: 0)
            output.append(le64: UInt64(entries.count))
            output.append(le64: UInt64(entries.count))
            output.append(le64: UInt64(central.count))
            output.append(le64: UInt64(centralOffset))
            output.append(le32: 0x0706_4B50)
            output.append(le32: 0)
            output.append(le64: recordOffset)
            output.append(le32: 1)
        }
        output.append(le32: 0x0605_4B50)
        output.append(le16: 0)
        output.append(le16: 0)
        output.append(le16: zip64 ? 0xFFFF : UInt16(truncatingIfNeeded: entries.count))
        output.append(le16: zip64 ? 0xFFFF : UInt16(truncatingIfNeeded: entries.count))
        output.append(le32: zip64 ? 0xFFFF_FFFF : UInt32(central.count))
        output.append(le32: zip64 ? 0xFFFF_FFFF : centralOffset)
        output.append(le16: 0)
        return output
    }

    /// Raw deflate (no zlib header), as ZIP stores it.
    static func deflateRaw(_ data: Data) -> Data {
        var stream = z_stream()
        let status = deflateInit2_(
            &stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2_ failed: \(status)")
        defer { deflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: raw.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(raw.count)
            var result: Int32 = Z_OK
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { buffer -> Int in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    result = CZlib.deflate(&stream, Z_FINISH)
                    return buffer.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[0..<produced])
            } while result == Z_OK
            precondition(result == Z_STREAM_END, "deflate failed: \(result)")
        }
        return output
    }

    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> UInt32 in
            UInt32(CZlib.crc32(0, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)))
        }
    }
}

extension Data {
    mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func append(le64 value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8((value >> UInt64(shift)) & 0xFF)) }
    }

    mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
