import Foundation

/// Finds the elements inside a project file's `<Sources>`, `<Cases>` and `<Notes>` without building the file's tree,
/// so that each is parsed on its own (sources on any core) and a project of 10,000 transcripts with hundreds of
/// thousands of selections, case references and notes is never held as one element tree — nor, fed piece by piece
/// as the file is inflated, as one piece of text.
///
/// It reads markup only as far as it needs to: `<` always starts markup in XML (text and attribute values cannot
/// hold it), comments, CDATA sections and processing instructions are skipped whole, and quoted attribute values
/// are skipped inside tags (they may hold `>`). The pieces are then parsed by ``SafeXML``: the file without the
/// split elements (its prolog, where a DOCTYPE would stand, included) and each split element. Anything it does
/// not expect — a DOCTYPE, markup that does not close — makes it give up, and the whole file is parsed as one.
struct REFIProjectScanner {
    /// The containers whose children are split off.
    enum Container: Int, CaseIterable {
        case sources, cases, notes

        /// The local name of the container's element.
        var name: String {
            switch self {
            case .sources: "Sources"
            case .cases: "Cases"
            case .notes: "Notes"
            }
        }
    }

    /// The file without the contents of the containers, and the byte ranges of the elements that were there.
    struct Split {
        var skeleton: Data
        var sources: [Range<Int>]
        var cases: [Range<Int>] = []
        var notes: [Range<Int>] = []
    }

    /// The whole file at once: its skeleton and the ranges of the split elements, or nil when the scanner gives up.
    /// - Complexity: O(n) in the bytes, with `memchr` between tags.
    static func split(_ data: Data) -> Split? {
        var scanner = REFIProjectScanner()
        var ranges: [[Range<Int>]] = Array(repeating: [], count: Container.allCases.count)
        let handle = { (container: Container, element: Data, offset: Int) in
            ranges[container.rawValue].append(offset..<offset + element.count)
        }
        data.withUnsafeBytes { scanner.feed($0.bindMemory(to: UInt8.self), element: handle) }
        guard let skeleton = scanner.finish(element: handle) else { return nil }
        return Split(skeleton: skeleton, sources: ranges[0], cases: ranges[1], notes: ranges[2])
    }

    // MARK: - Piece by piece

    /// The bytes not yet dealt with; `pendingStart` is where they start in the file.
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// Where scanning goes on, in `pending`.
    private var index = 0
    /// A construct that did not close is tried again only once the bytes from its start have doubled, so a long
    /// one (a comment, a CDATA section) is not scanned again for every piece: linear time in all.
    private var retryAt = 0
    private var depth = 0
    private var seen: Set<Container> = []
    /// The container being read, if any.
    private var current: Container? = nil
    /// Where the child element being read starts, in the file.
    private var childStart = 0
    /// The file without the containers' contents, as far as it is known, and how far into the file that is.
    private var skeleton = Data()
    private var skeletonEnd = 0
    private var gaveUp = false

