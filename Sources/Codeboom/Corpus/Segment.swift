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

        /// The respondent's id, for a respondent.
        public var respondentID: String? {
            if case .respondent(let id) = self { return id }
            return nil
        }
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
    /// Where the words after the label stand in the document's text, as UTF-8 offsets: the segment
    /// keeps no text of its own, so a project can hold every segment without holding the corpus.
    public var contentBytes: Range<Int>
    /// Who speaks: an interviewer, a respondent or nobody known.
    public var speaker: Speaker
    /// Start time in seconds for transcripts from subtitles; shown in quotes.
    public var time: Double?
    /// UTF-8 offsets in the document text of the `#words` in the segment's words that are text, not tags
    /// (`vraag #1`, `#metoo`), ascending: `Document.text(of:)` keeps them. Nearly always empty.
    public var textTagByteOffsets: [Int] = []

    /// Whether the interviewer speaks it; such turns count for no perspective.
    public var isInterviewer: Bool { speaker == .interviewer }

    /// The respondent who speaks, or nil.
    public var respondentID: String? { speaker.respondentID }

    /// Whether the scalar offsets `otherStart..<otherEnd` share a scalar with the segment's `start..<end`.
    public func overlaps(start otherStart: Int, end otherEnd: Int) -> Bool {
        otherStart < end && start < otherEnd
    }
}
