import Foundation

/// Recognises an OLE compound file ([MS-CFB]), the container of Word 97–2003 documents and of
/// Office documents saved with a password ([MS-OFFCRYPTO]: the encrypted .docx is the stream
/// `EncryptedPackage` inside a compound file). Nothing in it is read beyond that.
struct CompoundFile {
    /// Whether the file has a stream named `EncryptedPackage`, as a password-protected Office document has.
    let holdsEncryptedPackage: Bool

    /// The compound-file signature, D0 CF 11 E0 A1 B1 1A E1.
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Recognises the signature; nil for any other file.
    ///
    /// - Complexity: O(*n*): the stream name is looked for in the directory entries, which
    ///   store names in UTF-16LE, anywhere in the file.
    init?(_ data: Data) {
        guard data.starts(with: Self.signature) else { return nil }
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        holdsEncryptedPackage = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            guard let base = bytes.baseAddress, bytes.count >= name.count else { return false }
            var from = 0
            while from <= bytes.count - name.count,
                  let hit = memchr(base + from, Int32(name[0]), bytes.count - name.count - from + 1) {
                let index = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + index, name, name.count) == 0 { return true }
                from = index + 1
            }
            return false
        }
    }
}
