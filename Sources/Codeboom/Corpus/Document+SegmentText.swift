import Foundation

extension Document {
    /// What was said in a segment, without label and inline tags; lines trimmed, runs of blank lines
    /// kept as one. Made on demand, so a document holds its text once.
    public func text(of segment: Segment) -> String {
        let content = words(of: segment)
        var lines: [String] = []
        var pendingBlank = false
        // Lines are found on the UTF-8 bytes: splitting by characters is slow on long turns.
        let utf8 = content.utf8
        var contentLines: [Substring] = []
        var lineStart = utf8.startIndex
        while let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) {
            contentLines.append(content[lineStart..<lineEnd])
            lineStart = utf8.index(after: lineEnd)
        }
        contentLines.append(content[lineStart...])
        for line in contentLines {
            let stripped = InlineTag.strip(line, keeping: segment.textTagByteOffsets).trimmingSpaces
            if stripped.isEmpty {
                pendingBlank = !lines.isEmpty
                continue
            }
            if pendingBlank { lines.append("") }
            pendingBlank = false
            lines.append(stripped)
        }
        return lines.joined(separator: "\n")
    }

    /// The words after a segment's label as written, tags included: a view into the text.
    public func words(of segment: Segment) -> Substring {
        let utf8 = text.utf8
        let bounds = min(segment.contentBytes.lowerBound, utf8.count)..<min(segment.contentBytes.upperBound, utf8.count)
        return text[utf8.index(utf8.startIndex, offsetBy: bounds.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bounds.upperBound)]
    }

    /// How many characters a segment's words take as a quote prints them: `text(of:)` with white
    /// space collapsed (``String/collapsingWhitespace``), before any cut or pseudonym.
    ///
    /// Text whose characters are all below U+0300 — Latin letters with their precomposed accents,
    /// what nearly every Dutch transcript holds — is counted on the bytes, one character per
    /// scalar, without making a string; other text is counted the long way, so both always agree.
    /// - Complexity: O(n) in the segment's bytes.
    public func printedLength(of segment: Segment) -> Int {
        printedLength(of: segment, upTo: .max)
    }

    /// `printedLength(of:)`, but counting stops at `limit`: the smaller of the two. Enough to tell
    /// whether a turn is long enough to quote, and it reads only the first `limit` characters.
    ///
    /// Stopping early gives the same answer: each character counted on the bytes is a scalar below
    /// U+0300, its own character, so what follows can only add to the count, never merge two of them.
    /// - Complexity: O(n) in the bytes of the first `limit` characters printed.
    public func printedLength(of segment: Segment, upTo limit: Int) -> Int {
        var text = self.text
        let counted = text.withUTF8 { bytes in
            Self.printedLength(of: segment, in: bytes, tagRanges: tagRanges, limit: limit)
        }
        return counted ?? min(self.text(of: segment).collapsingWhitespace.count, limit)
    }

    /// The byte count behind `printedLength(of:upTo:)`, or nil when the words hold a scalar from U+0300
    /// on (a combining mark, or any script whose characters may be several scalars) before `limit` is reached.
    private static func printedLength(of segment: Segment, in bytes: UnsafeBufferPointer<UInt8>, tagRanges: [Range<Int>], limit: Int) -> Int? {
        let range = segment.contentBytes
        guard range.upperBound <= bytes.count else { return nil }
        // Inline tags that are codings, in order, by scalar offset; `#words` that are text are not among them.
        var tag = Self.firstTag(endingAfter: segment.contentStart, in: tagRanges)
        // Where the next tag starts, kept at hand: every byte is compared with it.
        var nextTag = tag < tagRanges.count ? tagRanges[tag].lowerBound : Int.max
        var count = 0
        // White space seen since the last character printed, and whether the byte before is a
        // space or tab on the same line (which the tag after it takes along when it is stripped).
        var pendingWhiteSpace = 0
        var scalar = segment.contentStart
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if nextTag == scalar, byte == UInt8(ascii: "#") {
                // A tag goes with one space or tab right before it on its line.
                if index > range.lowerBound, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09, pendingWhiteSpace > 0 {
                    pendingWhiteSpace -= 1
                }
                let tagEnd = tagRanges[tag].upperBound
                while scalar < tagEnd, index < range.upperBound {
                    index += 1
                    while index < range.upperBound, bytes[index] & 0xC0 == 0x80 { index += 1 }
                    scalar += 1
                }
                tag += 1
                nextTag = tag < tagRanges.count ? tagRanges[tag].lowerBound : Int.max
                continue
            }
            if byte >= 0xCC { return nil }
            let isWhiteSpace: Bool
            var width = 1
            if byte < 0x80 {
                isWhiteSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
            } else {
                // Two bytes (lead C2–CB): U+0085 and U+00A0 are the white space among them.
                width = 2
                isWhiteSpace = byte == 0xC2 && index + 1 < range.upperBound && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0)
            }
            if isWhiteSpace {
                pendingWhiteSpace += 1
            } else {
                if pendingWhiteSpace > 0 && count > 0 { count += 1 }
                pendingWhiteSpace = 0
                count += 1
                if count >= limit { return limit }
            }
            index += width
            scalar += 1
        }
        return count
    }

    /// The first tag range that ends after `offset`, by binary search.
    private static func firstTag(endingAfter offset: Int, in ranges: [Range<Int>]) -> Int {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
