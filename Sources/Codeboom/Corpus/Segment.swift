/// The unit of coding: a speaker turn, or a paragraph in a document without speakers.
public struct Segment: Sendable, Equatable {
    /// Who speaks in a segment, as far as counting is concerned.
    public enum Speaker: Sendable, Hashable {
        /// An interviewer or gespreksleider: never a respondent, never counted.
        case interviewer
        /// A respondent, by id.
        case respondent(String)
        /// Nobody known: a paragraph of notes without a respondent.
        case unattributed
    }

    /// 1-based number within the document; the stable id is `documentID#number`.
    public var number: Int
    /// Unicode scalar offsets of the whole turn (label included) in the document's normalised text, end exclusive.
    public var start: Int
    /// Where the spoken text starts, after the speaker label: what keyword search looks at.
    public var contentStart: Int
    /// The offset just past the segment, in Unicode scalars.
    public var end: Int
    /// 1-based line where the segment starts.
    public var line: Int
    /// The speaker label as written (`V3`, `Interviewer`), nil for a paragraph.
    public var label: String?
    /// The words as written after the label, tags included: a view into the document's text, not a copy.
    public var content: Substring
    /// Who speaks: an interviewer, a respondent or nobody known.
    public var speaker: Speaker
    /// Start time in seconds for transcripts from subtitles; shown in quotes.
    public var time: Double?
    /// UTF-8 offsets in the document text of the `#words` in `content` that are text, not tags
    /// (`vraag #1`, `#metoo`), ascending: `text` keeps them. Nearly always empty.
    public var textTagByteOffsets: [Int] = []

    /// Whether the interviewer speaks: such a segment never counts.
    public var isInterviewer: Bool { speaker == .interviewer }

    /// What was said, without label and inline tags; lines trimmed, runs of blank lines kept as one.
    /// Computed on demand, so a large corpus holds each text once.
    public var text: String {
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
            let stripped = InlineTag.strip(line, keeping: textTagByteOffsets).trimmingSpaces
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

    /// The respondent who speaks, or nil.
    public var respondentID: String? {
        if case .respondent(let id) = speaker { return id }
        return nil
    }

    /// Whether the segment shares a scalar with `otherStart..<otherEnd`.
    public func overlaps(start otherStart: Int, end otherEnd: Int) -> Bool {
        otherStart < end && start < otherEnd
    }
}
