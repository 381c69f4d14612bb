/// A `key: value` line, as codebook attributes and transcript front matter write it; keys are lower-cased,
/// start with a letter and hold at most three words.
struct Attribute {
    var key: String
    var value: String
    /// 1-based column where the value starts.
    var valueColumn: Int

    /// Works on the UTF-8 of the line: every transcript's front matter comes through here.
    init?(_ line: String) {
        let utf8 = line.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let key = String(line[..<colon]).trimmingSpaces
        guard Self.isKey(key) else { return nil }
        let afterColon = utf8.index(after: colon)
        guard afterColon == utf8.endIndex || isSpace(utf8[afterColon]) else { return nil }
        self.key = key.lowercased()
        self.value = String(line[afterColon...]).trimmingSpaces
        let leading = utf8[afterColon...].prefix(while: isSpace).count
        valueColumn = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: colon) + 2 + leading
    }

    /// A key: up to 40 characters and three words of letters, digits, `-` and `_`, starting with a letter.
    /// Keys are nearly always ASCII and checked byte by byte; others character by character.
    private static func isKey(_ key: String) -> Bool {
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = key.utf8
            func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }
            guard let first = bytes.first, isLetter(first), bytes.count <= 40,
                  bytes.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x20 || $0 == 0x2D || $0 == 0x5F })
            else { return false }
            // Words: the letters right after a space or at the start (the key is trimmed, so it starts with one).
            var words = 0
            var previous: UInt8 = 0x20
            for byte in bytes {
                if byte != 0x20 && previous == 0x20 { words += 1 }
                previous = byte
            }
            return words <= 3
        }
        guard let first = key.first, first.isLetter, key.count <= 40 else { return false }
        return key.split(separator: " ").count <= 3
            && key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" })
    }
}
