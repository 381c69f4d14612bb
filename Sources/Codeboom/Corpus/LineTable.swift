import Foundation

/// Where the lines of a text are, in UTF-8 bytes and in Unicode scalars, found in one pass over the
/// bytes. The parser works on these bounds and only makes strings of the few lines it needs as text.
struct LineTable {
    struct Line {
        /// 1-based.
        var number: Int
        /// Scalar offset of the line's first scalar in the text.
        var offset: Int
        var scalarCount: Int
        /// UTF-8 offsets of the line, without its line feed.
        var byteStart: Int
        var byteEnd: Int
    }

    var items: [Line] = []
    /// Scalars in the whole text.
    var scalarCount = 0

    /// - Complexity: O(n) in the length of the text; line ends are found with memchr.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            items = [Line(number: 1, offset: 0, scalarCount: 0, byteStart: 0, byteEnd: 0)]
            return
        }
        var offset = 0, lineStart = 0
        while true {
            let found = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
            let lineEnd = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            let scalars = UTF8Counting.scalars(in: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
            items.append(Line(number: items.count + 1, offset: offset, scalarCount: scalars, byteStart: lineStart, byteEnd: lineEnd))
            offset += scalars
            guard found != nil else { break }
            offset += 1
            lineStart = lineEnd + 1
        }
        scalarCount = offset
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes of `line` (or of its part from byte `from` on), as a buffer into the same text.
    func bytes(of line: LineTable.Line, from: Int = 0) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: self[(line.byteStart + from)..<line.byteEnd])
    }

    /// Whether every byte is a space or a tab.
    var isBlank: Bool { allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// The bytes without leading and trailing spaces and tabs.
    var trimmingSpaces: UnsafeBufferPointer<UInt8> {
        var start = 0, end = count
        while start < end, self[start] == 0x20 || self[start] == 0x09 { start += 1 }
        while end > start, self[end - 1] == 0x20 || self[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: self[start..<end])
    }

    var string: String { String(decoding: self, as: UTF8.self) }
}
