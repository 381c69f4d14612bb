import Codeboom
import Foundation

/// What `codeboom export` is asked to write.
public struct ExportRequest: Sendable, Equatable {
    /// The kind of file.
    public enum Format: String, Sendable, Equatable {
        /// `--qdc`: the REFI-QDA codebook.
        case qdc
        /// `--qdpx`: the REFI-QDA project archive.
        case qdpx
        /// `--csv`: one row per coding.
        case csv
    }

    /// The kind of file.
    public var format: Format
    /// The file to write, relative to the current folder.
    public var output: String
    /// `--coder` names; nil for every coder (the default, and `--all-coders`).
    public var coders: [String]?
    /// `--excel`: `;`-separated UTF-8 with BOM and decimal commas (with `--csv`).
    public var excel: Bool = false
    /// `--force`: replace a file that already exists.
    public var force: Bool = false

    /// A request as parsed.
    public init(format: Format, output: String, coders: [String]? = nil, excel: Bool = false, force: Bool = false) {
        self.format = format
        self.output = output
        self.coders = coders
        self.excel = excel
        self.force = force
    }
}

/// `codeboom export --qdc FILE | --qdpx FILE [--coder NAME …|--all-coders] | --csv FILE [--excel]`.
///
/// The file is written atomically (a temporary file beside it, renamed into place) and only at the path
/// given. Refused with exit status 64, also with `--force`: a path in the project's `Corpus/` or
/// `Codebooks/` (they are its input), an existing folder, a folder that does not exist. An existing file
/// is replaced only with `--force`. A project with errors is refused, as for `freq` and `report`.
enum ExportCommand {
    static func parse(_ project: ProjectOptions, _ reader: inout OptionReader) throws(UsageError) -> Command {
        let name = "export"
        let chosen: [(ExportRequest.Format, String)] = try [
            (.qdc, reader.value("--qdc")), (.qdpx, reader.value("--qdpx")), (.csv, reader.value("--csv")),
        ].compactMap { format, value in value.map { (format, $0) } }
        guard chosen.count == 1, let (format, output) = chosen.first else {
            throw UsageError(message: "name one file to write: --qdc FILE, --qdpx FILE or --csv FILE", command: name)
        }
        var coders: [String] = []
        while let coder = try reader.value("--coder") { coders.append(coder) }
        let allCoders = reader.flag("--all-coders")
        let excel = reader.flag("--excel")
        let force = reader.flag("--force")
        if allCoders && !coders.isEmpty {
            throw UsageError(message: "--coder and --all-coders exclude each other (without either, every coder is exported)", command: name)
        }
        if format == .qdc && (allCoders || !coders.isEmpty) {
            throw UsageError(message: "--coder and --all-coders go with --qdpx or --csv; a codebook holds no codings", command: name)
        }
        if excel && format != .csv {
            throw UsageError(message: "--excel goes with --csv", command: name)
        }
        var unique: [String] = []
        for coder in coders where !unique.contains(coder) { unique.append(coder) }
        return .export(project, ExportRequest(format: format, output: output, coders: unique.isEmpty ? nil : unique, excel: excel, force: force))
    }

