import Foundation

/// What reading one document produced: the document, the inline tags per segment, and any problems.
public struct ParsedDocument: Sendable {
    public var document: Document
    /// Inline tags with the number of the segment they stand in.
    public var tags: [(segment: Int, tag: InlineTag)]
    public var diagnostics: [Diagnostic]
    /// Comments from a word processor, to become codings or memos once the codebook is known.
    public var annotations: [ExtractedAnnotation] = []
}

/// Splits normalised text into front matter and segments (speaker turns, or paragraphs).
public enum DocumentParser {
    /// Parses a document's normalised text. Speakers are left `.unattributed`; `RespondentResolver`
    /// decides who they are once `respondenten.csv` is known.
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, file: String, defaultID: String,
                             encoding: SourceEncoding = .utf8, cueTimes: [(offset: Int, seconds: Double)] = []) -> ParsedDocument {
        var diagnostics: [Diagnostic] = []
        let lines = Lines(text)
        var metadata: [String: String] = [:]
        var bodyStart = 0

        if let first = lines.items.first, String(first.text).trimmingSpaces == "---" {
            var closed = false
            for index in 1..<max(lines.items.count, 1) {
                let line = lines.items[index]
                if String(line.text).trimmingSpaces == "---" {
                    closed = true
                    bodyStart = index + 1
                    break
                }
                if String(line.text).trimmingSpaces.isEmpty || line.text.hasPrefix("#") { continue }
                if let attribute = Attribute(String(line.text)) {
                    metadata[attribute.key] = attribute.value
                } else {
                    diagnostics.append(.error(SourceLocation(file: file, line: index + 1, column: 1),
                                              "front matter line is not `key: value`",
                                              advice: "write it as `key: value`, or close the front matter with `---` above it"))
                }
            }
            if !closed {
                diagnostics.append(.error(SourceLocation(file: file, line: 1, column: 1),
                                          "front matter opened with `---` is never closed",
                                          advice: "add a line `---` after the last `key: value` line"))
                metadata = [:]
                bodyStart = 0
            }
        }

        let id = metadata["id"] ?? defaultID
        var type: DocumentType? = nil
        if let typeValue = metadata["type"] {
            type = DocumentType(attribute: typeValue)
            if type == nil {
                diagnostics.append(.error(SourceLocation(file: file, line: lines.lineNumber(ofKey: "type"), column: 1),
                                          "unknown document type \"\(typeValue)\"",
                                          advice: "use interview, focusgroep or notities"))
            }
        }

        let body = lines.items[min(bodyStart, lines.items.count)...]
        let (speakerLabels, parsedLabels) = acceptedSpeakerLabels(in: body, file: file, diagnostics: &diagnostics)
        let hasSpeakers = !speakerLabels.isEmpty
        var builder = SegmentBuilder(text: text)
        for (line, parsedLabel) in zip(body, parsedLabels) {
            let isBlank = line.text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if hasSpeakers, let speaker = parsedLabel, speakerLabels.contains(speaker.label) {
                builder.finish()
                builder.begin(line: line, label: speaker.label, textOffset: speaker.textOffset)
            } else if isBlank {
                // A blank line ends a paragraph; a speaker turn runs on to the next speaker line.
                if !builder.isOpenTurn { builder.finish() }
            } else {
                if !builder.isOpen { builder.begin(line: line, label: nil, textOffset: 0) } else { builder.append(line: line) }
            }
        }
        builder.finish()

        var segments = builder.segments
        if !cueTimes.isEmpty {
            for index in segments.indices {
                segments[index].time = cueTimes.last(where: { $0.offset <= segments[index].start })?.seconds
            }
        }
        var document = Document(id: id, file: file, type: type, metadata: metadata, text: text, segments: segments,
                                encoding: encoding, scalarCount: lines.scalarCount)
        document.tagRanges = builder.tags.map { $0.tag.offset..<($0.tag.offset + 1 + $0.tag.length) }
        return ParsedDocument(document: document, tags: builder.tags, diagnostics: diagnostics)
    }
}

/// Speaker labels of a document. A label of several words that occurs only once ("Achteraf denk ik: …")
/// is far more often a sentence than a speaker, so it is read as text and `check` says so.
/// Returns the accepted labels and, per body line, its parsed label (so each line is parsed once).
private func acceptedSpeakerLabels(in body: ArraySlice<Lines.Line>, file: String,
                                   diagnostics: inout [Diagnostic]) -> (accepted: Set<String>, parsed: [(label: String, textOffset: Int)?]) {
    var counts: [String: Int] = [:]
    var firstLine: [String: Int] = [:]
    let parsed = body.map { SpeakerLabel.parse($0.text) }
    for (line, speaker) in zip(body, parsed) {
        guard let speaker else { continue }
        counts[speaker.label, default: 0] += 1
        if firstLine[speaker.label] == nil { firstLine[speaker.label] = line.number }
    }
    var accepted: Set<String> = []
    for (label, count) in counts {
        if count == 1 && label.contains(" ") && !label.contains("(") {
            diagnostics.append(.warning(SourceLocation(file: file, line: firstLine[label]!, column: 1),
                                        "\"\(label):\" is read as text, not as a speaker (a label of several words used once)",
                                        advice: "if it is a speaker, write the label as one word, e.g. with its respondent id"))
        } else {
            accepted.insert(label)
        }
    }
    return (accepted, parsed)
}

