import Foundation

/// Finds the elements inside a project file's `<Sources>` without building the file's tree, so that each source is
/// parsed on its own (on any core) and a project of 10,000 transcripts with hundreds of thousands of selections is
/// never held as one element tree.
///
/// It reads markup only as far as it needs to: `<` always starts markup in XML (text and attribute values cannot
/// hold it), comments, CDATA sections and processing instructions are skipped whole, and quoted attribute values
/// are skipped inside tags (they may hold `>`). The pieces are then parsed by ``SafeXML``: the file without the
/// sources' elements (its prolog, where a DOCTYPE would stand, included) and each source element. Anything it does
/// not expect — a DOCTYPE, markup that does not close — makes it give up, and the whole file is parsed as one.
enum REFIProjectScanner {
    /// The file without the contents of `<Sources>`, and the byte ranges of the elements that were there.
    struct Split {
        var skeleton: Data
        var sources: [Range<Int>]
    }

    /// - Complexity: O(n) in the bytes, with `memchr` between tags.
    static func split(_ data: Data) -> Split? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Split? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
            let count = raw.count
            let bytes = UnsafeBufferPointer(start: base, count: count)
            func find(_ pattern: [UInt8], from start: Int) -> Int? {
                var index = start
                while index + pattern.count <= count {
                    guard let found = memchr(base + index, Int32(pattern[0]), count - index) else { return nil }
                    let position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                    if position + pattern.count <= count && pattern.indices.allSatisfy({ bytes[position + $0] == pattern[$0] }) { return position }
                    index = position + 1
                }
                return nil
            }
            func isSources(_ nameStart: Int, _ nameEnd: Int) -> Bool {
                // The local name, after any prefix.
                var start = nameStart
                for index in nameStart..<nameEnd where bytes[index] == UInt8(ascii: ":") { start = index + 1 }
                return nameEnd - start == 7 && zip(start..<nameEnd, "Sources".utf8).allSatisfy { bytes[$0] == $1 }
            }
            var depth = 0
            var index = 0
            var contentStart: Int? = nil
            var contentEnd: Int? = nil
            var inSources = false
            var childStart = 0
            var sources: [Range<Int>] = []
            while index < count {
                guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
                let open = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                guard open + 1 < count else { return nil }
                switch bytes[open + 1] {
                case UInt8(ascii: "?"):
                    guard let end = find(Array("?>".utf8), from: open + 2) else { return nil }
                    index = end + 2
                case UInt8(ascii: "!"):
                    if find(Array("<!--".utf8), from: open) == open {
                        guard let end = find(Array("-->".utf8), from: open + 4) else { return nil }
                        index = end + 3
                    } else if find(Array("<![CDATA[".utf8), from: open) == open {
                        guard let end = find(Array("]]>".utf8), from: open + 9) else { return nil }
                        index = end + 3
                    } else {
                        // A DOCTYPE or another declaration: the whole file goes to SafeXML, which refuses it.
                        return nil
                    }
                case UInt8(ascii: "/"):
                    guard let close = memchr(base + open, Int32(UInt8(ascii: ">")), count - open) else { return nil }
                    let end = UnsafePointer<UInt8>(close.assumingMemoryBound(to: UInt8.self)) - base
                    depth -= 1
                    guard depth >= 0 else { return nil }
                    if inSources && depth == 2 {
                        sources.append(childStart..<end + 1)
                    } else if inSources && depth == 1 {
                        inSources = false
                        contentEnd = open
                    }
                    index = end + 1
                default:
                    // A start tag: its name, then to its `>` past quoted values.
                    var position = open + 1
                    while position < count, !Byte.isNameEnd(bytes[position]) { position += 1 }
                    let nameEnd = position
                    var quote: UInt8? = nil
                    while position < count {
                        let byte = bytes[position]
                        if let open = quote {
                            if byte == open { quote = nil }
                        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                            quote = byte
                        } else if byte == UInt8(ascii: ">") {
                            break
                        }
                        position += 1
                    }
                    guard position < count else { return nil }
                    let selfClosing = bytes[position - 1] == UInt8(ascii: "/")
                    if depth == 1 && !inSources && contentStart == nil && isSources(open + 1, nameEnd) {
                        if !selfClosing {
                            inSources = true
                            contentStart = position + 1
                        }
                    } else if inSources && depth == 2 {
                        childStart = open
                        if selfClosing { sources.append(open..<position + 1) }
                    }
                    if !selfClosing { depth += 1 }
                    index = position + 1
                }
            }
            guard depth == 0, !inSources else { return nil }
            guard let contentStart, let contentEnd else { return Split(skeleton: data, sources: []) }
            var skeleton = Data(capacity: contentStart + count - contentEnd)
            skeleton.append(base, count: contentStart)
            skeleton.append(base + contentEnd, count: count - contentEnd)
            return Split(skeleton: skeleton, sources: sources)
        }
    }

    private enum Byte {
        /// What ends an element's name in a start tag.
        static func isNameEnd(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
        }
    }
}