    static func run(options: ProjectOptions, request: ExportRequest) -> CommandResult {
        let option = "--\(request.format.rawValue)"
        do {
            try checkDestination(request.output, option: option, projectDirectory: options.directory, force: request.force)
        } catch {
            return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.usageErrorStatus)
        }
        if request.format == .qdpx && options.conditions.isEmpty { return exportProject(options: options, request: request) }
        return CommandRunner.withProject(options) { load in
            let project = load.project
            if let coders = request.coders, let unmatched = UnmatchedValue.coders(coders, in: project, option: "--coder") {
                return unmatched.result
            }
            let url = URL(fileURLWithPath: request.output)
            let shown = TerminalText.escaped(request.output)
            do {
                switch request.format {
                case .qdc:
                    let coded = Set(project.codings.entries.map { project.codings.codeIDs[Int($0.code)] })
                    guard let xml = REFICodebookExport.codebookFile(project.codebook, codedIDs: coded, origin: origin) else {
                        throw REFIExportError.emptyCodebook(file: project.codebook.file)
                    }
                    do throws(AtomicFileWriter.WriteError) { try AtomicFileWriter.write(xml, to: url) } catch {
                        return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
                    }
                    return CommandResult(standardOutput: "\(shown): \(project.codebook.codes.count) codes\n")
                case .qdpx:
                    // With --where: the texts of the documents the filter keeps are read again.
                    let export = REFIProjectExport(project: project, coders: request.coders, origin: origin)
                    return written(try export.write(to: url), of: project, shown: shown)
                case .csv:
                    if let refusal = project.pseudonyms.refusal(command: "export --csv") { return refusal }
                    let rows = try CodingCSVExport(project: project, coders: request.coders, dialect: request.excel ? .excel : .standard)
                        .write(to: url)
                    return CommandResult(standardOutput: "\(shown): \(rows) codings\n")
                }
            } catch let error as REFIExportError {
                return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
            } catch {
                return CommandResult(standardError: "error: \(error)\n", exitStatus: CommandResult.inputErrorStatus)
            }
        }
    }

    /// `export --qdpx` of the whole project: each document's text goes into the archive as the corpus streams
    /// by while the project is read (``REFIProjectArchive``), so the corpus is read once; `project.qde`
    /// follows when the project is complete. A project that cannot be exported leaves no file.
    static func exportProject(options: ProjectOptions, request: ExportRequest) -> CommandResult {
        let url = URL(fileURLWithPath: request.output)
        func failed(_ error: REFIExportError) -> CommandResult {
            CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
        }
        var archive: REFIProjectArchive
        do throws(REFIExportError) { archive = try REFIProjectArchive(destination: url) } catch { return failed(error) }
        var failure: REFIExportError? = nil
        let load: ProjectLoad
        switch CommandRunner.loadProject(options, requireValid: true, streaming: { _ in { REFIProjectArchive.Source($0) } }, each: { source in
            guard failure == nil else { return }
            do throws(REFIExportError) { try archive.add(source) } catch { failure = error }
        }) {
        case .loaded(let loaded): load = loaded
        case .refused(let result): return result
        }
        if let coders = request.coders, let unmatched = UnmatchedValue.coders(coders, in: load.project, option: "--coder") {
            return unmatched.result
        }
        if let failure { return failed(failure) }
        let export = REFIProjectExport(project: load.project, coders: request.coders, origin: origin)
        let summary: REFIProjectExport.Summary
        do throws(REFIExportError) { summary = try archive.finish(export) } catch { return failed(error) }
        return CommandRunner.withWarningsNoted(load, requireValid: true,
                                               written(summary, of: load.project, shown: TerminalText.escaped(request.output)))
    }

    /// What `export --qdpx` says it wrote, with a note when the texts hold names a pseudonym table hides elsewhere.
    static func written(_ summary: REFIProjectExport.Summary, of project: Project, shown: String) -> CommandResult {
        var result = CommandResult(standardOutput: "\(shown): \(summary.documents) documents, \(summary.codings) codings, "
                                   + "\(summary.notes) memos, \(summary.users) users, \(summary.cases) cases\n")
        if !project.pseudonyms.entries.isEmpty {
            result.standardError = "note: the archive holds the transcripts as they are, names included: "
                + "\(PseudonymTable.fileName) is not applied to a project export — share it as you would share Corpus/\n"
        }
        return result
    }

    /// What the files name as their writer.
    static var origin: String { "Codeboom \(CommandRunner.version)" }

    /// Refuses a destination the export must not write (see ``ExportCommand``).
    static func checkDestination(_ output: String, option: String, projectDirectory: String, force: Bool) throws(UsageError) {
        func refuse(_ why: String) -> UsageError { UsageError(message: "\(option) \"\(output)\" \(why)", command: "export") }
        let path = ReportDestination.canonical(output)
        let project = ReportDestination.canonical(projectDirectory)
        for input in [ProjectLoader.corpusFolder, ProjectLoader.codebookFolder] where ReportDestination.isInside(path, ReportDestination.join(project, input)) {
            throw refuse("is in \(input)/, which codeboom reads as input — write the export outside \(input)/, like --qdpx studie.qdpx")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw refuse("is a folder — give the name of a file to write, like \(output)/studie\(option == "--csv" ? ".csv" : "." + option.dropFirst(2))") }
            if !force { throw refuse("already exists — choose another name, or add --force to replace it") }
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) || !isFolder.boolValue {
            throw refuse("is in a folder that does not exist — create the folder first")
        }
    }
}
