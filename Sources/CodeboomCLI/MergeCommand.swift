import Codeboom
import Foundation

/// `codeboom merge --coders A,B --into NAME`: the codings both coders gave go to
/// `Corpus/codings/NAME.csv` at once; each segment where they differ is then decided with one key
/// (``MergeSession``), written the moment it is given.
enum MergeCommand {
    static func keyLine(_ first: String, _ second: String) -> String {
        "[a] \(first)  [b] \(second)  [o] both  [n] neither  [s] skip  [p] back  [q] quit"
    }

    static func run(options: ProjectOptions, coders: [String], into: String) -> CommandResult {
        guard let terminal = Terminal() else {
            return CommandResult(standardError: "error: merge asks a key for each disagreement, so it needs a terminal — run it in one, not with its input or output redirected\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        return CommandRunner.withProject(options) { load in
            let project = load.project
            if let refusal = project.pseudonyms.refusal(command: "merge") { return refusal }
            if let unmatched = UnmatchedValue.coders(coders, in: project, option: "--coders") { return unmatched.result }
            if project.coders.isEmpty {
                return UnmatchedValue(kind: "coder", value: coders[0], problem: "has no codings in this project", usage: "--coders", valid: []).result
            }
            var files = ReviewFiles(projectDirectory: options.directory, coder: into)
            let texts: (codings: String?, rejections: String?)
            switch files.read() {
            case .success(let read): texts = read
            case .failure(let failure): return CommandResult(standardError: failure.message + "\n", exitStatus: CommandResult.inputErrorStatus)
            }
            var session = MergeSession(project: project, first: coders[0], second: coders[1], codingsText: texts.codings, rejectionsText: texts.rejections)
            guard session.codings.hasSegmentColumns else {
                return CommandResult(standardError: "\(files.codingsPath): error: has no document, segment and code columns, so the merge cannot be added — "
                                     + "choose another --into\n", exitStatus: CommandResult.inputErrorStatus)
            }
            // The agreements first, in one write: they need no decision.
            do {
                try files.write(codings: session.codings, rejections: session.rejections)
            } catch {
                return CommandResult(standardError: "\(error)\n", exitStatus: CommandResult.inputErrorStatus)
            }
            let reader = SegmentView.Reader(project: project)
            var notice = ""
            terminal.enterRawMode()
            defer { terminal.restore() }
            loop: while let unit = session.current {
                let view = reader.view(documentPosition: unit.documentPosition, segment: unit.segment)
                terminal.show(screen(session, unit: unit, view: view, codebook: project.codebook, into: into, width: terminal.width, notice: notice))
                notice = ""
                let choice: MergeSession.Choice
                switch terminal.readKey() {
                case .character("a"), .character("A"), .character("1"): choice = .first
                case .character("b"), .character("B"), .character("2"): choice = .second
                case .character("o"), .character("O"): choice = .both
                case .character("n"), .character("N"): choice = .neither
                case .character("s"), .character("S"), .right: session.skip(); continue loop
                case .character("p"), .character("P"), .left, .backspace: session.back(); continue loop
                case .character("q"), .character("Q"), .interrupt, .endOfInput, .escape: break loop
                default:
                    notice = "That key does nothing here; the keys are on the last line."
                    continue loop
                }
                session.decide(choice)
                do {
                    try files.write(codings: session.codings, rejections: session.rejections)
                } catch {
                    terminal.restore()
                    return CommandResult(standardError: "\(error)\n", exitStatus: CommandResult.inputErrorStatus)
                }
            }
            terminal.restore()
            terminal.write("\u{1B}[H\u{1B}[2J")
            return CommandResult(standardOutput: summary(session, into: into, files: files))
        }
    }

    static func codeLine(_ codes: [String], codebook: Codebook) -> String {
        codes.isEmpty ? "(none of these)" : codes.map { id in
            TerminalText.escaped(id) + (codebook.code(id: id).map { " (\(TerminalText.escaped($0.label)))" } ?? "")
        }.joined(separator: ", ")
    }

    static func screen(_ session: MergeSession, unit: MergeSession.Unit, view: SegmentView, codebook: Codebook,
                       into: String, width: Int, notice: String) -> String {
        let (first, second) = (TerminalText.escaped(session.coders.first), TerminalText.escaped(session.coders.second))
        var lines: [String] = []
        lines.append(TerminalStyle.bold("codeboom merge") + " · \(first) + \(second) → \(TerminalText.escaped(into))"
                     + " · disagreement \(session.position + 1) of \(session.units.count) · \(session.decidedCount) decided")
        lines.append(String(repeating: "─", count: max(10, min(width, 100) - 1)))
        lines.append(TerminalText.escaped(view.heading))
        lines.append(view.wrappedText(width: width))
        lines.append("")
        lines.append("[a] \(first) only: " + codeLine(unit.onlyFirst, codebook: codebook))
        lines.append("[b] \(second) only: " + codeLine(unit.onlySecond, codebook: codebook))
        if !unit.agreed.isEmpty { lines.append("both gave (kept): " + codeLine(unit.agreed, codebook: codebook)) }
        if let choice = session.choice(at: session.position) {
            let names: [MergeSession.Choice: String] = [.first: first, .second: second, .both: "both", .neither: "neither"]
            lines.append("Decided: \(names[choice] ?? "")")
        }
        lines.append("")
        if !notice.isEmpty { lines.append(notice) }
        lines.append(keyLine(first, second))
        return lines.joined(separator: "\n") + "\n"
    }

    static func summary(_ session: MergeSession, into: String, files: ReviewFiles) -> String {
        let decided = session.decidedCount
        let open = session.units.count - decided
        var text = "\(into): \(session.agreements.count) codings both \(session.coders.first) and \(session.coders.second) gave, "
            + "\(decided) of \(session.units.count) disagreements decided — in \(files.codingsPath)\n"
        if !session.documentsCodedByOne.isEmpty {
            text += "Not merged (coded by one of the two only): \(session.documentsCodedByOne.prefix(20).joined(separator: ", "))"
                + (session.documentsCodedByOne.count > 20 ? " and \(session.documentsCodedByOne.count - 20) more" : "") + "\n"
        }
        text += open == 0 ? "Every disagreement is decided.\n"
            : "\(open) still open: run `codeboom merge --coders \(session.coders.first),\(session.coders.second) --into \(into)` again to go on where you stopped.\n"
        return TerminalText.escaped(text, keepingLineBreaks: true)
    }
}
