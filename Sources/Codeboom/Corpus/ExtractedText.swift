/// The plain text of one document, read from .docx, .odt, .vtt or .srt, in the
/// line-per-paragraph form the plain-text transcript parser already understands.
public struct ExtractedText: Sendable, Equatable {
    /// Paragraphs (or subtitle turns) joined with `"\n"`, NFC-normalised; speaker turns read `Label: text`.
    public var text: String
    /// Comments from the source document, anchored to ranges of ``text``, sorted by start.
    public var annotations: [ExtractedAnnotation]
    /// The start time of each subtitle turn; empty for word-processor documents.
    public var cueTimes: [CueTime]
    /// Speaker labels the reader settled (voices, a table headed `spreker | tekst`), for the text parser.
    public var speakers: ReaderSpeakers

    /// Creates extracted text.
    public init(text: String, annotations: [ExtractedAnnotation] = [], cueTimes: [CueTime] = [], speakers: ReaderSpeakers = ReaderSpeakers()) {
        self.text = text
        self.annotations = annotations
        self.cueTimes = cueTimes
        self.speakers = speakers
    }
}
