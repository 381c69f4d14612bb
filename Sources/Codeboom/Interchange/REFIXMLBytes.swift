/// XML written straight into UTF-8 bytes, for the large parts of a REFI-QDA project file: a project of
/// hundreds of thousands of selections is hundreds of megabytes of XML, and building it from interpolated
/// strings cost more than compressing it. The bytes are those the same text as a `String` would have.
struct REFIXMLBytes {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    /// Markup or text that needs no escaping.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup or text that needs no escaping (already escaped, a GUID).
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// `text` escaped as an attribute value (``REFIXMLText/attribute(_:)``).
    mutating func appendAttribute(_ text: String) {
        append(REFIXMLText.attribute(text))
    }

    /// `text` escaped as element content (``REFIXMLText/content(_:)``).
    mutating func appendContent(_ text: String) {
        append(REFIXMLText.content(text))
    }

    /// `number` in decimal digits, as `"\(number)"` writes it.
    mutating func append(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// The GUID of selection `number` of a document, or of its coding or note, as ``REFIGUID/part(_:of:number:)``
    /// writes it, without making the string.
    mutating func appendGUID(_ part: REFIGUID.Part, of sourceBytes: [UInt8], number: Int) {
        var uuid: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &uuid) { raw in
            for index in 0..<10 { raw[index] = sourceBytes[index] }
            raw[10] = part.rawValue
            for index in 0..<5 { raw[15 - index] = UInt8(truncatingIfNeeded: number >> (8 * index)) }
            appendGUID(UnsafeRawBufferPointer(raw))
        }
    }

    /// 16 bytes as `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lower case, as ``REFIGUID/format(_:)``.
    mutating func appendGUID(_ uuid: UnsafeRawBufferPointer) {
        let hex: StaticString = "0123456789abcdef"
        hex.withUTF8Buffer { digits in
            bytes.reserveCapacity(bytes.count + 36)
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(UInt8(ascii: "-")) }
                let byte = uuid[index]
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}
