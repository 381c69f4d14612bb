import Codeboom

/// `codeboom compare --perspectives A,B [--coder NAME] [--format md|csv]`: where two perspectives differ most.
enum CompareCommand {
    static func parse(_ reader: inout OptionReader, project: ProjectOptions) throws(UsageError) -> Command {
        guard let list = try reader.value("--perspectives") else {
            throw UsageError(message: "name the two perspectives to compare with --perspectives A,B", command: "compare")
        }
        let groups = list.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard groups.count == 2, Perspective(groups[0]) != Perspective(groups[1]) else {
            throw UsageError(message: "--perspectives needs two different perspectives, like vrijwilliger,professional", command: "compare")
        }
        let coder = try reader.value("--coder") ?? InlineCoder.defaultName
        let format = try reader.format(allowed: [.md, .csv])
        return .compare(project, coder: coder, groups: groups, format: format)
    }

    static func run(_ options: ProjectOptions, coder: String, groups: [String], format: OutputFormat) -> CommandResult {
        CommandRunner.withProject(options) { load in
            let project = load.project
            for group in groups {
                if let unmatched = UnmatchedValue.perspective(group, known: project.perspectives) { return unmatched.result }
            }
            if let unmatched = UnmatchedValue.coders([coder], in: project, option: "--coder") { return unmatched.result }
            let table = FrequencyTable(project: project, coder: coder)
            let chosen = groups.map { name in table.columns.first { $0 == Perspective(name) } ?? Perspective(name) }
            // A perspective only documents have (notes without speakers) has no respondents to take a share of.
            for group in chosen where (table.rows.first { $0.perspective == group }?.respondentsInPerspective ?? 0) == 0 {
                return CommandResult(standardError: "error: perspective \"\(TerminalText.escaped(group.name))\" has no respondents, "
                                     + "only documents — compare perspectives that respondents have\n", exitStatus: CommandResult.inputErrorStatus)
            }
            let comparison = GroupComparison(table: table, codebook: project.codebook, groupA: chosen[0], groupB: chosen[1])
            switch format {
            case .csv, .json: return CommandResult(standardOutput: GroupComparisonCSVRenderer.render(comparison))
            case .md: return CommandResult(standardOutput: GroupComparisonPage.render(comparison, codebook: project.codebook))
            }
        }
    }
}
