/// Decides who speaks each segment: interviewer, which respondent, or nobody known.
public enum RespondentResolver {
    /// Assigns speakers following the counting rules: interviewer labels are not respondents; a label
    /// in `respondenten.csv` is that respondent; in an interview every other speaker is the document's
    /// respondent; any other label becomes `DOCUMENTID/LABEL` with the document's perspective.
    public static func resolve(_ document: inout Document, table: RespondentTable) {
        let hasSpeakers = document.segments.contains { $0.label != nil }
        // A document has few distinct labels: decide each once, and look them up in a short list;
        // past a handful (a focus group of hundreds), in a dictionary, so no document costs labels × turns.
        var decided: [(label: String, speaker: Segment.Speaker)] = []
        var decidedByLabel: [String: Segment.Speaker] = [:]
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
            } else if SpeakerLabel.isInterviewer(label) {
                speaker = .interviewer
            } else if document.type != .focusgroep, let respondent = document.respondent {
                speaker = .respondent(respondent)
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
    }
}
