import Foundation

/// A `#code-id` (or `#category/code-id`) written in a transcript.
public struct InlineTag: Sendable, Equatable {
    /// The path as written, split at `/`; the last element is the code id.
    public var path: [String]
    /// Unicode scalar offset of the `#` in the document text.
    public var offset: Int
    public var line: Int
    public var column: Int
    /// Scalars after the `#`, as written (the id and any `/`-path).
    public var length: Int = 0

    public var codeID: String { path.last ?? "" }

    /// Finds tags in a line: `#` at the line start or after white space, then a letter or digit,
    /// then letters, digits, `-`, `_`, `/`. Columns and offsets count scalars.
    /// - Complexity: O(n); lines without `#` are only scanned for it.
    static func scan(_ line: Substring, lineNumber: Int, lineOffset: Int) -> [InlineTag] {
        var tags: [InlineTag] = []
        forEachTag(in: line) { range, scalarColumn in
            var token = String(line[line.index(after: range.lowerBound)..<range.upperBound])
            // A sentence may end right after a tag: "… #agendadruk." keeps the full stop out of the id.
            while let last = token.unicodeScalars.last, last == "-" || last == "/" || last == "_" {
                token.unicodeScalars.removeLast()
            }
            let length = line.unicodeScalars[line.unicodeScalars.index(after: range.lowerBound)..<range.upperBound].count
            tags.append(InlineTag(path: token.split(separator: "/").map(String.init), offset: lineOffset + scalarColumn,
                                  line: lineNumber, column: scalarColumn + 1, length: length))
        }
        return tags
    }

    /// The line without its tags (and the space before each), as quotes show it.
    static func strip(_ line: Substring) -> String {
        var result = ""
        var cursor = line.startIndex
        forEachTag(in: line) { range, _ in
            var end = range.lowerBound
            let utf8 = line.utf8
            if end > cursor, let before = utf8.index(end, offsetBy: -1, limitedBy: cursor), utf8[before] == 0x20 || utf8[before] == 0x09 {
                end = before
            }
            result += line[cursor..<end]
            cursor = range.upperBound
        }
        result += line[cursor...]
        return result
    }

    /// Calls `body` with the range of each tag (from `#` to the end of its id) and the tag's 0-based scalar column.
    private static func forEachTag(in line: Substring, _ body: (Range<Substring.Index>, Int) -> Void) {
        guard line.containsByte(UInt8(ascii: "#")) else { return }
        // Byte positions of the `#`s that follow white space (or start the line), found with memchr.
        let utf8 = line.utf8
        let candidates: [Int] = utf8.withContiguousStorageIfAvailable { bytes -> [Int] in
            guard let base = bytes.baseAddress else { return [] }
            var found: [Int] = []
            var from = 0
            while from < bytes.count, let hit = memchr(base + from, 0x23, bytes.count - from) {
                let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if position == 0 || bytes[position - 1] == 0x20 || bytes[position - 1] == 0x09 { found.append(position) }
                from = position + 1
            }
            return found
        } ?? utf8.indices.enumerated().compactMap { offset, index in
            utf8[index] == 0x23 && (offset == 0 || [0x20, 0x09].contains(utf8[utf8.index(before: index)])) ? offset : nil
        }
        let scalars = line.unicodeScalars
        var column = 0
        var counted = utf8.startIndex
        var skipUntil = utf8.startIndex
        for offset in candidates {
            let index = utf8.index(utf8.startIndex, offsetBy: offset)
            guard index >= skipUntil else { continue }
            let next = scalars.index(after: index)
            guard next != scalars.endIndex, isIDStart(scalars[next]) else { continue }
            var end = next
            while end != scalars.endIndex, isIDCharacter(scalars[end]) { scalars.formIndex(after: &end) }
            // Columns count scalars: the non-continuation bytes since the last counted place.
            for byte in utf8[counted..<index] where byte & 0xC0 != 0x80 { column += 1 }
            body(index..<end, column)
            counted = index
            skipUntil = end
        }
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
