/// One transcript or notes file, read and segmented: what the corpus reader delivers, text included.
public struct Document: Sendable, Equatable, Identifiable {
    /// The document's id: `id:` in its front matter, or its file name without extension.
    public var id: String
    /// Path relative to the project, for messages.
    public var file: String
    /// Interview, focus group or notes; nil when not given.
    public var type: DocumentType?
    /// Every front matter key, lower-cased, as written (an English key under its Dutch name, ``FrontMatterKey``); `id`, `type`, `perspectief`, `respondent` included.
    public var metadata: [String: String]
    /// The normalised text all offsets refer to.
    public var text: String
    /// The turns or paragraphs, numbered from 1.
    public var segments: [Segment]
    /// The encoding the file's bytes were read in.
    public var encoding: SourceEncoding
    /// Length of `text` in Unicode scalars, the bound for offsets.
    public var scalarCount: Int
    /// Where inline tags stand (from `#` to the end of the id), so keyword search can skip them.
    public var tagRanges: [Range<Int>] = []
    /// Whether a transcription tool wrote the speaker labels (subtitle voices, a tool's speaker lines):
    /// then they are often participants' names, cited by number when not mapped (``RespondentResolver``).
    public var speakersFromTool = false

    /// The `perspectief` of the front matter or `documenten.csv`; an empty one is none.
    public var perspective: String? { metadata["perspectief"].flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 } }
    /// The `respondent:` of the front matter, for a document of one respondent.
    public var respondent: String? { metadata["respondent"] }

    /// The segment with this number (from 1), or nil.
    public func segment(number: Int) -> Segment? {
        number >= 1 && number <= segments.count ? segments[number - 1] : nil
    }

    /// Segments that a character range touches, for offset codings.
    public func segments(overlapping start: Int, _ end: Int) -> [Segment] {
        segments.filter { $0.overlaps(start: start, end: max(end, start + 1)) }
    }

    /// The document as a project keeps it: everything but the text.
    public var outline: DocumentOutline {
        // The segments copied to an array of their own size: the parser's array grew by doubling, and
        // a project of thousands of outlines would hold that slack.
        let compact = segments.withUnsafeBufferPointer { Array($0) }
        return DocumentOutline(id: id, file: file, type: type, metadata: metadata, segments: compact, scalarCount: scalarCount)
    }
}
