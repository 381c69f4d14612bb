import Foundation

/// A `#code-id` (or `#category/code-id`) written in a transcript.
public struct InlineTag: Sendable, Equatable {
    /// The path as written, split at `/`; the last element is the code id.
    public var path: [String]
    /// Unicode scalar offset of the `#` in the document text.
    public var offset: Int
    /// The line of the `#`, from 1.
    public var line: Int
    /// The column of the `#`, from 1, in Unicode scalars.
    public var column: Int
    /// Scalars after the `#`, as written (the id and any `/`-path).
    public var length: Int = 0
    /// UTF-8 offset of the `#` in the document text.
    public var byteOffset: Int = 0

    /// The code id: the last part of the path.
    public var codeID: String { path.last ?? "" }

    /// Whether a digit follows the `#` (`vraag #1`, `#2e`): such a word is text unless it is exactly a code
    /// (``isNumberTag(_:)`` for a word).
    public var startsWithDigit: Bool {
        guard let first = path.first?.utf8.first else { return false }
        return (0x30...0x39).contains(first)
    }

    /// Finds tag candidates in a line: `#` at the line start or after a character that does not join
    /// words (see ``canFollow(_:)``), outside a web address, then a letter or digit, then letters,
    /// digits, `-`, `_`, `/`; punctuation after it (`#klik)`, `#klik.`) is not part of it. Columns and offsets count scalars; `lineByteOffset` is
    /// where the line's bytes start in the text. Which candidates are codings and which are text is
    /// decided once the codebook is known (`InlineTagResolver`).
    /// - Complexity: O(n); lines without `#` are only scanned for it, with memchr.
    static func scan(bytes line: UnsafeBufferPointer<UInt8>, lineNumber: Int, lineOffset: Int, lineByteOffset: Int) -> [InlineTag] {
        locate(in: line).map { start, end, column in
            var tokenEnd = end
            // A sentence may end right after a tag: "… #agendadruk." keeps the full stop out of the id.
            while tokenEnd > start + 1, line[tokenEnd - 1] == 0x2D || line[tokenEnd - 1] == 0x2F || line[tokenEnd - 1] == 0x5F {
                tokenEnd -= 1
            }
            // The path's parts between `/`s, split on the bytes (empty parts dropped).
            var path: [String] = []
            var partStart = start + 1
            for index in (start + 1)...tokenEnd where index == tokenEnd || line[index] == 0x2F {
                if index > partStart { path.append(UnsafeBufferPointer(rebasing: line[partStart..<index]).string) }
                partStart = index + 1
            }
            let length = UTF8Counting.scalars(in: UnsafeBufferPointer(rebasing: line[(start + 1)..<end]))
            return InlineTag(path: path, offset: lineOffset + column, line: lineNumber, column: column + 1, length: length,
                             byteOffset: lineByteOffset + start)
        }
    }

    /// The line without its tags (and the space before each), as quotes show it. `keeping` holds
    /// the UTF-8 offsets, ascending, in the whole text the line is a view into, of `#words` that are text.
    static func strip(_ line: Substring, keeping: [Int] = []) -> String {
        var result = ""
        var cursor = line.startIndex
        let utf8 = line.utf8
        forEachTag(in: line) { range, _ in
            if !keeping.isEmpty, keeping.containsSorted(line.base.utf8.distance(from: line.base.startIndex, to: range.lowerBound)) { return }
            var end = range.lowerBound
            var upper = range.upperBound
            // A tag in brackets of its own, `goed (#klik) en`, takes its brackets along.
            if end > cursor, let before = utf8.index(end, offsetBy: -1, limitedBy: cursor), utf8[before] == 0x28,
               upper < utf8.endIndex, utf8[upper] == 0x29 {
                end = before
                upper = utf8.index(after: upper)
            }
            if end > cursor, let before = utf8.index(end, offsetBy: -1, limitedBy: cursor), utf8[before] == 0x20 || utf8[before] == 0x09 {
                end = before
            }
            result += line[cursor..<end]
            cursor = upper
        }
        result += line[cursor...]
        return result
    }

