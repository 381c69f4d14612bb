import Foundation

extension String {
    /// Without leading and trailing spaces, tabs and line breaks; works on UTF-8, so it is cheap on long text.
    var trimmingSpaces: String {
        let utf8 = self.utf8
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension Substring {
    /// Whether the UTF-8 of the text holds `byte` within its first `limit` bytes; uses memchr on the
    /// contiguous buffer, which the generic `contains` is far slower than on long transcript lines.
    func containsByte(_ byte: UInt8, within limit: Int = .max) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            return memchr(base, Int32(byte), Swift.min(buffer.count, limit)) != nil
        }
        return found ?? utf8.prefix(limit).contains(byte)
    }
}
