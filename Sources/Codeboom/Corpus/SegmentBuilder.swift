import Foundation

/// Accumulates a document's lines into segments, with the inline tags in them.
///
/// Works on the text's UTF-8 bytes and line bounds; a segment keeps the byte range of its words,
/// so no line is ever made a string of its own. Tags are looked
/// for once per segment, with memchr, and line by line only in segments that hold a `#`.
struct SegmentBuilder {
    private(set) var segments: [Segment] = []
    private(set) var tags: [(segment: Int, tag: InlineTag)] = []
    private var current: Open?
    /// The document's bytes and lines.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let lines: [LineTable.Line]

    /// The segment being built: scalar offsets, the UTF-8 range of its content, and its lines.
    private struct Open {
        var start: Int
        var contentStart: Int
        var end: Int
        var label: String?
        var contentByteStart: Int
        var contentByteEnd: Int
        /// Positions in `lines` of the first and last line, and where the words start in the first.
        var firstLine: Int
        var lastLine: Int
        var textOffset: Int
        var textByteOffset: Int
    }

    /// `bytes` must be the text's UTF-8, valid while the builder is used, and `lines` its line table.
    init(bytes: UnsafeBufferPointer<UInt8>, lines: [LineTable.Line]) {
        self.bytes = bytes
        self.lines = lines
    }

    var isOpen: Bool { current != nil }
    var isOpenTurn: Bool { current?.label != nil }

    /// Starts a segment at `line`; its words start `textOffset` scalars (`textByteOffset` bytes) in, after any label.
    mutating func begin(line: LineTable.Line, label: String?, textOffset: Int, textByteOffset: Int) {
        let contentStart = line.byteStart + textByteOffset
        current = Open(start: line.offset, contentStart: line.offset + textOffset, end: line.offset + line.scalarCount,
                       label: label, contentByteStart: contentStart, contentByteEnd: line.byteEnd,
                       firstLine: line.number - 1, lastLine: line.number - 1, textOffset: textOffset, textByteOffset: textByteOffset)
    }

    mutating func append(line: LineTable.Line) {
        current?.contentByteEnd = line.byteEnd
        current?.end = line.offset + line.scalarCount
        current?.lastLine = line.number - 1
    }

    mutating func finish() {
        guard let open = current else { return }
        current = nil
        let number = segments.count + 1
        if let base = bytes.baseAddress, memchr(base + open.contentByteStart, 0x23, open.contentByteEnd - open.contentByteStart) != nil {
            for position in open.firstLine...open.lastLine {
                let isFirst = position == open.firstLine
                let line = lines[position]
                let column = isFirst ? open.textOffset : 0
                let from = isFirst ? open.textByteOffset : 0
                for var tag in InlineTag.scan(bytes: bytes.bytes(of: line, from: from),
                                              lineNumber: line.number, lineOffset: line.offset + column, lineByteOffset: line.byteStart + from) {
                    tag.column += column
                    tags.append((number, tag))
                }
            }
        }
        // Lines of one segment are contiguous, so one range of the text covers them.
        segments.append(Segment(number: number, start: open.start, contentStart: open.contentStart, end: open.end,
                                line: open.firstLine + 1, label: open.label, contentBytes: open.contentByteStart..<open.contentByteEnd,
                                speaker: .unattributed))
    }
}
