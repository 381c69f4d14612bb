import Foundation

/// `codeboom import FILE.qdpx|FILE.qdc`: a REFI-QDA project or codebook becomes the files of a Codeboom
/// project — `Codebooks/NAME.md`, `Corpus/NAME.txt` per text source, `Corpus/codings/USER.csv` per coding
/// user and `Corpus/respondenten.csv` from the cases — written into a folder the caller gives (the command
/// line writes into a new folder beside the target and renames it, so nothing is ever half written).
///
/// The archive is read by ``ZipArchive`` and its XML by ``SafeXML`` (no zip slip, no entities, no bombs).
/// Whatever one source, selection, coding or case gets wrong is skipped with a message that names it, and the
/// rest is imported.
public enum REFIImport {
    /// What the import may choose.
    public struct Options: Sendable, Equatable {
        /// `--perspective-variable`: the variable whose values are perspectives; nil chooses one by its name.
        public var perspectiveVariable: String?
        /// `--split-dotted`: `ervaring.voldoening` becomes `ervaring` › `voldoening`.
        public var splitDotted: Bool
        /// The archive's limits.
        public var limits: ArchiveLimits

        /// Options; by default the perspective variable is chosen by name and dotted names stay as they are.
        public init(perspectiveVariable: String? = nil, splitDotted: Bool = false, limits: ArchiveLimits = REFIImport.defaultLimits) {
            self.perspectiveVariable = perspectiveVariable
            self.splitDotted = splitDotted
            self.limits = limits
        }
    }

    /// A project holds a file per source besides `project.qde`: more entries and bytes than a Word document.
    /// 100,000 entries, 2 GB in all and 200 MB per entry; the ratio limit is the documents' own.
    public static let defaultLimits = ArchiveLimits(maxEntryCount: 100_000, maxEntrySize: 200 * 1_048_576,
                                                    maxTotalSize: 2_048 * 1_048_576)

    /// Names of variables read as the perspective, compared folded.
    public static let perspectiveVariableNames = ["perspectief", "perspective", "perspectieven", "groep", "group", "rol", "role",
                                                  "doelgroep", "respondentgroep", "categorie", "category"]

    /// Why nothing could be imported.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file cannot be read.
        case unreadable(file: String, reason: String)
        /// The archive is refused (zip slip, bomb, damage, …).
        case archive(file: String, ArchiveError)
        /// The XML is refused (entities, DOCTYPE, malformed, …).
        case xml(file: String, part: String, SafeXMLError)
        /// The archive holds no `project.qde`.
        case noProjectFile(file: String, entries: [String])
        /// The root element is not a REFI-QDA `Project` or `CodeBook`.
        case notREFI(file: String, root: String)
        /// `--perspective-variable` names no variable of the project.
        case unknownPerspectiveVariable(file: String, name: String, variables: [String])
        /// A file of the new project could not be written.
        case cannotWrite(path: String, reason: String)

