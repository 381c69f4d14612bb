import Codeboom

/// `codeboom cooc [--by segment|document|respondent] [--perspective P] [--coder NAME] [--format md|csv]`:
/// which codes come up together.
enum CoocCommand {
    static func parse(_ reader: inout OptionReader, project: ProjectOptions) throws(UsageError) -> Command {
        let unitText = try reader.value("--by") ?? "segment"
        guard let unit = CooccurrenceTable.Unit(rawValue: unitText) else {
            throw UsageError(message: "unknown unit \"\(unitText)\" (use segment, document or respondent)", command: "cooc")
        }
        let perspective = try reader.value("--perspective")
        let coder = try reader.value("--coder") ?? InlineCoder.defaultName
        let format = try reader.format(allowed: [.md, .csv])
        return .cooc(project, coder: coder, unit: unit, perspective: perspective, format: format)
    }

    static func run(_ options: ProjectOptions, coder: String, unit: CooccurrenceTable.Unit, perspective: String?, format: OutputFormat) -> CommandResult {
        CommandRunner.withProject(options) { load in
            let project = load.project
            if let unmatched = UnmatchedValue.coders([coder], in: project, option: "--coder")
                ?? UnmatchedValue.perspective(perspective, known: project.perspectives) {
                return unmatched.result
            }
            let table = CooccurrenceTable(project: project, coder: coder, unit: unit)
            // The perspective as the table spells it.
            let chosen = perspective.flatMap { name in table.columns.first { $0 == Perspective(name) } ?? Perspective(name) }
            switch format {
            case .csv, .json: return CommandResult(standardOutput: CooccurrenceCSVRenderer.render(table, perspective: chosen))
            case .md: return CommandResult(standardOutput: CooccurrenceMarkdownRenderer.render(table, codebook: project.codebook, perspective: chosen))
            }
        }
    }
}