    /// Calls `body` with the range of each tag (from `#` to the end of its id) and the tag's 0-based scalar column.
    private static func forEachTag(in line: Substring, _ body: (Range<Substring.Index>, Int) -> Void) {
        guard line.containsByte(UInt8(ascii: "#")) else { return }
        let utf8 = line.utf8
        // Native strings are contiguous; any other is looked at as a copy of its bytes, at the same offsets.
        let found = utf8.withContiguousStorageIfAvailable { locate(in: $0) } ?? Array(utf8).withUnsafeBufferPointer { locate(in: $0) }
        for (start, end, column) in found {
            body(utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end), column)
        }
    }

    /// (byte start, byte end, scalar column) of each tag in a line's contiguous bytes.
    private static func locate(in bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int, column: Int)] {
        guard let base = bytes.baseAddress else { return [] }
        var tags: [(start: Int, end: Int, column: Int)] = []
        var column = 0, counted = 0, from = 0
        // The word (run of non-white space) the latest `#` stands in: where it starts, and whether it is
        // a web address so far (`https://…`, `www.…`). Found by looking back from the `#` to the word's
        // start, never past what was looked at before, so each byte is looked at most twice.
        var wordStart = 0, looked = 0, isAddress = false
        while from < bytes.count, let hit = memchr(base + from, 0x23, bytes.count - from) {
            let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            from = position + 1
            var back = position
            while back > looked, bytes[back - 1] != 0x20, bytes[back - 1] != 0x09 { back -= 1 }
            var index = looked
            if back == 0 || bytes[back - 1] == 0x20 || bytes[back - 1] == 0x09 {
                wordStart = back
                isAddress = false
                index = back
            }
            while index < position, !isAddress {
                let byte = bytes[index]
                isAddress = (byte == 0x2F && index >= wordStart + 2 && bytes[index - 1] == 0x2F && bytes[index - 2] == 0x3A)
                    || (index == wordStart + 3 && bytes[wordStart] | 0x20 == 0x77 && bytes[wordStart + 1] | 0x20 == 0x77
                        && bytes[wordStart + 2] | 0x20 == 0x77 && byte == 0x2E)
                index += 1
            }
            looked = position
            guard !isAddress, position == 0 || canFollow(previousScalar(in: bytes, before: position)) else { continue }
            guard let first = scalar(in: bytes, at: position + 1), isIDStart(first.scalar) else { continue }
            var end = position + 1 + first.width
            while let next = scalar(in: bytes, at: end), isIDCharacter(next.scalar) { end += next.width }
            // Columns count scalars: the bytes that are not UTF-8 continuation bytes.
            column += UTF8Counting.scalars(in: UnsafeBufferPointer(rebasing: bytes[counted..<position]))
            counted = position
            tags.append((position, end, column))
            from = end
        }
        return tags
    }

    /// The scalar that ends right before `position` (> 0); a stray byte reads as U+FFFD.
    private static func previousScalar(in bytes: UnsafeBufferPointer<UInt8>, before position: Int) -> Unicode.Scalar {
        if bytes[position - 1] < 0x80 { return Unicode.Scalar(bytes[position - 1]) }
        var start = position - 1
        while start > 0, position - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(in: bytes, at: start)?.scalar ?? "\u{FFFD}"
    }

    /// Whether a tag may start right after `scalar`: after anything that does not join words. Letters
    /// (with their marks) and digits do (`C#`, `stap2#b`), and so do the characters that join the
    /// parts of an address or a name (`/#anker`, `&#38;`, `##`, `@`, `_`, `=`, `\\`); white space,
    /// brackets, quotes and punctuation do not (`(#klik)`, `tijd.#agendadruk`, `"#klik"`).
    static func canFollow(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = UInt8(scalar.value)
            if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value | 0x20) { return false }
            return !"/#&@_=\\".utf8.contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return false
        default:
            return true
        }
    }

    /// The scalar whose UTF-8 starts at `position`, with its width in bytes; nil at the end or on a stray byte.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (scalar: Unicode.Scalar, width: Int)? {
        guard position < bytes.count else { return nil }
        let lead = bytes[position]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var iterator = UnsafeBufferPointer(rebasing: bytes[position...]).makeIterator()
        var decoder = Unicode.UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, UTF8.width(scalar))
    }

    /// Whether a whole word (white space around it) is written as a tag: `#`, then a letter or
    /// digit, as ``scan(bytes:lineNumber:lineOffset:lineByteOffset:)`` reads tags in a transcript.
    /// The one rule comments and search context use too; whether a tag is a coding or text is
    /// ``InlineTagResolver``'s to decide, once the codebook is known.
    static func isWrittenAsTag(_ word: Substring) -> Bool {
        let scalars = word.unicodeScalars
        guard scalars.first == "#", let first = scalars.dropFirst().first else { return false }
        return isIDStart(first)
    }

    /// Whether a word written as a tag starts with a digit (`#1`, `#2e`): text unless it is exactly a code id.
    static func isNumberTag(_ word: Substring) -> Bool {
        guard isWrittenAsTag(word), let first = word.unicodeScalars.dropFirst().first else { return false }
        return ("0"..."9").contains(first)
    }

    private static func isIDStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (0x61...0x7A).contains(value) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic
    }

    private static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isIDStart(scalar) || scalar == "-" || scalar == "_" || scalar == "/"
    }
}

extension Array<Int> {
    /// Whether the ascending array holds `value`, by binary search.
    fileprivate func containsSorted(_ value: Int) -> Bool {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value
    }
}
