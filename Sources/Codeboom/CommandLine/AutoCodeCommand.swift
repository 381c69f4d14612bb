import Foundation

/// `codeboom autocode`: propose codings from keyword rules, or evaluate the rules against a person.
enum AutoCodeCommand {
    static func run(_ project: Project, options: ProjectOptions, coder: String, includeInterviewer: Bool, against: String?) -> CommandResult {
        let rules = KeywordRules(codebook: project.codebook)
        if !rules.diagnostics.isEmpty {
            return CommandResult(standardError: rules.diagnostics.map(\.description).joined(separator: "\n") + "\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        guard !rules.codeIDs.isEmpty else {
            return CommandResult(standardError: "\(project.codebook.file): error: no code has trefwoorden — add `trefwoorden: term, term` under a code\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        let hits = AutoCoder(rules: rules, includeInterviewer: includeInterviewer).hits(in: project)
        if let against {
            guard project.coders.contains(against) else {
                return CommandResult(standardError: "error: coder \"\(against)\" has no codings — coders: \(project.coders.joined(separator: ", "))\n",
                                     exitStatus: CommandResult.inputErrorStatus)
            }
            let evaluation = AutoCodeEvaluation(project: project, hits: hits, rules: rules, against: against)
            return CommandResult(standardOutput: AutoCodeRenderer.evaluation(evaluation, codebook: project.codebook))
        }
        let relativePath = "\(ProjectLoader.corpusFolder)/\(SidecarCodings.folder)/\(coder).csv"
        // Never overwrite a person's work: only the auto-coder's own file, or a new one.
        let ownedByOthers = project.codings.contains { $0.coder == coder && $0.location.file != relativePath }
        let url = URL(fileURLWithPath: options.directory).appendingPathComponent(relativePath)
        if coder == InlineCoder.defaultName || ownedByOthers
            || (coder != AutoCoder.defaultCoder && FileManager.default.fileExists(atPath: url.path)) {
            return CommandResult(standardError: "\(relativePath): error: coder \"\(coder)\" already has codings of a person — choose another --coder, e.g. auto\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        do {
            try AtomicFileWriter.write(SidecarCodings.render(AutoCoder.codings(from: hits, coder: coder, project: project)), to: url)
        } catch {
            return CommandResult(standardError: "\(error)\n", exitStatus: CommandResult.inputErrorStatus)
        }
        return CommandResult(standardOutput: AutoCodeRenderer.summary(hits, rules: rules, codebook: project.codebook, file: relativePath))
    }
}
