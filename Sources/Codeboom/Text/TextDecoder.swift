import Foundation

/// Turns transcript bytes into normalised text, accepting what Word and other editors really write,
/// and refusing bytes that are not text rather than reading them wrong.
public enum TextDecoder {
    /// Decodes UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM, UTF-16 without BOM (recognised
    /// by its NUL bytes), and falls back to Windows-1252 for bytes that are not valid UTF-8 (Word's
    /// "plain text" export). Then normalises line endings and NFC. Text never holds U+0000: a NUL that
    /// is not part of a recognised UTF-16 file is an error, so a binary file is never read as a transcript.
    /// `file` names the bytes in the error's location.
    ///
    /// - Complexity: O(*n*); UTF-8 without NUL bytes costs one `memchr` more than validating it.
    public static func decode(_ bytes: [UInt8], file: String = "") throws(TextDecodingError) -> DecodedText {
        // UTF-32's little-endian mark starts with UTF-16's, so it is looked for first.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return try utf32(bytes, littleEndian: true, file: file)
        }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return try utf32(bytes, littleEndian: false, file: file)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try utf16(bytes, from: 2, littleEndian: true, encoding: .utf16LittleEndian, file: file)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try utf16(bytes, from: 2, littleEndian: false, encoding: .utf16BigEndian, file: file)
        }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if let nul = firstNUL(in: bytes) {
            if !hasBOM, let decoded = utf16WithoutBOM(bytes) { return decoded }
            let position = position(ofByte: nul, in: bytes, from: hasBOM ? 3 : 0)
            throw .nulByte(SourceLocation(file: file, line: position.line, column: position.column))
        }
        if hasBOM {
            let body = Array(bytes.dropFirst(3))
            if let text = String(validating: body, as: UTF8.self) {
                return DecodedText(text: normalise(text), encoding: .utf8WithBOM)
            }
            return windows1252(body)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: normalise(text), encoding: .utf8)
        }
        return windows1252(bytes)
    }

    /// Where the first NUL byte stands, found with `memchr`.
    static func firstNUL(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    /// Line and column (1-based, the column in scalars of the line's UTF-8, or in bytes where it is
    /// not UTF-8) of the byte at `offset`; CR, LF and CRLF end a line, as `normalise` reads them.
    static func position(ofByte offset: Int, in bytes: [UInt8], from start: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = start
        var index = start
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        let prefix = bytes[lineStart..<offset]
        let columns = String(validating: prefix, as: UTF8.self)?.unicodeScalars.count ?? prefix.count
        return (line, columns + 1)
    }

    /// UTF-16 text without a byte order mark, recognised in two steps. Its NUL bytes stand at one place
    /// of each two-byte unit: text in a Latin, Greek or Cyrillic script has a NUL as the high byte of its
    /// spaces, digits, punctuation and Latin letters, and (almost) never as the low byte. And read so, it
    /// is text in those scripts: at least nine in ten characters below U+2E00 (or emoji), where other
    /// bytes read as UTF-16 give CJK-like characters. Nil when either fails (a binary file, a stray NUL in
    /// UTF-8 text, UTF-32 without a mark, UTF-16 in a CJK script without a mark), so the NUL is refused.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> DecodedText? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        var evenNULs = 0, oddNULs = 0
        for index in stride(from: 0, to: bytes.count, by: 2) {
            if bytes[index] == 0 { evenNULs += 1 }
            if bytes[index + 1] == 0 { oddNULs += 1 }
        }
        // A few NUL low bytes are characters like U+0100 or U+2000; many mean the NULs are no pattern.
        let littleEndian: Bool
        if oddNULs > 0, evenNULs * 8 <= oddNULs {
            littleEndian = true
        } else if evenNULs > 0, oddNULs * 8 <= evenNULs {
            littleEndian = false
        } else {
            return nil
        }
        let encoding: SourceEncoding = littleEndian ? .utf16LittleEndianWithoutBOM : .utf16BigEndianWithoutBOM
        guard let decoded = try? utf16(bytes, from: 0, littleEndian: littleEndian, encoding: encoding) else { return nil }
        var characters = 0, inAlphabeticScripts = 0
        for scalar in decoded.text.unicodeScalars {
            characters += 1
            if scalar.value < 0x2E00 || scalar.value >= 0x1F000 { inAlphabeticScripts += 1 }
        }
        return inAlphabeticScripts * 10 >= characters * 9 ? decoded : nil
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

    /// Decodes UTF-16 from `start`, refusing a broken surrogate pair, a final odd byte and U+0000.
    private static func utf16(_ bytes: [UInt8], from start: Int, littleEndian: Bool, encoding: SourceEncoding,
                              file: String = "") throws(TextDecodingError) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var index = start
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var position = TextPosition()
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF16.decode(encoded)
                if scalar == "\0" { throw .nulByte(position.location(in: file)) }
                scalars.append(scalar)
                position.advance(past: scalar)
            case .error:
                throw .invalidUTF16(position.location(in: file), encoding: encoding)
            case .emptyInput:
                if index < bytes.count { throw .invalidUTF16(position.location(in: file), encoding: encoding) }
                return DecodedText(text: normalise(String(scalars)), encoding: encoding)
            }
        }
    }

    /// Decodes UTF-32 after its byte order mark, refusing values that are no Unicode scalar, a cut-off unit and U+0000.
    private static func utf32(_ bytes: [UInt8], littleEndian: Bool, file: String) throws(TextDecodingError) -> DecodedText {
        let encoding: SourceEncoding = littleEndian ? .utf32LittleEndian : .utf32BigEndian
        var scalars = String.UnicodeScalarView()
        var position = TextPosition()
        var index = 4
        while index + 3 < bytes.count {
            let b0 = UInt32(bytes[index]), b1 = UInt32(bytes[index + 1]), b2 = UInt32(bytes[index + 2]), b3 = UInt32(bytes[index + 3])
            let value = littleEndian ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b0 << 24 | b1 << 16 | b2 << 8 | b3
            guard let scalar = Unicode.Scalar(value) else {
                throw .invalidUTF32(position.location(in: file), encoding: encoding)
            }
            if scalar == "\0" { throw .nulByte(position.location(in: file)) }
            scalars.append(scalar)
            position.advance(past: scalar)
            index += 4
        }
        if index < bytes.count { throw .invalidUTF32(position.location(in: file), encoding: encoding) }
        return DecodedText(text: normalise(String(scalars)), encoding: encoding)
    }

    /// Line and column (1-based, in scalars) of the next scalar while decoding; CR, LF and CRLF end a line.
    private struct TextPosition {
        var line = 1
        var column = 1
        var afterCarriageReturn = false

        mutating func advance(past scalar: Unicode.Scalar) {
            if scalar == "\n" {
                if !afterCarriageReturn { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            afterCarriageReturn = scalar == "\r"
        }

        func location(in file: String) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column)
        }
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

    /// Line and column (1-based, the column in Unicode scalars of the valid UTF-8 before it) of the
    /// first byte that breaks UTF-8; CR, LF and CRLF end a line, as `normalise` reads them.
    static func firstInvalidUTF8Position(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            if length > 1 {
                guard index + length <= bytes.count,
                      String(validating: bytes[index..<index + length], as: UTF8.self) != nil
                else { return (line, column) }
            }
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte != 0x0D {
                // The CR of a CRLF is part of the line end that its LF closes.
                column += 1
            }
            index += length
        }
        return (line, column)
    }

    /// Windows-1252 code points for bytes 0x80–0x9F; the five undefined bytes map to their C1 controls.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}

extension TextDecoder {
    /// Decodes a project file that is no transcript (the codebook, a CSV table): its text, or nil with
    /// the error added to `diagnostics`, where a warning goes too when the encoding had to be inferred.
    public static func text(of bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> String? {
        do throws(TextDecodingError) {
            let decoded = try decode(bytes, file: file)
            if let warning = decoded.warning(file: file) { diagnostics.append(warning) }
            return decoded.text
        } catch {
            diagnostics.append(error)
            return nil
        }
    }
}
