/// Decides who speaks each segment: interviewer, which respondent, or nobody known.
public enum RespondentResolver {
    /// Front matter key (and `documenten.csv` column) naming the interviewer's labels, comma-separated.
    public static let interviewerKey = "interviewer"

    /// Assigns speakers following the counting rules: interviewer labels (the conventional ones, and
    /// those the document declares under `interviewer:`) are not respondents; a label in
    /// `respondenten.csv` is that respondent; in an interview every other speaker is the document's
    /// respondent; any other label becomes `DOCUMENTID/LABEL` with the document's perspective — except
    /// in a transcript whose speakers a tool wrote (often participants' names), where it becomes
    /// `DOCUMENTID/S1`, `DOCUMENTID/S2`, … by order of first appearance, so no name reaches a report.
    ///
    /// Returns warnings about the speakers: a tool's generic labels (`Speaker 1`, `S01`) without a
    /// declared interviewer, and named speakers that are not mapped to a respondent id.
    @discardableResult
    public static func resolve(_ document: inout Document, table: RespondentTable) -> [Diagnostic] {
        let hasSpeakers = document.segments.contains { $0.label != nil }
        let declaredInterviewers = document.metadata[interviewerKey].map { value in
            Set(value.split(separator: ",").map { String($0).trimmingSpaces.folded }.filter { !$0.isEmpty })
        } ?? []
        // A tool's labels are numbered in order of first appearance, over all of the document's labels.
        var numbers: [String: Int] = [:]
        if document.speakersFromTool {
            for segment in document.segments {
                if let label = segment.label, numbers[label] == nil { numbers[label] = numbers.count + 1 }
            }
        }
        // A document has few distinct labels: decide each once, and look them up in a short list;
        // past a handful (a focus group of hundreds), in a dictionary, so no document costs labels × turns.
        var decided: [(label: String, speaker: Segment.Speaker)] = []
        var decidedByLabel: [String: Segment.Speaker] = [:]
        var numbered: [String] = []
        for index in document.segments.indices {
            guard let label = document.segments[index].label else {
                if !hasSpeakers, let respondent = document.respondent {
                    document.segments[index].speaker = .respondent(respondent)
                }
                continue
            }
            if let known = decided.count <= 16 ? decided.first(where: { $0.label == label })?.speaker : decidedByLabel[label] {
                document.segments[index].speaker = known
                continue
            }
            let speaker: Segment.Speaker
            if let entry = table.entry(document: document.id, label: label) {
                // RespondentTable keeps no respondent row without an id; such a row would attribute nothing.
                speaker = entry.isInterviewer ? .interviewer : entry.respondent.map { .respondent($0) } ?? .unattributed
            } else if SpeakerLabel.isInterviewer(label) || (!declaredInterviewers.isEmpty && declaredInterviewers.contains(label.folded)) {
                speaker = .interviewer
            } else if document.type != .focusgroep, let respondent = document.respondent {
                speaker = .respondent(respondent)
            } else if let number = numbers[label], !SpeakerLabel.isIdentifier(label) {
                speaker = .respondent("\(document.id)/S\(number)")
                numbered.append(label)
            } else {
                speaker = .respondent("\(document.id)/\(label)")
            }
            decided.append((label, speaker))
            if decided.count > 16 {
                if decidedByLabel.isEmpty { for (label, speaker) in decided { decidedByLabel[label] = speaker } }
                decidedByLabel[label] = speaker
            }
            document.segments[index].speaker = speaker
        }
        // Nearly every document has an interviewer and no numbered speaker: nothing to warn about.
        if numbered.isEmpty, document.segments.contains(where: { $0.isInterviewer }) { return [] }
        return warnings(document, labels: decided.map(\.label), numbered: numbered, numbers: numbers)
    }

    /// The speaker warnings `check` shows for one resolved document.
    private static func warnings(_ document: Document, labels: [String], numbered: [String], numbers: [String: Int]) -> [Diagnostic] {
        guard !labels.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        let location = SourceLocation(file: document.file, line: 1, column: 1)
        let isTextFile = document.file.hasSuffix(".txt") || document.file.hasSuffix(".md")
        let hasInterviewer = document.segments.contains { $0.isInterviewer }
        if !hasInterviewer, labels.allSatisfy(SpeakerLabel.isGeneric) {
            var turns: [String: Int] = [:], words: [String: Int] = [:]
            for segment in document.segments {
                guard let label = segment.label else { continue }
                turns[label, default: 0] += 1
                words[label, default: 0] += document.text(of: segment).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
            }
            // The interviewer usually asks short questions: the label with the fewest words per turn is the likely one.
            func perTurn(_ label: String) -> Double { Double(words[label] ?? 0) / Double(max(1, turns[label] ?? 1)) }
            let likely = labels.min { perTurn($0) < perTurn($1) } ?? labels[0]
            let listed = labels.map { label in
                let (turnCount, wordCount) = (turns[label] ?? 0, words[label] ?? 0)
                return "\(label): \(turnCount) turn\(turnCount == 1 ? "" : "s"), \(wordCount) word\(wordCount == 1 ? "" : "s")"
            }
            let line = isTextFile
                ? "add the line `\(interviewerKey): \(likely)` to the front matter (between `---` lines at the top)"
                : "add an `\(interviewerKey)` column to Corpus/documenten.csv with `\(likely)` in the row of \(document.id)"
            diagnostics.append(.warning(location,
                                        "the speakers are a tool's generic labels (\(listed.joined(separator: "; "))) and none is declared the interviewer, so every turn counts as a respondent's",
                                        advice: line + " (several labels: comma-separated); the interviewer usually has the short turns"))
        }
        let named = numbered.filter { !SpeakerLabel.isGeneric($0) }
        if !named.isEmpty {
            let listed = named.map { "\"\($0)\" (\(document.id)/S\(numbers[$0] ?? 0))" }
            diagnostics.append(.warning(location,
                                        "\(named.count) named speaker\(named.count == 1 ? " is" : "s are") not mapped to a respondent id: \(listed.joined(separator: ", ")); reports cite \(named.count == 1 ? "it" : "them") by number, never by name",
                                        advice: "map each to a respondent id in Corpus/respondenten.csv (`respondent,perspectief,document,spreker`)"
                                            + (hasInterviewer ? "" : ", and declare the interviewer with `\(interviewerKey):`")))
        }
        return diagnostics
    }
}
