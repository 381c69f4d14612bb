import Codeboom

/// `codeboom matrix --by respondent|document [--counts] [--coder NAME] [--format csv|md] [--excel]`:
/// the case × code table for SPSS, R and Excel.
enum MatrixCommand {
    static func parse(_ reader: inout OptionReader, project: ProjectOptions) throws(UsageError) -> Command {
        let unitText = try reader.value("--by") ?? "respondent"
        guard let unit = RespondentMatrix.Unit(rawValue: unitText) else {
            throw UsageError(message: "unknown unit \"\(unitText)\" (use respondent or document)", command: "matrix")
        }
        let counts = reader.flag("--counts")
        let excel = reader.flag("--excel")
        let coder = try reader.value("--coder") ?? InlineCoder.defaultName
        // The matrix is for other programs: CSV unless Markdown is asked for.
        let format = try reader.value("--format").map { text throws(UsageError) -> OutputFormat in
            guard let format = OutputFormat(rawValue: text), format != .json else {
                throw UsageError(message: "unknown format \"\(text)\" (use csv or md)", command: "matrix")
            }
            return format
        } ?? .csv
        if excel && format != .csv { throw UsageError(message: "--excel goes with --format csv", command: "matrix") }
        return .matrix(project, coder: coder, unit: unit, counts: counts, format: format, excel: excel)
    }

    static func run(_ options: ProjectOptions, coder: String, unit: RespondentMatrix.Unit, counts: Bool, format: OutputFormat, excel: Bool) -> CommandResult {
        CommandRunner.withProject(options) { load in
            if let unmatched = UnmatchedValue.coders([coder], in: load.project, option: "--coder") { return unmatched.result }
            let matrix = RespondentMatrix(project: load.project, coder: coder, unit: unit, counts: counts)
            let text = format == .md ? RespondentMatrixMarkdownRenderer.render(matrix) : RespondentMatrixCSVRenderer.render(matrix, dialect: excel ? .excel : .standard)
            // Respondent ids are printed, never names: pseudonyms apply as on every output.
            return CommandResult(standardOutput: load.project.pseudonyms.apply(to: text))
        }
    }
}
