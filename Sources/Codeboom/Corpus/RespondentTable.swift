/// `Corpus/respondenten.csv`: which speaker label in which document is which respondent.
public struct RespondentTable: Sendable {
    /// One row: a speaker label of a document and who it is.
    public struct Entry: Sendable, Equatable {
        /// The respondent id; nil for an interviewer.
        public var respondent: String?
        /// The respondent's perspective, as written.
        public var perspective: String?
        /// The id of the document the label is used in.
        public var document: String
        /// The speaker label as written in the document.
        public var speaker: String
        /// Whether `rol` says the speaker is an interviewer.
        public var isInterviewer: Bool
        /// The line of the table that lists the speaker.
        public var line: Int
        /// The row's values of the table's other columns (``RespondentTable/variableNames``), non-empty ones only.
        public var variables: [String: String] = [:]
    }

    /// Columns besides `respondent`, `perspectief`, `document`, `spreker` and `rol`, in file order:
    /// the respondents' own variables (`organisatie`, `leeftijd`, …), for grouping and the respondent matrix.
    public var variableNames: [String] = []

    /// The name of the table in `Corpus/`.
    public static let fileName = "respondenten.csv"

    /// The rows, in file order.
    public var entries: [Entry] = []
    /// The file, relative to the project, for messages.
    public var file: String

    private var byDocumentAndLabel: [String: Entry] = [:]
    /// The perspective the first row of a (document, respondent) pair gives, when one does.
    private var perspectiveByDocumentAndRespondent: [String: String] = [:]

    /// A table read from `file` with these rows.
    public init(file: String, entries: [Entry] = []) {
        self.file = file
        for entry in entries { add(entry) }
    }

    /// Reads the table; rows that cannot be used are reported and skipped.
    public static func parse(_ text: String, file: String) -> (table: RespondentTable, diagnostics: [Diagnostic]) {
        let csv = CSVTable(text: text)
        var diagnostics: [Diagnostic] = []
        var table = RespondentTable(file: file)
        let known: Set<String> = ["respondent", "perspectief", "document", "spreker", "rol"]
        var variableNames: [String] = []
        for name in csv.header where !name.isEmpty && !known.contains(name) && !variableNames.contains(name) { variableNames.append(name) }
        table.variableNames = variableNames
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
            var variables: [String: String] = [:]
            for name in variableNames { variables[name] = row[name] }
            let entry = Entry(respondent: row["respondent"], perspective: row["perspectief"], document: document,
                              speaker: speaker, isInterviewer: isInterviewer, line: row.line, variables: variables)
            if table.entry(document: document, label: speaker) != nil {
                diagnostics.append(CorpusError.speakerListedTwice(location, speaker: speaker, document: document))
                continue
            }
            table.add(entry)
        }
        return (table, diagnostics)
    }

    /// The row for `label` in `document` (compared folded), or nil.
    public func entry(document: String, label: String) -> Entry? {
        byDocumentAndLabel.isEmpty ? nil : byDocumentAndLabel[Self.key(document, label)]
    }

    /// The perspective a row of `document` gives `respondent`, if any (the first such row).
    public func perspective(document: String, respondent: String) -> String? {
        perspectiveByDocumentAndRespondent.isEmpty ? nil : perspectiveByDocumentAndRespondent[document + "\u{0}" + respondent]
    }

    /// A respondent's values of a variable column over their rows, distinct, in file order.
    public func values(of variable: String, respondent: String) -> [String] {
        var values: [String] = []
        for entry in entries where entry.respondent == respondent {
            if let value = entry.variables[variable], !values.contains(value) { values.append(value) }
        }
        return values
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
