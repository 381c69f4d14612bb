/// `codeboom segments DOC`: the numbered segments of a document, to write sidecar codings by number.
enum SegmentsCommand {
    static func run(_ project: Project, documentID: String) -> CommandResult {
        guard let document = project.document(id: documentID) else {
            let known = TerminalText.escaped(project.documents.prefix(10).map(\.id).joined(separator: ", "))
            return CommandResult(standardError: "error: unknown document \"\(TerminalText.escaped(documentID))\" — known documents include \(known)\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        var lines: [String] = []
        for segment in document.segments {
            let who: String
            switch segment.speaker {
            case .interviewer: who = "interviewer"
            case .respondent(let id): who = id
            case .unattributed: who = "-"
            }
            let preview = String(project.pseudonyms.apply(to: segment.text.collapsingWhitespace).prefix(70))
            lines.append("§\(segment.number)\t\(segment.start)–\(segment.end)\t\(who)\t\(preview)")
        }
        return CommandResult(standardOutput: lines.joined(separator: "\n") + "\n")
    }
}
