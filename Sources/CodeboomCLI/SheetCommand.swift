import Codeboom

/// `codeboom sheet DOC… --coder NAME`: a Word coding sheet per document.
enum SheetCommand {
    static func run(options: ProjectOptions, documents: [String], coder: String) -> CommandResult {
        CommandResult(standardError: "error: writing sheets is not built yet\n", exitStatus: CommandResult.inputErrorStatus)
    }
}