    /// Reads the next piece of the file; `element` gets each child element of a container as soon as it is
    /// complete, with the container, its bytes and where it starts in the file. Does nothing once given up.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, element: (Container, Data, Int) -> Void) {
        guard !gaveUp else { return }
        pending.append(contentsOf: bytes)
        guard pendingStart + pending.count >= retryAt else { return }
        guard scan(isFinal: false, element: element) else {
            gaveUp = true
            pending = []
            return
        }
        compact()
    }

    /// The end of the file: the skeleton, or nil when the scanner gave up (markup it does not expect, or that
    /// does not close).
    mutating func finish(element: (Container, Data, Int) -> Void) -> Data? {
        guard !gaveUp, scan(isFinal: true, element: element), index == pending.count, depth == 0, current == nil else {
            gaveUp = true
            return nil
        }
        skeleton.append(contentsOf: pending[(skeletonEnd - pendingStart)...])
        return skeleton
    }

    /// Drops the bytes no longer needed — once they are at least half of what is held, so that a long element
    /// is not copied again for every piece.
    private mutating func compact() {
        var keep = pendingStart + index
        if current != nil {
            // Inside a child element: its bytes from its start tag on.
            if depth > 2 { keep = min(keep, childStart) }
        } else {
            skeleton.append(contentsOf: pending[(skeletonEnd - pendingStart)..<index])
            skeletonEnd = pendingStart + index
        }
        let drop = keep - pendingStart
        guard drop > 0, drop >= pending.count / 2 else { return }
        pending.removeFirst(drop)
        pendingStart = keep
        index -= drop
    }

    /// Scans from `index` as far as the held bytes allow; false when giving up. Before the end of the file, a
    /// construct that does not close yet stops the scan at its start, to be read again with more bytes.
    private mutating func scan(isFinal: Bool, element: (Container, Data, Int) -> Void) -> Bool {
        let held = pending
        let count = held.count
        return held.withUnsafeBufferPointer { bytes -> Bool in
            guard let base = bytes.baseAddress else { return true }
            func find(_ pattern: StaticString, from start: Int) -> Int? {
                let pattern = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
                var position = start
                while position + pattern.count <= count {
                    guard let found = memchr(base + position, Int32(pattern[0]), count - position) else { return nil }
                    let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                    if at + pattern.count <= count && pattern.indices.allSatisfy({ bytes[at + $0] == pattern[$0] }) { return at }
                    position = at + 1
                }
                return nil
            }
            func starts(_ pattern: StaticString, at start: Int) -> Bool {
                let length = pattern.utf8CodeUnitCount
                return start + length <= count && memcmp(base + start, pattern.utf8Start, length) == 0
            }
            /// Which container a start tag's local name (after any prefix) is, if any.
            func container(_ nameStart: Int, _ nameEnd: Int) -> Container? {
                var start = nameStart
                for index in nameStart..<nameEnd where bytes[index] == UInt8(ascii: ":") { start = index + 1 }
                return Container.allCases.first { item in
                    nameEnd - start == item.name.utf8.count && zip(start..<nameEnd, item.name.utf8).allSatisfy { bytes[$0] == $1 }
                }
            }
            /// The construct at `open` does not close within the bytes held: wait for more, or give up at the end.
            func incomplete(_ open: Int) -> Bool {
                index = open
                retryAt = pendingStart + open + 2 * (count - open)
                return !isFinal
            }
            func emit(_ container: Container, _ start: Int, _ end: Int) {
                element(container, Data(bytes: base + (start - pendingStart), count: end - start), start)
            }
            while index < count {
                guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else {
                    index = count
                    break
                }
                let open = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                guard open + 1 < count else { return incomplete(open) }
                switch bytes[open + 1] {
                case UInt8(ascii: "?"):
                    guard let end = find("?>", from: open + 2) else { return incomplete(open) }
                    index = end + 2
                case UInt8(ascii: "!"):
                    // Enough bytes to tell a comment and a CDATA section from a declaration.
                    if !isFinal && count - open < 9 { return incomplete(open) }
                    if starts("<!--", at: open) {
                        guard let end = find("-->", from: open + 4) else { return incomplete(open) }
                        index = end + 3
                    } else if starts("<![CDATA[", at: open) {
                        guard let end = find("]]>", from: open + 9) else { return incomplete(open) }
                        index = end + 3
                    } else {
                        // A DOCTYPE or another declaration: the whole file goes to SafeXML, which refuses it.
                        return false
                    }
                case UInt8(ascii: "/"):
                    guard let close = memchr(base + open, Int32(UInt8(ascii: ">")), count - open) else { return incomplete(open) }
                    let end = UnsafePointer<UInt8>(close.assumingMemoryBound(to: UInt8.self)) - base
                    depth -= 1
                    guard depth >= 0 else { return false }
                    if let container = current, depth == 2 {
                        emit(container, childStart, pendingStart + end + 1)
                    } else if current != nil && depth == 1 {
                        current = nil
                        skeletonEnd = pendingStart + open
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
                    guard position < count else { return incomplete(open) }
                    let selfClosing = bytes[position - 1] == UInt8(ascii: "/")
                    if depth == 1, current == nil, let container = container(open + 1, nameEnd), seen.insert(container).inserted {
                        if !selfClosing {
                            current = container
                            // The skeleton keeps the start tag; the contents are cut out.
                            skeleton.append(base + (skeletonEnd - pendingStart), count: position + 1 - (skeletonEnd - pendingStart))
                            skeletonEnd = pendingStart + position + 1
                        }
                    } else if let container = current, depth == 2 {
                        childStart = pendingStart + open
                        if selfClosing { emit(container, childStart, pendingStart + position + 1) }
                    }
                    if !selfClosing { depth += 1 }
                    index = position + 1
                }
            }
            return true
        }
    }

    private enum Byte {
        /// What ends an element's name in a start tag.
        static func isNameEnd(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
        }
    }
}
