import Foundation

extension WordDocumentWriter {
    /// The `.docx` file's bytes: the parts of ``parts(of:)`` in a ZIP archive, deflated and check-summed by
    /// ``ZipWriter/Entry`` and laid out as ``ZipWriter`` lays out a file (fixed 1980-01-01 timestamps, UTF-8
    /// names, no extra fields), but in memory, so a report can write it with its other pages as one set.
    public static func package(_ document: WordDocument) -> [UInt8] {
        zipped(parts(of: document).map { ZipWriter.Entry(path: $0.path, data: Data($0.bytes)) })
    }

    /// A ZIP archive of `entries` in the given order (a package is small; no ZIP64).
    static func zipped(_ entries: [ZipWriter.Entry]) -> [UInt8] {
        var archive: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.path.utf8)
            let offset = UInt32(archive.count)
            func common(_ bytes: inout [UInt8]) {
                bytes.appendLittleEndian(UInt16(20))  // version needed: 2.0 (deflate)
                bytes.appendLittleEndian(UInt16(0x0800))  // names are UTF-8
                bytes.appendLittleEndian(entry.method)
                bytes.appendLittleEndian(ZipWriter.dosTime)
                bytes.appendLittleEndian(ZipWriter.dosDate)
                bytes.appendLittleEndian(entry.crc)
                bytes.appendLittleEndian(UInt32(entry.stored.count))
                bytes.appendLittleEndian(UInt32(entry.uncompressedSize))
                bytes.appendLittleEndian(UInt16(name.count))
                bytes.appendLittleEndian(UInt16(0))  // extra field
            }
            archive.appendLittleEndian(UInt32(0x0403_4B50))
            common(&archive)
            archive += name
            archive += entry.stored
            central.appendLittleEndian(UInt32(0x0201_4B50))
            central.appendLittleEndian(UInt16(0x0314))  // made by: Unix, spec 2.0
            common(&central)
            central.appendLittleEndian(UInt16(0))  // comment
            central.appendLittleEndian(UInt16(0))  // disk
            central.appendLittleEndian(UInt16(0))  // internal attributes
            central.appendLittleEndian(UInt32(0o100644) << 16)  // a regular file, rw-r--r--
            central.appendLittleEndian(offset)
            central += name
        }
        let centralOffset = UInt32(archive.count)
        archive += central
        archive.appendLittleEndian(UInt32(0x0605_4B50))
        archive.appendLittleEndian(UInt16(0))
        archive.appendLittleEndian(UInt16(0))
        archive.appendLittleEndian(UInt16(entries.count))
        archive.appendLittleEndian(UInt16(entries.count))
        archive.appendLittleEndian(UInt32(central.count))
        archive.appendLittleEndian(centralOffset)
        archive.appendLittleEndian(UInt16(0))
        return archive
    }
}

private extension Array where Element == UInt8 {
    mutating func appendLittleEndian<Value: FixedWidthInteger>(_ value: Value) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
