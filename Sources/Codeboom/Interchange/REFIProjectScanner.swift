import Foundation

/// Finds the elements inside a project file's `<Sources>`, `<Cases>` and `<Notes>` without building the file's tree,
/// so that each is parsed on its own (sources on any core) and a project of 10,000 transcripts with hundreds of
/// thousands of selections, case references and notes is never held as one element tree.
///
/// It reads markup only as far as it needs to: `<` always starts markup in XML (text and attribute values cannot
/// hold it), comments, CDATA sections and processing instructions are skipped whole, and quoted attribute values
/// are skipped inside tags (they may hold `>`). The pieces are then parsed by ``SafeXML``: the file without the
/// split elements (its prolog, where a DOCTYPE would stand, included) and each split element. Anything it does
/// not expect — a DOCTYPE, markup that does not close — makes it give up, and the whole file is parsed as one.
enum REFIProjectScanner {
    /// The containers whose children are split off, by local name.
    static let containers = ["Sources", "Cases", "Notes"]

    /// The file without the contents of the containers, and the byte ranges of the elements that were there.
    struct Split {
        var skeleton: Data
        var sources: [Range<Int>]
        var cases: [Range<Int>] = []
        var notes: [Range<Int>] = []
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
            /// Which container a start tag's local name (after any prefix) is, if any.
            func container(_ nameStart: Int, _ nameEnd: Int) -> Int? {
                var start = nameStart
                for index in nameStart..<nameEnd where bytes[index] == UInt8(ascii: ":") { start = index + 1 }
                return containers.firstIndex { name in nameEnd - start == name.utf8.count && zip(start..<nameEnd, name.utf8).allSatisfy { bytes[$0] == $1 } }
            }
            var depth = 0
            var index = 0
            /// The contents cut out, in file order: where each starts and ends.
            var cuts: [Range<Int>] = []
            var contentStart = 0
            var seen: Set<Int> = []
            /// The container being read, if any.
            var current: Int? = nil
            var childStart = 0
            var children: [[Range<Int>]] = Array(repeating: [], count: containers.count)
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
                    if let container = current, depth == 2 {
                        children[container].append(childStart..<end + 1)
                    } else if current != nil && depth == 1 {
                        current = nil
                        cuts.append(contentStart..<open)
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
                    if depth == 1, current == nil, let container = container(open + 1, nameEnd), seen.insert(container).inserted {
                        if !selfClosing {
                            current = container
                            contentStart = position + 1
                        }
                    } else if let container = current, depth == 2 {
                        childStart = open
                        if selfClosing { children[container].append(open..<position + 1) }
                    }
                    if !selfClosing { depth += 1 }
                    index = position + 1
                }
            }
            guard depth == 0, current == nil else { return nil }
            var skeleton = Data()
            var kept = 0
            for cut in cuts {
                skeleton.append(base + kept, count: cut.lowerBound - kept)
                kept = cut.upperBound
            }
            skeleton.append(base + kept, count: count - kept)
            return Split(skeleton: skeleton, sources: children[0], cases: children[1], notes: children[2])
        }
    }

    private enum Byte {
        /// What ends an element's name in a start tag.
        static func isNameEnd(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
        }
    }
}
