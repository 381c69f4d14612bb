import Codeboom

extension PseudonymTable {
    /// Why a command that prints transcript text must not run, or nil when it may: without a usable
    /// `pseudoniemen.csv` it would print real names.
    func refusal(command: String) -> CommandResult? {
        guard !canPseudonymise else { return nil }
        let lines = errors.map(\.description)
            + ["error: \(command) prints transcript text, and \(PseudonymTable.fileName) cannot be applied — fix it first"]
        return CommandResult(standardError: lines.joined(separator: "\n") + "\n", exitStatus: CommandResult.inputErrorStatus)
    }
}
