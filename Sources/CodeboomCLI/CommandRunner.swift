import Codeboom
import Foundation

/// Runs a parsed command against the library and collects its output.
public enum CommandRunner {
    /// The release this is.
    public static let version = "0.1.0"

    /// What `--version` prints: the version and the commit it was built from, which only a build that
    /// was told it (`Scripts/install.sh`) knows; any other build says "commit unknown".
    public static var versionLine: String {
        "codeboom \(version) (\(BuildCommit.value.map { "commit \($0)" } ?? "commit unknown"))"
    }

    /// Parses the arguments (without the program name) and runs the command; a usage error exits 64.
    public static func run(arguments: [String]) -> CommandResult {
        do {
            return run(try CommandParser.parse(arguments))
        } catch {
            return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.usageErrorStatus)
        }
    }

    /// Runs a parsed command.
    public static func run(_ command: Command) -> CommandResult {
        switch command {
        case .help(let topic):
            return CommandResult(standardOutput: HelpText.text(for: topic))
        case .version:
            return CommandResult(standardOutput: versionLine + "\n")
        case .newStudy(let directory, let content):
            return InitCommand.run(directory: directory, content: content)
        case .check(let options):
            // Which transcripts hold listed names is seen while they stream by.
            return withProject(options, requireValid: false, gathering: { scan in
                let pseudonyms = scan.pseudonyms
                return { pseudonyms.nameNote(for: $0).map(Diagnostic.init) }
            }) { load, nameNotes in CheckCommand.run(load, nameNotes: nameNotes) }
        case .freq(let options, let coder, let format, let excel):
            return withProject(options) { load in
                if let unmatched = UnmatchedValue.coders([coder], in: load.project, option: "--coder") { return unmatched.result }
                let table: FrequencyTable
                var grouping: GroupingVariable? = nil
                if let groupBy = options.groupBy {
                    do throws(GroupingVariableError) { grouping = try GroupingVariable(groupBy, in: load.project) } catch {
                        return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
                    }
                    table = FrequencyTable(project: load.project, coder: coder, groupedBy: grouping!)
                } else {
                    table = FrequencyTable(project: load.project, coder: coder)
                }
                var result = CommandResult()
                switch format {
                case .csv: result.standardOutput = excel ? FrequencyCSVRenderer.render(table, dialect: .excel) : FrequencyCSVRenderer.render(table)
                case .json: result.standardOutput = FrequencyJSONRenderer.render(table)
                case .md:
                    // A page says what it counts: the filter and the groups come first.
                    let lines = AnalysisScope.lines(conditions: options.conditions, grouping: grouping)
                    result.standardOutput = lines.map { $0 + "\n\n" }.joined() + FrequencyMarkdownRenderer.render(table, codebook: load.project.codebook)
                }
                return result
            }
        case .agree(let options, let coders, let unit, let format, let disagreements):
            return withProject(options) { load in
                if let unmatched = UnmatchedValue.coders(coders, in: load.project, option: "--coders") { return unmatched.result }
                // Only the Markdown page lists disagreements, and only when asked: on a large corpus they are many.
                let table = AgreementTable(project: load.project, coders: coders, unit: unit, listingDisagreements: disagreements && format == .md)
                var result = CommandResult()
                switch format {
                case .csv: result.standardOutput = AgreementCSVRenderer.render(table)
                case .json: result.standardOutput = AgreementJSONRenderer.render(table)
                case .md:
                    // The excerpts of the units where coders differ are read again from just the documents that hold them.
                    let excerpts = disagreements ? AgreementMarkdownRenderer.excerpts(of: table, in: load.project) : [:]
                    let page = AgreementMarkdownRenderer.render(table, project: load.project, disagreements: disagreements, excerpts: excerpts)
                    result.standardOutput = AnalysisScope.stated(AnalysisScope.lines(conditions: options.conditions, grouping: nil), on: page, file: ".md")
                }
                return result
            }
        case .autocode(let options, let coder, let includeInterviewer, let against):
            guard let against else {
                return AutoCodeCommand.write(options: options, coder: coder, includeInterviewer: includeInterviewer)
            }
            return AutoCodeCommand.evaluate(options: options, includeInterviewer: includeInterviewer, against: against)
        case .search(let options, let terms, let perspective, let code, let coder, let format):
            return SearchCommand.run(options: options, terms: terms, perspective: perspective, code: code, coder: coder, format: format)
        case .report(let options, let coder, let output, let date, let force):
            let destination: ReportDestination.Choice
            do {
                destination = try ReportDestination.choose(output: output, projectDirectory: options.directory, force: force)
            } catch {
                return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.usageErrorStatus)
            }
            // Quotes are chosen by the printed length of segments, measured as the corpus streams by.
            return withProject(options, gathering: { _ in QuoteSelector.printedLengths(of:) }) { load, printedLengths in
                if let unmatched = UnmatchedValue.coders([coder], in: load.project, option: "--coder") { return unmatched.result }
                let outcome: ReportFolder.Outcome
                do {
                    // `--by`: counts and quotes per group of the variable (by perspectief, the usual report).
                    let grouping = try options.groupBy.map { groupBy throws(GroupingVariableError) in try GroupingVariable(groupBy, in: load.project) }
                    var context = ReportContext(project: load.project, coder: coder, date: date, printedLengths: printedLengths, grouping: grouping)
                    context.conditions = options.conditions
                    // For the benchmark's baseline only: the Markdown pages without charts, rapport.html and rapport.docx.
                    context.drawsFigures = ProcessInfo.processInfo.environment["CODEBOOM_REPORT_PAGES_ONLY"] != "1"
                    outcome = try ReportBuilder.write(context, to: destination.folder, replacingUnlisted: destination.replacingUnlisted)
                } catch {
                    return CommandResult(standardError: "\(error)\n", exitStatus: CommandResult.inputErrorStatus)
                }
                // One path per line, whatever the folder's name holds.
                let shown = TerminalText.escaped(destination.shown)
                var result = CommandResult(standardOutput: outcome.written.map { "\(shown)/\($0)" }.joined(separator: "\n") + "\n")
                // A folder from before manifests: pages of perspectives or deelvragen that are gone cannot be told
                // from a person's files, so they stay, and the researcher hears of them.
                let unsure = outcome.kept.filter { ($0.hasPrefix("perspectief-") || $0.hasPrefix("deelvraag-")) && $0.hasSuffix(".md") }
                if !outcome.hadManifest && !unsure.isEmpty {
                    result.standardError = "note: \(shown) had no \(ReportFolder.manifestName) yet, so these files were kept: "
                        + TerminalText.escaped(unsure.joined(separator: ", ")) + " — delete those that are pages of an earlier report\n"
                }
                return result
            }
        case .codes(let options, let format, let output, let force):
            return CodesCommand.run(options: options, format: format, output: output, force: force, width: Terminal.width())
        case .sheet(let options, let documents, let coder):
            return SheetCommand.run(options: options, documents: documents, coder: coder)
        case .review(let options, let from, let into):
            return ReviewCommand.run(options: options, from: from, into: into)
        case .merge(let options, let coders, let into):
            return MergeCommand.run(options: options, coders: coders, into: into)
        case .cooc(let options, let coder, let unit, let perspective, let format):
            return CoocCommand.run(options, coder: coder, unit: unit, perspective: perspective, format: format)
        case .matrix(let options, let coder, let unit, let counts, let format, let excel):
            return MatrixCommand.run(options, coder: coder, unit: unit, counts: counts, format: format, excel: excel)
        case .compare(let options, let coder, let groups, let format):
            return CompareCommand.run(options, coder: coder, groups: groups, format: format)
        case .memos(let options, let code, let coder):
            return MemosCommand.run(options, code: code, coder: coder)
        case .segments(let options, let documentID, let format):
            return SegmentsCommand.run(options: options, documentID: documentID, format: format)
        case .export(let options, let request):
            return ExportCommand.run(options: options, request: request)
        case .importProject(let file, let folder, let force, let options):
            return ImportCommand.run(file: file, into: folder, force: force, options: options)
        }
    }

    /// Loads the project; with `requireValid`, refuses to count when `check` would report errors,
    /// because numbers from a broken project would look exact and be wrong.
    static func withProject(_ options: ProjectOptions, requireValid: Bool = true,
                            _ body: (ProjectLoad) -> CommandResult) -> CommandResult {
        withProject(options, requireValid: requireValid, gathering: { _ in { _ in () } }) { load, _ in body(load) }
    }

    /// `withProject`, gathering from each document as it streams by what `gathering` (made from the
    /// scan) takes, in the order of the project's documents.
    static func withProject<Extra: Sendable>(_ options: ProjectOptions, requireValid: Bool = true,
                                             gathering: (CorpusScan) -> @Sendable (Document) -> Extra,
                                             _ body: (ProjectLoad, [Extra]) -> CommandResult) -> CommandResult {
        var extras: [Extra] = []
        var load: ProjectLoad
        switch loadProject(options, requireValid: requireValid, streaming: gathering, each: { extras.append($0) }) {
        case .loaded(let loaded): load = loaded
        case .refused(let result): return result
        }
        if !options.conditions.isEmpty {
            // The filter keeps some documents; what was gathered per document keeps the same ones.
            do throws(GroupingVariableError) {
                let filtered = try load.project.filtered(by: options.conditions)
                let kept = Set(filtered.documents.map(\.id))
                extras = zip(load.project.documents, extras).filter { kept.contains($0.0.id) }.map { $0.1 }
                load.project = filtered
            } catch {
                return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
            }
        }
        return withWarningsNoted(load, requireValid: requireValid, body(load, extras))
    }

    /// A project loaded, or why a command refuses it.
    enum Loaded {
        case loaded(ProjectLoad)
        case refused(CommandResult)
    }

    /// Scans and loads the project, handing what `streaming` (made from the scan) takes from each document
    /// to `each` as the corpus streams by, in the order of the project's documents; refused when it cannot
    /// be scanned or, with `requireValid`, has errors. No `--where` filter is applied.
    static func loadProject<Extra: Sendable>(_ options: ProjectOptions, requireValid: Bool,
                                             streaming: (CorpusScan) -> @Sendable (Document) -> Extra,
                                             each: (Extra) -> Void) -> Loaded {
        let scan: CorpusScan
        do {
            scan = try CorpusScanner.scan(directory: options.directory, codebook: options.codebook)
        } catch {
            return .refused(CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus))
        }
        let load = ProjectLoader.load(scan, directory: options.directory, archiveLimits: options.archiveLimits,
                                      streaming: streaming(scan), each)
        if requireValid && !load.errors.isEmpty {
            let lines = load.errors.map(\.description) + ["\(load.errors.count) error(s) — fix them first (`codeboom check` lists everything)"]
            return .refused(CommandResult(standardError: lines.joined(separator: "\n") + "\n", exitStatus: CommandResult.inputErrorStatus))
        }
        return .loaded(load)
    }

    /// `result`, with a note that the project has warnings when it has some and the command went well.
    static func withWarningsNoted(_ load: ProjectLoad, requireValid: Bool, _ result: CommandResult) -> CommandResult {
        var result = result
        // After an error of its own (a value that matches nothing) the warnings are not the news.
        if requireValid && !load.warnings.isEmpty && result.exitStatus == 0 {
            result.standardError += "note: \(load.warnings.count) warning(s); `codeboom check` lists them\n"
        }
        return result
    }
}
