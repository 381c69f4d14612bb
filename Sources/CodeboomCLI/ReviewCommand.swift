import Codeboom
import Foundation

/// `codeboom review --from auto --into NAME`: another coder's suggestions, one by one in the
/// terminal, each accepted, rejected or changed with one key (``ReviewSession``); every answer is
/// in `Corpus/codings/NAME.csv` (or `NAME.rejected.csv`) the moment it is given.
enum ReviewCommand {
    /// The keys, as the screen's last line lists them.
    static let keyLine = "[a] accept  [r] reject  [c] change code  [m] memo  [s] skip  [p] back  [q] quit"

    static func run(options: ProjectOptions, from: String, into: String) -> CommandResult {
        guard let terminal = Terminal() else {
            return CommandResult(standardError: "error: review asks a key for each suggestion, so it needs a terminal — run it in one, not with its input or output redirected\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        return CommandRunner.withProject(options) { load in
            let project = load.project
            if let refusal = project.pseudonyms.refusal(command: "review") { return refusal }
            guard project.coders.contains(from) else {
                return UnmatchedValue(kind: "coder", value: from, problem: "has no codings in this project", usage: "--from",
                                      valid: project.coders).result
            }
            var files = ReviewFiles(projectDirectory: options.directory, coder: into)
            let texts: (codings: String?, rejections: String?)
            switch files.read() {
            case .success(let read): texts = read
            case .failure(let failure): return CommandResult(standardError: failure.message + "\n", exitStatus: CommandResult.inputErrorStatus)
            }
            var session = ReviewSession(project: project, from: from, codingsText: texts.codings, rejectionsText: texts.rejections)
            guard session.codings.hasSegmentColumns else {
                return CommandResult(standardError: "\(files.codingsPath): error: has no document, segment and code columns, so answers cannot be added — "
                                     + "choose another --into, or add the columns\n", exitStatus: CommandResult.inputErrorStatus)
            }
            let reader = SegmentView.Reader(project: project)
            var memo: String? = nil
            var lastPosition = -1
            var notice = ""
            terminal.enterRawMode()
            defer { terminal.restore() }
            loop: while let suggestion = session.current {
                if session.position != lastPosition {
                    memo = session.answer(at: session.position).flatMap(Self.memo(of:))
                    lastPosition = session.position
                }
                let view = reader.view(documentPosition: suggestion.documentPosition, segment: suggestion.key.segment, highlighting: suggestion.range)
                terminal.show(screen(session, suggestion: suggestion, view: view, memo: memo, codebook: project.codebook,
                                     into: into, width: terminal.width, notice: notice))
                notice = ""
                let answer: ReviewSession.Answer
                switch terminal.readKey() {
                case .character("a"), .character("A"): answer = .accepted(memo: memo)
                case .character("r"), .character("R"): answer = .rejected(memo: memo)
                case .character("c"), .character("C"):
                    guard let code = CodeChooser(codebook: project.codebook).choose(on: terminal, title: "Change \(suggestion.key.codeID) to which code?") else { continue loop }
                    answer = code == suggestion.key.codeID ? .accepted(memo: memo) : .changed(to: code, memo: memo)
                case .character("m"), .character("M"):
                    let written = terminal.readLine(initial: memo ?? "") { line in
                        terminal.show(screen(session, suggestion: suggestion, view: view, memo: memo, codebook: project.codebook,
                                             into: into, width: terminal.width, notice: "") + "\nmemo (Enter keeps it, Escape cancels): \(line)")
                    }
                    if let written { memo = written.trimmingCharacters(in: .whitespaces).isEmpty ? nil : written }
                    continue loop
                case .character("s"), .character("S"), .right: session.skip(); continue loop
                case .character("p"), .character("P"), .character("b"), .left, .backspace: session.back(); continue loop
                case .character("q"), .character("Q"), .interrupt, .endOfInput, .escape: break loop
                default:
                    notice = "That key does nothing here; the keys are on the last line."
                    continue loop
                }
                session.answer(answer)
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

    static func memo(of answer: ReviewSession.Answer) -> String? {
        switch answer {
        case .accepted(let memo), .rejected(let memo), .changed(_, let memo): memo
        }
    }

    /// One screen: progress, the segment, the suggested code with its description, the answer so far, the keys.
    static func screen(_ session: ReviewSession, suggestion: ReviewSession.Suggestion, view: SegmentView, memo: String?,
                       codebook: Codebook, into: String, width: Int, notice: String) -> String {
        let total = session.suggestions.count
        var lines: [String] = []
        lines.append(TerminalStyle.bold("codeboom review") + " · \(TerminalText.escaped(session.from)) → \(TerminalText.escaped(into))"
                     + " · suggestion \(session.position + 1) of \(total) · \(session.answeredCount) answered")
        lines.append(String(repeating: "─", count: max(10, min(width, 100) - 1)))
        lines.append(TerminalText.escaped(view.heading))
        lines.append(view.wrappedText(width: width))
        lines.append("")
        let code = codebook.code(id: suggestion.key.codeID)
        lines.append("Suggested code: " + TerminalStyle.bold(TerminalText.escaped(suggestion.key.codeID))
                     + (code.map { " — " + TerminalText.escaped($0.label) } ?? "")
                     + (suggestion.memo.map { "   (matched: \(TerminalText.escaped($0)))" } ?? ""))
        if let code {
            let summary = CodeList(codebook: Codebook(title: "", introduction: "", codes: [code], deelvraagQuestions: [:], file: "")).entries[0].summary
            if !summary.isEmpty { lines.append("  " + TerminalText.escaped(summary)) }
        }
        switch session.answer(at: session.position) {
        case .accepted?: lines.append("Answered: accepted")
        case .rejected?: lines.append("Answered: rejected")
        case .changed(let other, _)?: lines.append("Answered: changed to \(TerminalText.escaped(other))")
        case nil: break
        }
        if let memo { lines.append("Memo: " + TerminalText.escaped(memo)) }
        lines.append("")
        if !notice.isEmpty { lines.append(notice) }
        lines.append(keyLine)
        return lines.joined(separator: "\n") + "\n"
    }

    static func summary(_ session: ReviewSession, into: String, files: ReviewFiles) -> String {
        var accepted = 0, rejected = 0, changed = 0
        for index in session.suggestions.indices {
            switch session.answer(at: index) {
            case .accepted?: accepted += 1
            case .rejected?: rejected += 1
            case .changed?: changed += 1
            case nil: break
            }
        }
        let open = session.suggestions.count - accepted - rejected - changed
        var text = "\(into): \(accepted) accepted, \(changed) changed, \(rejected) rejected of \(session.suggestions.count) suggestions of \(session.from)"
            + " — in \(files.codingsPath) and \(files.rejectionsPath)\n"
        text += open == 0 ? "Every suggestion is answered.\n"
            : "\(open) still open: run `codeboom review --from \(session.from) --into \(into)` again to go on where you stopped.\n"
        return TerminalText.escaped(text, keepingLineBreaks: true)
    }
}

/// Choosing a code by typing: every key narrows the codes whose id or label holds what was typed
/// (case and diacritics ignored; those that start with it first); Tab completes the first, Enter
/// takes it, Escape cancels.
struct CodeChooser {
    let codebook: Codebook

    /// The codes matching `typed`, best first.
    func matches(_ typed: String) -> [Code] {
        let query = typed.folded.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return codebook.codes.filter { !$0.isCategory } }
        var starting: [Code] = [], containing: [Code] = []
        for code in codebook.codes {
            let id = code.id.folded, label = code.label.folded
            if id == query || label == query { starting.insert(code, at: 0) }
            else if id.hasPrefix(query) || label.hasPrefix(query) { starting.append(code) }
            else if id.contains(query) || label.contains(query) { containing.append(code) }
        }
        return starting + containing
    }

    func choose(on terminal: Terminal, title: String) -> String? {
        var typed = ""
        while true {
            let found = matches(typed)
            var lines = [title, "", "code: \(TerminalText.escaped(typed))", ""]
            for (index, code) in found.prefix(8).enumerated() {
                let line = "\(code.id) — \(code.label)"
                lines.append((index == 0 ? "> " : "  ") + TerminalText.escaped(line))
            }
            if found.isEmpty { lines.append("  no code holds \"\(TerminalText.escaped(typed))\"") }
            if found.count > 8 { lines.append("  … \(found.count - 8) more") }
            lines += ["", "Type part of an id or label · Tab completes · Enter takes the first · Escape cancels"]
            terminal.show(lines.joined(separator: "\n") + "\n")
            switch terminal.readKey() {
            case .character(let character): typed.append(character)
            case .backspace: if !typed.isEmpty { typed.removeLast() }
            case .tab: if let first = found.first { typed = first.id }
            case .enter: if let first = found.first { return first.id }
            case .escape, .interrupt, .endOfInput: return nil
            default: continue
            }
        }
    }
}
