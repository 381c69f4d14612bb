import Codeboom

/// `codeboom check`: every problem of the project at once, and a summary.
enum CheckCommand {
    /// `nameNotes`: per document, the note that it holds listed names (``PseudonymTable/nameNote(for:)``).
    static func run(_ load: ProjectLoad, nameNotes: [Diagnostic?] = []) -> CommandResult {
        let project = load.project
        let diagnostics = (load.diagnostics + nameNotes.compactMap { $0 } + [project.codebook.groupingNote].compactMap { $0 }).sorted()
        var lines = diagnostics.map(\.description)
        let segmentCount = project.documents.reduce(0) { $0 + $1.segments.count }
        let notes = diagnostics.filter { $0.severity == .note }.count
        let summary = "\(load.errors.count) error(s), \(load.warnings.count) warning(s)\(notes > 0 ? ", \(notes) note(s)" : "") — \(project.documents.count) documents, "
            + "\(segmentCount) segments, \(project.respondents.count) respondents, \(project.codebook.codes.count) codes, "
            + "\(project.codings.count) codings by \(project.coders.count) coder(s)"
        lines.append(summary)
        let output = lines.joined(separator: "\n") + "\n"
        return CommandResult(standardOutput: output, exitStatus: load.errors.isEmpty ? 0 : CommandResult.inputErrorStatus)
    }
}
