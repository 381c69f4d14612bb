import Codeboom

/// `codeboom search`: keyword in context. Without `--code` it needs no codings, so it streams the
/// corpus, keeping only each document's hits; with `--code` it assembles the project to know the
/// codings, finding the hits in each document as it streams by.
enum SearchCommand {
    static func run(options: ProjectOptions, terms: [String], perspective: String?, code: String?, coder: String,
                    format: OutputFormat) -> CommandResult {
        let matcher: KeywordMatcher
        do {
            matcher = try KeywordMatcher(checking: KeywordTermParser.parse(terms.joined(separator: ", ")))
        } catch {
            return CommandResult(standardError: "error: search terms, \(error)\n", exitStatus: CommandResult.usageErrorStatus)
        }
        // A code, or a filter on the project's variables, needs the whole project.
        if code != nil || !options.conditions.isEmpty {
            return CommandRunner.withProject(options, gathering: { scan in
                let pseudonyms = scan.pseudonyms
                return { KeywordSearch.find(in: $0, matcher: matcher, pseudonyms: pseudonyms) }
            }) { load, found in
                if let unmatched = code.flatMap({ UnmatchedValue.code($0, in: load.project.codebook) })
                    ?? UnmatchedValue.perspective(perspective, known: load.project.perspectives)
                    ?? (code == nil ? nil : UnmatchedValue.coders([coder], in: load.project, option: "--coder")) {
                    return unmatched.result
                }
                // Filtered, a hit stays when its turn still counts as before: the words of someone the filter keeps,
                // or an interviewer's question in a document it keeps.
                let kept = found.enumerated().map { position, hits in
                    hits.filter { load.project.documents[position].segment(number: $0.hit.segmentNumber)?.speaker == $0.speaker }
                }
                let search = KeywordSearch(project: load.project, found: kept, perspective: perspective.map(Perspective.init),
                                           code: code, coder: coder)
                let scope = AnalysisScope.lines(conditions: options.conditions, grouping: nil)
                let shown = format == .md ? scope.map { $0 + "\n\n" }.joined() : ""
                return CommandResult(standardOutput: shown + render(search, format: format))
            }
        }
        let scan: CorpusScan
        do {
            scan = try CorpusScanner.scan(directory: options.directory, codebook: options.codebook)
        } catch {
            return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
        }
        if let refusal = scan.pseudonyms.refusal(command: "search") { return refusal }
        var diagnostics = scan.diagnostics
        let search = KeywordSearch(corpus: CorpusReader(scan, limits: options.archiveLimits), pseudonyms: scan.pseudonyms, matcher: matcher,
                                   perspective: perspective.map(Perspective.init), diagnostics: &diagnostics)
        // Problems elsewhere in the project do not stop a search; unreadable documents are named.
        let errors = diagnostics.filter { $0.severity == .error }.sorted()
        let note = errors.isEmpty ? "" : errors.map(\.description).joined(separator: "\n") + "\n"
        if let unmatched = UnmatchedValue.perspective(perspective, known: search.perspectives) {
            return CommandResult(standardError: note + unmatched.message, exitStatus: CommandResult.inputErrorStatus)
        }
        return CommandResult(standardOutput: render(search, format: format), standardError: note)
    }

    /// The renderer the format names; `search` takes md or csv (the parser refuses json).
    static func render(_ search: KeywordSearch, format: OutputFormat) -> String {
        switch format {
        case .md: SearchMarkdownRenderer.render(search)
        case .csv, .json: SearchCSVRenderer.render(search)
        }
    }
}
