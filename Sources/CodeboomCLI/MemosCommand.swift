import Codeboom

/// `codeboom memos [--code ID] [--coder NAME]`: every memo with its code, coder, place and coded text.
enum MemosCommand {
    static func parse(_ reader: inout OptionReader, project: ProjectOptions) throws(UsageError) -> Command {
        let code = try reader.value("--code")
        let coder = try reader.value("--coder")
        return .memos(project, code: code, coder: coder)
    }

    static func run(_ options: ProjectOptions, code: String?, coder: String?) -> CommandResult {
        CommandRunner.withProject(options) { load in
            let project = load.project
            if let code, let unmatched = UnmatchedValue.code(code, in: project.codebook) { return unmatched.result }
            if let coder {
                // A coder may have written only comments that code nothing: their authors count as coders here.
                let authors = Set(project.memos.map(\.author))
                if !authors.contains(coder), let unmatched = UnmatchedValue.coders([coder], in: project, option: "--coder") { return unmatched.result }
            }
            if let refusal = project.pseudonyms.refusal(command: "memos") { return refusal }
            let memos = MemoList(project: project, code: code, coder: coder)
            let numbers = ReportContext.themeNumbers(of: project.codebook)
            return CommandResult(standardOutput: project.pseudonyms.apply(to: MemoPage.render(memos, codebook: project.codebook, numbers: numbers)))
        }
    }
}
