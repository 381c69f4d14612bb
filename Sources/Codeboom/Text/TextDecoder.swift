import Foundation

/// The result of decoding a file's bytes: normalised text plus what was needed to get there.
public struct DecodedText: Sendable, Equatable {
    /// Normalised text: LF line endings, Unicode NFC. Offsets everywhere count its Unicode scalars.
    public var text: String
    public var encoding: SourceEncoding
    /// Where the first byte that is not valid UTF-8 stood, when the decoder fell back to Windows-1252.
    public var firstInvalidUTF8: (line: Int, column: Int)?

    public static func == (lhs: DecodedText, rhs: DecodedText) -> Bool {
        lhs.text == rhs.text && lhs.encoding == rhs.encoding
            && lhs.firstInvalidUTF8?.line == rhs.firstInvalidUTF8?.line
            && lhs.firstInvalidUTF8?.column == rhs.firstInvalidUTF8?.column
    }
}

/// Turns transcript bytes into normalised text, accepting what Word and other editors really write.
public enum TextDecoder {
    /// Decodes UTF-8 (with or without BOM), UTF-16 with BOM, and falls back to Windows-1252 for
    /// bytes that are not valid UTF-8 (Word's "plain text" export). Then normalises line endings and NFC.
    public static func decode(_ bytes: [UInt8]) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            if let text = String(validating: body, as: UTF8.self) {
                return DecodedText(text: normalise(text), encoding: .utf8WithBOM)
            }
            return windows1252(body)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DecodedText(text: normalise(utf16(bytes.dropFirst(2), littleEndian: true)), encoding: .utf16LittleEndian)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DecodedText(text: normalise(utf16(bytes.dropFirst(2), littleEndian: false)), encoding: .utf16BigEndian)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: normalise(text), encoding: .utf8)
        }
        return windows1252(bytes)
    }

    /// LF line endings and NFC, the form all offsets are defined on.
    public static func normalise(_ text: String) -> String {
        // One pass decides what is needed. Scalars below U+0300 are never changed by NFC, so the (slow)
        // normalisation is skipped for such text, which is most Dutch text: in UTF-8, bytes below 0xCC.
        var text = text
        let (hasCarriageReturn, mayNeedNFC) = text.withUTF8 { bytes -> (Bool, Bool) in
            guard let base = bytes.baseAddress else { return (false, false) }
            var highest: UInt8 = 0
            for byte in bytes { highest = max(highest, byte) }
            return (memchr(base, 13, bytes.count) != nil, highest >= 0xCC)
        }
        var result = text
        if hasCarriageReturn {
            result = result.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        guard mayNeedNFC else { return result }
        return result.precomposedStringWithCanonicalMapping
    }

    private static func utf16<C: Collection<UInt8>>(_ bytes: C, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let first = iterator.next(), let second = iterator.next() {
            units.append(littleEndian ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second))
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func windows1252(_ bytes: [UInt8]) -> DecodedText {
        let position = firstInvalidUTF8Position(bytes)
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = Unicode.Scalar(windows1252High[Int(byte - 0x80)]) {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return DecodedText(text: normalise(String(scalars)), encoding: .windows1252, firstInvalidUTF8: position)
    }

    /// Line and column (1-based, in bytes of that line) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8Position(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            if length > 1 {
                guard index + length <= bytes.count,
                      String(validating: bytes[index..<index + length], as: UTF8.self) != nil
                else { return (line, index - lineStart + 1) }
            }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return (line, index - lineStart + 1)
    }

    /// Windows-1252 code points for bytes 0x80–0x9F; the five undefined bytes map to their C1 controls.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
