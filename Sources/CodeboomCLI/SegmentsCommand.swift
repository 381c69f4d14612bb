import Codeboom

/// `codeboom segments DOC`: the numbered segments of a document, to write sidecar codings by number.
enum SegmentsCommand {
    static func run(_ project: Project, documentID: String) -> CommandResult {
        guard let document = project.document(id: documentID) else {
            let known = TerminalText.escaped(project.documents.prefix(10).map(\.id).joined(separator: ", "))
            return CommandResult(standardError: "error: unknown document \"\(TerminalText.escaped(documentID))\" — known documents include \(known)\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        if let refusal = project.pseudonyms.refusal(command: "segments") { return refusal }
        var lines: [String] = []
        for segment in document.segments {
            let who: String
            switch segment.speaker {
            case .interviewer: who = "interviewer"
            case .respondent(let id): who = id
            case .unattributed: who = "-"
            }
            let preview = project.pseudonyms.prefix(of: segment.text.collapsingWhitespace, maximumLength: 70)
            lines.append("§\(segment.number)\t\(segment.start)–\(segment.end)\t\(who)\t\(preview)")
        }
        // Names replaced once over the whole listing: previews and speaker-label respondent ids alike.
        return CommandResult(standardOutput: project.pseudonyms.apply(to: lines.joined(separator: "\n") + "\n"))
    }
}
