/// `Corpus/respondenten.csv`: which speaker label in which document is which respondent.
public struct RespondentTable: Sendable {
    public struct Entry: Sendable, Equatable {
        public var respondent: String?
        public var perspective: String?
        public var document: String
        public var speaker: String
        public var isInterviewer: Bool
        public var line: Int
    }

    public static let fileName = "respondenten.csv"

    public var entries: [Entry] = []
    /// The file, relative to the project, for messages.
    public var file: String

    private var byDocumentAndLabel: [String: Entry] = [:]
    /// The perspective the first row of a (document, respondent) pair gives, when one does.
    private var perspectiveByDocumentAndRespondent: [String: String] = [:]

    public init(file: String, entries: [Entry] = []) {
        self.file = file
        for entry in entries { add(entry) }
    }

    /// Reads the table; rows that cannot be used are reported and skipped.
    public static func parse(_ text: String, file: String) -> (table: RespondentTable, diagnostics: [Diagnostic]) {
        let csv = CSVTable(text: text)
        var diagnostics: [Diagnostic] = []
        var table = RespondentTable(file: file)
        for required in ["document", "spreker"] where !csv.header.contains(required) {
            diagnostics.append(CorpusError.missingColumn(SourceLocation(file: file, line: 1, column: 1), column: required,
                                                     header: "`respondent,perspectief,document,spreker` (optional `rol`)"))
        }
        guard diagnostics.isEmpty else { return (table, diagnostics) }
        for row in csv.rows {
            let location = SourceLocation(file: file, line: row.line, column: 1)
            guard let document = row["document"], let speaker = row["spreker"] else {
                diagnostics.append(CorpusError.rowWithoutDocumentOrSpeaker(location))
                continue
            }
            let isInterviewer = row["rol"].map { ["interviewer", "gespreksleider", "onderzoeker"].contains($0.folded) } ?? false
            if !isInterviewer && row["respondent"] == nil {
                diagnostics.append(CorpusError.speakerWithoutRespondent(location, speaker: speaker))
                continue
            }
            let entry = Entry(respondent: row["respondent"], perspective: row["perspectief"], document: document,
                              speaker: speaker, isInterviewer: isInterviewer, line: row.line)
            if table.entry(document: document, label: speaker) != nil {
                diagnostics.append(CorpusError.speakerListedTwice(location, speaker: speaker, document: document))
                continue
            }
            table.add(entry)
        }
        return (table, diagnostics)
    }

    public func entry(document: String, label: String) -> Entry? {
        byDocumentAndLabel.isEmpty ? nil : byDocumentAndLabel[Self.key(document, label)]
    }

    /// The perspective a row of `document` gives `respondent`, if any (the first such row).
    public func perspective(document: String, respondent: String) -> String? {
        perspectiveByDocumentAndRespondent.isEmpty ? nil : perspectiveByDocumentAndRespondent[document + "\u{0}" + respondent]
    }

    private mutating func add(_ entry: Entry) {
        entries.append(entry)
        byDocumentAndLabel[Self.key(entry.document, entry.speaker)] = entry
        if let respondent = entry.respondent, let perspective = entry.perspective,
           perspectiveByDocumentAndRespondent[entry.document + "\u{0}" + respondent] == nil {
            perspectiveByDocumentAndRespondent[entry.document + "\u{0}" + respondent] = perspective
        }
    }

    private static func key(_ document: String, _ label: String) -> String {
        document + "\u{0}" + label.folded
    }
}
