import Codeboom

/// `codeboom segments DOC`: the numbered segments of a document, to write sidecar codings by number.
/// Reads that document only (``CorpusScanner/files(mayHold:in:)``), not the corpus.
enum SegmentsCommand {
    static func run(options: ProjectOptions, documentID: String) -> CommandResult {
        let scan: CorpusScan
        do {
            scan = try CorpusScanner.scan(directory: options.directory, codebook: options.codebook)
        } catch {
            return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
        }
        let reader = CorpusReader(scan, limits: options.archiveLimits)
        var found: Document? = nil
        var ignored: [Diagnostic] = []
        // The first document with the id counts, as in a project.
        reader.forEachDocument(CorpusScanner.files(mayHold: documentID, in: scan), transform: { parsed in
            parsed.document.id == documentID ? parsed.document : nil
        }, diagnostics: &ignored) { document in
            if found == nil { found = document }
        }
        guard let document = found else {
            // Only now is the corpus read, for the ids to suggest.
            var ids: [String] = []
            reader.forEachDocument(transform: { $0.document.id }, diagnostics: &ignored) { ids.append($0) }
            let known = TerminalText.escaped(ids.prefix(10).joined(separator: ", "))
            return CommandResult(standardError: "error: unknown document \"\(TerminalText.escaped(documentID))\" — known documents include \(known)\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        let pseudonyms = scan.pseudonyms
        if let refusal = pseudonyms.refusal(command: "segments") { return refusal }
        var lines: [String] = []
        for segment in document.segments {
            let who: String
            switch segment.speaker {
            case .interviewer: who = "interviewer"
            case .respondent(let id): who = id
            case .unattributed: who = "-"
            }
            let preview = pseudonyms.prefix(of: document.text(of: segment).collapsingWhitespace, maximumLength: 70)
            lines.append("§\(segment.number)\t\(segment.start)–\(segment.end)\t\(who)\t\(preview)")
        }
        // Names replaced once over the whole listing: previews and speaker-label respondent ids alike.
        return CommandResult(standardOutput: pseudonyms.apply(to: lines.joined(separator: "\n") + "\n"))
    }
}