        /// `FILE: error: what — what to do`.
        public var description: String {
            switch self {
            case let .unreadable(file, reason):
                "\(TerminalText.escaped(file)): error: cannot read the file (\(reason)) — check the path and its permissions"
            case let .archive(file, error):
                "\(TerminalText.escaped(file)): error: not imported: \(error.message) — \(error.advice)"
            case let .xml(file, part, error):
                "\(TerminalText.escaped(file)) (\(TerminalText.escaped(part))): error: not imported: \(error) — export the project again from its program"
            case let .noProjectFile(file, entries):
                "\(TerminalText.escaped(file)): error: not a REFI-QDA project: the archive holds no project.qde (it holds \(entries.prefix(5).map { "\"\(TerminalText.escaped($0))\"" }.joined(separator: ", "))\(entries.count > 5 ? ", …" : "")) — export a .qdpx project from the program"
            case let .notREFI(file, root):
                "\(TerminalText.escaped(file)): error: not a REFI-QDA project or codebook: its root element is <\(TerminalText.escaped(root))>, not <Project> or <CodeBook> — export a .qdpx or .qdc from the program"
            case let .unknownPerspectiveVariable(file, name, variables):
                "\(TerminalText.escaped(file)): error: --perspective-variable \"\(TerminalText.escaped(name))\" is not a variable of this project — use one of: \(variables.isEmpty ? "(the project has no variables)" : TerminalText.escaped(variables.joined(separator: ", ")))"
            case let .cannotWrite(path, reason):
                "\(TerminalText.escaped(path)): error: cannot write (\(reason)) — check that the folder is writable and has room"
            }
        }
    }

    /// A source that was not imported: its name and why.
    public struct SkippedSource: Sendable, Equatable {
        /// The source's name (or path, or GUID).
        public var name: String
        /// Why it was skipped.
        public var reason: String
    }

    /// What was imported and what was not.
    public struct Summary: Sendable, Equatable {
        /// The tool that wrote the file (`origin`).
        public var origin: String?
        /// The codebook written, relative to the project (`Codebooks/NAME.md`).
        public var codebook: String
        /// How many codes the codebook has.
        public var codeCount: Int
        /// The documents written, by id, in order.
        public var documents: [String] = []
        /// Sources not imported, by name, with why.
        public var skippedSources: [SkippedSource] = []
        /// Codings written per coder (file name without `.csv`).
        public var codingsByCoder: [String: Int] = [:]
        /// The variables found, by name.
        public var variables: [String] = []
        /// The variable read as the perspective, if any.
        public var perspectiveVariable: String?
        /// Documents whose front matter got a perspective (from their own variables or their one case).
        public var documentsWithPerspective: Int = 0
        /// Rows written to `respondenten.csv`.
        public var respondentRows: Int = 0
        /// Cases read as respondents.
        public var respondents: [String] = []
        /// Codings not written to a codings file because an inline tag in the text makes them again.
        public var codingsFromTags: Int = 0
        /// Memos written to codings.
        public var memoCount: Int = 0
        /// Everything skipped or changed, one message each.
        public var warnings: [String] = []

    }

    /// Imports the file at `path` into the folder `folder` (which must exist and be empty): the whole project,
    /// or nothing and the reason. `shownPath` names the file in messages.
    public static func run(file path: String, shownPath: String? = nil, into folder: URL,
                           options: Options = Options()) throws(Failure) -> Summary {
        let shown = shownPath ?? path
        let baseName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        // Mapped, so that the pages of what has been read can be given back (ZipArchive).
        if let mapped = ByteReader.mapFile(path) {
            return try run(data: mapped, isMappedFile: true, shownPath: shown, name: baseName, into: folder, options: options)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .unreadable(file: shown, reason: (error as NSError).localizedDescription)
        }
        return try run(data: data, shownPath: shown, name: baseName, into: folder, options: options)
    }

    /// Imports a `.qdpx` (a ZIP, recognised by its first bytes) or a `.qdc` held in memory; `name` names a
    /// codebook, which has no name of its own.
    public static func run(data: Data, shownPath shown: String, name baseName: String, into folder: URL,
                           options: Options = Options()) throws(Failure) -> Summary {
        try run(data: data, isMappedFile: false, shownPath: shown, name: baseName, into: folder, options: options)
    }

    private static func run(data: Data, isMappedFile: Bool, shownPath shown: String, name baseName: String, into folder: URL,
                            options: Options) throws(Failure) -> Summary {
        // A .qdc is XML; a .qdpx is a ZIP (which starts with "PK").
        if data.starts(with: [0x50, 0x4B]) {
            let archive: ZipArchive
            // The project file is read as it is inflated: it may be larger than an entry read whole.
            do {
                archive = try ZipArchive(data: data, limits: options.limits, isMappedFile: isMappedFile, isStreamed: isProjectFile)
            } catch { throw .archive(file: shown, error) }
            let projectEntry = archive.entryNames.first { $0 == "project.qde" } ?? archive.entryNames.first(where: isProjectFile)
            guard let projectEntry else { throw .noProjectFile(file: shown, entries: archive.entryNames) }
            let stream = REFIImportStream(archive: archive, entry: projectEntry, shown: shown, fallbackName: baseName)
            if let read = try stream.readAllButSources() {
                return try build(read.project, cases: read.cases, notes: read.notes, readerWarnings: read.warnings, archive: archive,
                                 shown: shown, into: folder, options: options) { builder throws(Failure) in
                    try stream.readSources(into: &builder)
                }
            }
            // Markup the scanner does not expect (a DOCTYPE, markup that does not close): the file read whole, as
            // SafeXML refuses it or reads it.
            let xml: Data
            do { xml = try archive.data(for: projectEntry) } catch { throw .archive(file: shown, error) }
            let root: SafeXML.Element
            do { root = try SafeXML.parse(xml) } catch { throw .xml(file: shown, part: projectEntry, error) }
            return try importProject(root, archive: archive, shown: shown, fallbackName: baseName, into: folder, options: options)
        }
        let root: SafeXML.Element
        do { root = try SafeXML.parse(data) } catch { throw .xml(file: shown, part: "codebook", error) }
        return try importProject(root, archive: nil, shown: shown, fallbackName: baseName, into: folder, options: options)
    }

    /// A project file's name: `project.qde`, or another `.qde` at the top of the archive.
    private static func isProjectFile(_ name: String) -> Bool {
        !name.contains("/") && name.lowercased().hasSuffix(".qde")
    }

    private static func importProject(_ root: SafeXML.Element, archive: ZipArchive?, shown: String, fallbackName: String,
                                      into folder: URL, options: Options) throws(Failure) -> Summary {
        var warnings: [String] = []
        var project: REFIProject
        do {
            project = try REFIProjectReader.read(root, fallbackName: fallbackName, warnings: &warnings)
        } catch {
            throw .notREFI(file: shown, root: error.root)
        }
        let cases = project.cases.map(REFIImportBuilder.Case.init)
        var notes = REFIImportNotes()
        notes.add(project.notes)
        project.cases = []
        project.notes = []
        return try build(project, cases: cases, notes: notes, readerWarnings: warnings, archive: archive, shown: shown, into: folder,
                         options: options) { _ in }
    }

    /// Builds the project from `project`, its sources and then those `addSources` hands the builder — twice when
    /// the first time guessed wrong what only all the sources tell.
    private static func build(_ project: REFIProject, cases: [REFIImportBuilder.Case], notes: REFIImportNotes, readerWarnings: [String],
                              archive: ZipArchive?, shown: String, into folder: URL,
                              options: Options, addSources: (inout REFIImportBuilder) throws(Failure) -> Void) throws(Failure) -> Summary {
        var known: REFIImportBuilder.Knowledge? = nil
        while true {
            var builder = REFIImportBuilder(project: project, cases: cases, notes: notes, readerWarnings: readerWarnings, archive: archive,
                                            shown: shown, folder: folder, options: options, known: known)
            builder.add(project.sources)
            do { try addSources(&builder) } catch {
                builder.removeWritten()
                throw error
            }
            switch try builder.finish() {
            case .done(let summary):
                // The files were written without a sync each (REFIProjectBuilder.writeFile): one for them all, so
                // the project is on disk before the command moves its folder into place.
                sync()
                return summary
            case .again(let knowledge):
                known = knowledge
            }
        }
    }
}
