import Foundation

/// CSV records read one at a time from UTF-8 bytes, without a string per field: what `CSVTable`
/// is made of, and what a codings file of hundreds of thousands of rows is read with.
///
/// RFC 4180: quoted fields, doubled quotes, line breaks inside quotes. A quote opens a quoted field
/// only where the field holds nothing but spaces so far; CR before LF is dropped outside quotes;
/// a record that is one blank field (an empty line) is skipped.
struct CSVRecords {
    /// The fields of one record: each field's bytes as written, quotes undone. Valid only while
    /// the record is handed on.
    struct Fields {
        /// The bytes the fields are ranges of: the input, or for a record with quotes, a copy with the quotes undone.
        fileprivate let storage: UnsafeBufferPointer<UInt8>
        fileprivate let ranges: UnsafeBufferPointer<Range<Int>>

        var count: Int { ranges.count }

        /// The bytes of field `index`, as written (untrimmed).
        func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: storage[ranges[index]])
        }

        /// The bytes of field `index` without leading and trailing spaces, tabs and line breaks.
        func trimmedBytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
            let field = bytes(at: index)
            var start = 0, end = field.count
            while start < end, Self.isSpace(field[start]) { start += 1 }
            while end > start, Self.isSpace(field[end - 1]) { end -= 1 }
            return UnsafeBufferPointer(rebasing: field[start..<end])
        }

        /// The trimmed value of a field, or nil when the field is absent or empty (``CSVTable/Row``'s rule).
        func value(at index: Int?) -> String? {
            guard let index, index < count else { return nil }
            let trimmed = trimmedBytes(at: index)
            return trimmed.isEmpty ? nil : String(decoding: trimmed, as: UTF8.self)
        }

        /// The trimmed value of a field as a whole number (decimal digits, an optional sign first),
        /// read without making a string; nil when it is absent, empty, or not such a number.
        func integer(at index: Int?) -> Int? {
            guard let index, index < count else { return nil }
            return CSVRecords.integer(trimmedBytes(at: index))
        }

        /// Whether a field is absent or holds only white space.
        func isEmpty(at index: Int?) -> Bool {
            guard let index, index < count else { return true }
            return trimmedBytes(at: index).isEmpty
        }

        private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    }

    /// `,`, or `;` when the first line holds a `;` and no `,` (as Dutch Excel writes CSV).
    static func separator(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let firstLineEnd = bytes.firstIndex(of: 0x0A) ?? bytes.count
        let firstLine = bytes[..<firstLineEnd]
        return firstLine.contains(0x2C) || !firstLine.contains(0x3B) ? 0x2C : 0x3B
    }

    /// Hands each record, with the 1-based line it starts on, to `body`, in order.
    /// - Complexity: O(n), one pass over the bytes. A line without quotes (nearly every line) is
    ///   split where it lies, its fields never copied; the buffers are reused from record to record.
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ line: Int, _ fields: Fields) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let separator = separator(of: bytes)
        var ranges: [Range<Int>] = []
        var storage: [UInt8] = []
        var line = 1
        var index = 0
        func hand(_ storage: UnsafeBufferPointer<UInt8>, line: Int) {
            ranges.withUnsafeBufferPointer { ranges in
                let fields = Fields(storage: storage, ranges: ranges)
                if !(fields.count == 1 && fields.trimmedBytes(at: 0).isEmpty) { body(line, fields) }
            }
            ranges.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let lineEnd = memchr(base + index, 0x0A, bytes.count - index).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            if memchr(base + index, 0x22, lineEnd - index) == nil {
                // No quote: the record is this line, CR before its LF dropped.
                let recordEnd = lineEnd < bytes.count && lineEnd > index && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
                var fieldStart = index
                while let found = memchr(base + fieldStart, Int32(separator), recordEnd - fieldStart) {
                    let position = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    ranges.append(fieldStart..<position)
                    fieldStart = position + 1
                }
                ranges.append(fieldStart..<recordEnd)
                hand(bytes, line: line)
                line += 1
                index = lineEnd + 1
                continue
            }
            // A record with quotes, read byte by byte into `storage` (it may run over several lines).
            let recordLine = line
            storage.removeAll(keepingCapacity: true)
            var fieldStart = 0
            var fieldIsBlank = true
            var inQuotes = false
            var ended = false
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if inQuotes {
                    if byte == 0x22 {
                        if index < bytes.count && bytes[index] == 0x22 { storage.append(0x22); index += 1 } else { inQuotes = false }
                    } else {
                        if byte == 0x0A { line += 1 }
                        storage.append(byte)
                    }
                } else if byte == 0x22 && fieldIsBlank {
                    storage.removeSubrange(fieldStart...)
                    inQuotes = true
                    fieldIsBlank = false
                } else if byte == separator {
                    ranges.append(fieldStart..<storage.count)
                    fieldStart = storage.count
                    fieldIsBlank = true
                } else if byte == 0x0A {
                    line += 1
                    ended = true
                    break
                } else if byte == 0x0D && index < bytes.count && bytes[index] == 0x0A {
                    continue
                } else {
                    if byte != 0x20 && byte != 0x09 { fieldIsBlank = false }
                    storage.append(byte)
                }
            }
            // At the end of the input, a record that holds nothing (an opened quote and no more) is none.
            guard ended || storage.count > fieldStart || !ranges.isEmpty else { break }
            ranges.append(fieldStart..<storage.count)
            storage.withUnsafeBufferPointer { hand($0, line: recordLine) }
        }
    }

    /// Decimal digits with an optional `+` or `-`, as `Int(_:)` reads them; nil otherwise or on overflow.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(Int(digit)) : times.addingReportingOverflow(Int(digit))
            guard !overflow, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return value
    }
}
