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

    /// `--evaluate --against CODER`: needs the whole project, with the person's codings; the rules'
    /// hits are found in each document as it streams by.
    static func evaluate(options: ProjectOptions, includeInterviewer: Bool, against: String) -> CommandResult {
        var scannedRules: KeywordRules? = nil
        return CommandRunner.withProject(options, gathering: { scan in
            scannedRules = scan.keywordRules
            let isUsable = (try? usable(scan.keywordRules, codebook: scan.codebook).get()) != nil
            let autoCoder = AutoCoder(rules: scan.keywordRules, includeInterviewer: includeInterviewer)
            return { document in isUsable ? autoCoder.hits(in: document) : [] }
        }) { load, hits in
            let project = load.project
            let rules: KeywordRules
            switch usable(scannedRules ?? KeywordRules(codebook: project.codebook), codebook: project.codebook) {
            case .success(let usable): rules = usable
            case .failure(let failure): return failure.result
            }
            guard project.coders.contains(against) else {
                // Evaluating against nobody would compare with nothing, even in a project with no codings yet.
                return UnmatchedValue(kind: "coder", value: against, problem: "has no codings in this project", usage: "--against",
                                      valid: project.coders).result
            }
            let evaluation = AutoCodeEvaluation(project: project, hits: hits.flatMap { $0 }, rules: rules, against: against)
            return CommandResult(standardOutput: project.pseudonyms.apply(to: AutoCodeRenderer.evaluation(evaluation, codebook: project.codebook)))
        }
    }

    /// Writing proposals streams the corpus: each document is read, matched and let go, so memory
    /// holds the rows, not the transcripts.
    static func write(options: ProjectOptions, coder: String, includeInterviewer: Bool) -> CommandResult {
        let scan: CorpusScan
        do {
            scan = try CorpusScanner.scan(directory: options.directory, codebook: options.codebook)
        } catch {
            return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
        }
        let rules: KeywordRules
        switch usable(scan.keywordRules, codebook: scan.codebook) {
        case .success(let usable): rules = usable
        case .failure(let failure): return failure.result
        }
        let autoCoder = AutoCoder(rules: rules, includeInterviewer: includeInterviewer)
        var diagnostics = scan.diagnostics
        var perDocument: [(proposals: AutoCoder.SidecarRows, isTakenHere: Bool)] = []
        CorpusReader(scan, limits: options.archiveLimits).forEachDocument(transform: { parsed in
            // Whether the coder's name belongs to those whose work is in the transcript itself.
            let isTakenHere = InlineCoder.name(for: parsed.document) == coder
                || parsed.annotations.contains { ($0.initials ?? $0.author.slug) == coder }
            // Rows and counts are made here, on all cores; only they travel back to be joined.
            return (proposals: autoCoder.sidecarRows(in: parsed.document), isTakenHere: isTakenHere)
        }, diagnostics: &diagnostics) { perDocument.append($0) }
        let errors = diagnostics.filter { $0.severity == .error }.sorted()
        if !errors.isEmpty {
            let lines = errors.map(\.description) + ["\(errors.count) error(s) — fix them first (`codeboom check` lists everything)"]
            return CommandResult(standardError: lines.joined(separator: "\n") + "\n", exitStatus: CommandResult.inputErrorStatus)
        }
        let relativePath = "\(ProjectLoader.corpusFolder)/\(SidecarCodings.folder)/\(coder).csv"
        let url = scan.corpusURL.appendingPathComponent(SidecarCodings.folder).appendingPathComponent("\(coder).csv")
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
                                                                      rules: rules, codebook: scan.codebook, file: relativePath))
    }
}