/// The lines of a text with their scalar offsets and 1-based numbers.
struct Lines {
    struct Line {
        var number: Int
        var offset: Int
        var text: Substring
        var scalarCount: Int
    }

    var items: [Line] = []
    var scalarCount = 0

    /// Splits on LF in one pass over the UTF-8 bytes, counting scalars as it goes.
    /// - Complexity: O(n) in the length of the text.
    init(_ text: String) {
        var text = text
        // Byte positions of line ends and scalar counts, from the contiguous UTF-8 buffer.
        var bounds: [(start: Int, end: Int, offset: Int, scalars: Int)] = []
        let total = text.withUTF8 { bytes -> Int in
            guard let base = bytes.baseAddress else {
                bounds.append((0, 0, 0, 0))
                return 0
            }
            var offset = 0, lineStart = 0
            while true {
                // memchr finds the line end; the scalar count is the bytes minus UTF-8 continuation bytes.
                let found: UnsafeMutableRawPointer? = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
                let lineEnd: Int
                if let found {
                    lineEnd = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                } else {
                    lineEnd = bytes.count
                }
                var continuation = 0
                var cursor = base + lineStart
                let stop = base + lineEnd
                while cursor < stop {
                    continuation &+= Int((cursor.pointee & 0xC0) == 0x80 ? 1 : 0)
                    cursor += 1
                }
                let scalars = lineEnd - lineStart - continuation
                bounds.append((lineStart, lineEnd, offset, scalars))
                offset += scalars
                guard found != nil else { break }
                offset += 1
                lineStart = lineEnd + 1
            }
            return offset
        }
        let utf8 = text.utf8
        items.reserveCapacity(bounds.count)
        for (number, bound) in bounds.enumerated() {
            let start = utf8.index(utf8.startIndex, offsetBy: bound.start)
            let end = utf8.index(utf8.startIndex, offsetBy: bound.end)
            items.append(Line(number: number + 1, offset: bound.offset, text: text[start..<end], scalarCount: bound.scalars))
        }
        scalarCount = total
    }

    func lineNumber(ofKey key: String) -> Int {
        items.first(where: { $0.text.lowercased().hasPrefix(key + ":") })?.number ?? 1
    }
}

/// Accumulates lines into segments, stripping inline tags as it goes.
struct SegmentBuilder {
    var segments: [Segment] = []
    var tags: [(segment: Int, tag: InlineTag)] = []
    private var current: (start: Int, contentStart: Int, end: Int, line: Int, label: String?,
                          contentFrom: Substring.Index, contentTo: Substring.Index)?
    /// The whole document text: a segment's content is a view into it.
    let text: String

    init(text: String) { self.text = text }

    var isOpen: Bool { current != nil }
    var isOpenTurn: Bool { current?.label != nil }

    mutating func begin(line: Lines.Line, label: String?, textOffset: Int) {
        let from = line.text.unicodeScalars.index(line.text.startIndex, offsetBy: textOffset)
        current = (line.offset, line.offset + textOffset, line.offset, line.number, label, from, from)
        add(line.text[from...], line: line, columnOffset: textOffset)
    }

    mutating func append(line: Lines.Line) {
        add(line.text[...], line: line, columnOffset: 0)
    }

    private mutating func add(_ content: Substring, line: Lines.Line, columnOffset: Int) {
        guard current != nil else { return }
        let number = segments.count + 1
        for var tag in InlineTag.scan(content, lineNumber: line.number, lineOffset: line.offset + columnOffset) {
            tag.column += columnOffset
            tags.append((number, tag))
        }
        current!.contentTo = line.text.endIndex
        current!.end = line.offset + line.scalarCount
    }

    mutating func finish() {
        guard let open = current else { return }
        // Lines of one segment are contiguous, so one range of the text covers them.
        let whole = text
        segments.append(Segment(number: segments.count + 1, start: open.start, contentStart: open.contentStart, end: open.end,
                                line: open.line, label: open.label, content: whole[open.contentFrom..<open.contentTo],
                                speaker: .unattributed))
        current = nil
    }
}
