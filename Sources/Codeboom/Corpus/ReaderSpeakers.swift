/// Speaker labels that the reader of a structured format (subtitles, a Word or OpenDocument table
/// headed `spreker | tekst`) has settled before the text parser reads its `Label: text` lines.
public struct ReaderSpeakers: Sendable, Equatable {
    /// Labels the reader rendered as speakers, folded; each is declared to the parser.
    public var labels: Set<String>
    /// Whether the reader decided every label (subtitles): then no other label is a speaker, and the
    /// reader has already said why a label was read as text.
    public var decidesAll: Bool

    /// The labels a reader rendered as speakers; `decidesAll` when it decided every label.
    public init(labels: Set<String> = [], decidesAll: Bool = false) {
        self.labels = labels
        self.decidesAll = decidesAll
    }
}
