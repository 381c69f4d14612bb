import CZlib
import Foundation

/// A ZIP archive of stored (uncompressed) entries with correct sizes and CRC-32s, so the fuzzer can
/// reach the XML readers: a mutated entry inside a real archive almost always fails its checksum.
enum StoredZip {
    static func archive(_ entries: [(name: String, data: [UInt8])]) -> Data {
        var output = Data()
        var central = Data()
        for (name, data) in entries {
            let nameBytes = Array(name.utf8)
            let crc = data.withUnsafeBufferPointer { UInt32(CZlib.crc32(0, $0.baseAddress, uInt($0.count))) }
            let offset = UInt32(output.count)
            output.append(littleEndian: [0x0403_4B50], 20, 0x0800, 0, 0, 0)
            output.append(littleEndian: [crc, UInt32(data.count), UInt32(data.count)], UInt16(nameBytes.count), 0)
            output.append(contentsOf: nameBytes + data)
            central.append(littleEndian: [0x0201_4B50], 20, 20, 0x0800, 0, 0, 0)
            central.append(littleEndian: [crc, UInt32(data.count), UInt32(data.count)], UInt16(nameBytes.count), 0, 0, 0, 0)
            central.append(littleEndian: [0, offset])
            central.append(contentsOf: nameBytes)
        }
        let centralOffset = UInt32(output.count)
        output.append(central)
        output.append(littleEndian: [0x0605_4B50], 0, 0, UInt16(entries.count), UInt16(entries.count))
        output.append(littleEndian: [UInt32(central.count), centralOffset], 0)
        return output
    }
}

private extension Data {
    /// Appends 32-bit values, then 16-bit values, little-endian: the shape of every ZIP header.
    mutating func append(littleEndian words: [UInt32], _ halves: UInt16...) {
        for word in words { Swift.withUnsafeBytes(of: word.littleEndian) { append(contentsOf: $0) } }
        for half in halves { Swift.withUnsafeBytes(of: half.littleEndian) { append(contentsOf: $0) } }
    }
}
