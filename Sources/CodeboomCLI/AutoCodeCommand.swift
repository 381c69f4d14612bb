import Codeboom
import Foundation

/// `codeboom autocode`: propose codings from keyword rules, or evaluate the rules against a person.
enum AutoCodeCommand {
    /// The rules, or the failure to print when they cannot be used.
    static func usable(_ rules: KeywordRules, codebook: Codebook) -> Result<KeywordRules, Failure> {
        if !rules.diagnostics.isEmpty {
            return .failure(Failure(result: CommandResult(standardError: rules.diagnostics.map(\.description).joined(separator: "\n") + "\n",
                                                          exitStatus: CommandResult.inputErrorStatus)))
        }
        guard !rules.codeIDs.isEmpty else {
            return .failure(Failure(result: CommandResult(standardError: "\(codebook.file): error: no code has trefwoorden — add `trefwoorden: term, term` under a code\n",
                                                          exitStatus: CommandResult.inputErrorStatus)))
        }
        return .success(rules)
    }

    /// Why the rules cannot be used, as what the command prints.
    struct Failure: Error {
        var result: CommandResult
    }

    /// `--evaluate --against CODER`: needs the whole project, with the person's codings.
    static func evaluate(_ project: Project, includeInterviewer: Bool, against: String) -> CommandResult {
        let rules: KeywordRules
        switch usable(KeywordRules(codebook: project.codebook), codebook: project.codebook) {
        case .success(let usable): rules = usable
        case .failure(let failure): return failure.result
        }
        guard project.coders.contains(against) else {
            return CommandResult(standardError: "error: coder \"\(against)\" has no codings — coders: \(project.coders.joined(separator: ", "))\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        let hits = AutoCoder(rules: rules, includeInterviewer: includeInterviewer).hits(in: project)
        let evaluation = AutoCodeEvaluation(project: project, hits: hits, rules: rules, against: against)
        return CommandResult(standardOutput: project.pseudonyms.apply(to: AutoCodeRenderer.evaluation(evaluation, codebook: project.codebook)))
    }

    /// Writing proposals streams the corpus: each document is read, matched and let go, so memory
    /// holds the hits, not the transcripts.
    static func write(options: ProjectOptions, coder: String, includeInterviewer: Bool) -> CommandResult {
        let setup: ProjectLoader.CorpusSetup
        do {
            setup = try ProjectLoader.prepare(directory: options.directory, codebook: options.codebook)
        } catch {
            return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
        }
        let rules: KeywordRules
        switch usable(setup.keywordRules, codebook: setup.codebook) {
        case .success(let usable): rules = usable
        case .failure(let failure): return failure.result
        }
        let autoCoder = AutoCoder(rules: rules, includeInterviewer: includeInterviewer)
        var diagnostics = setup.diagnostics
        let perDocument = ProjectLoader.uniqueDocuments(ProjectLoader.readDocuments(setup, limits: options.archiveLimits) { parsed in
            // Whether the coder's name belongs to those whose work is in the transcript itself.
            let isTakenHere = InlineCoder.name(for: parsed.document) == coder
                || parsed.annotations.contains { ($0.initials ?? $0.author.slug) == coder }
            // Rows and counts are made here, on all cores; only they travel back to be joined.
            return (proposals: autoCoder.sidecarRows(in: parsed.document), isTakenHere: isTakenHere)
        }, diagnostics: &diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.sorted()
        if !errors.isEmpty {
            let lines = errors.map(\.description) + ["\(errors.count) error(s) — fix them first (`codeboom check` lists everything)"]
            return CommandResult(standardError: lines.joined(separator: "\n") + "\n", exitStatus: CommandResult.inputErrorStatus)
        }
        let relativePath = "\(ProjectLoader.corpusFolder)/\(SidecarCodings.folder)/\(coder).csv"
        let url = setup.corpusURL.appendingPathComponent(SidecarCodings.folder).appendingPathComponent("\(coder).csv")
        // Never overwrite a person's work: only the auto-coder's own file, or a new one.
        let takenInTranscripts = perDocument.contains(where: \.isTakenHere)
        if coder == InlineCoder.defaultName || takenInTranscripts
            || (coder != AutoCoder.defaultCoder && FileManager.default.fileExists(atPath: url.path)) {
            return CommandResult(standardError: "\(relativePath): error: coder \"\(coder)\" already has codings of a person — choose another --coder, e.g. auto\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        do {
            try AtomicFileWriter.write([Array((SidecarCodings.headerWithOffsets + "\n").utf8)] + perDocument.map(\.proposals.rows), to: url)
        } catch {
            return CommandResult(standardError: "\(error)\n", exitStatus: CommandResult.inputErrorStatus)
        }
        var counts: [String: Int] = [:]
        for (index, codeID) in rules.codeIDs.enumerated() {
            counts[codeID] = perDocument.reduce(0) { $0 + $1.proposals.counts[index] }
        }
        return CommandResult(standardOutput: AutoCodeRenderer.summary(counts: counts, documents: perDocument.filter { !$0.proposals.isEmpty }.count,
                                                                      rules: rules, codebook: setup.codebook, file: relativePath))
    }
}
