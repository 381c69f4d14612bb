import Codeboom

/// What the user asked for on the command line, parsed and validated.
public enum Command: Sendable, Equatable {
    /// `init [DIR] [--leeg]`: write a new study into a new or empty folder.
    case newStudy(directory: String, content: StudyTemplate.Content)
    /// `check`: validate everything and print every problem.
    case check(ProjectOptions)
    /// `freq`: the frequency table of a coder's codings.
    case freq(ProjectOptions, coder: String, format: OutputFormat, excel: Bool = false)
    /// `segments DOC`: a document's numbered segments.
    case segments(ProjectOptions, document: String, format: SegmentListFormat = .md)
    /// `autocode`: write proposals as `coder`, or evaluate the rules against a person.
    case autocode(ProjectOptions, coder: String, includeInterviewer: Bool, evaluateAgainst: String?)
    /// `search TERM…`: keyword in context.
    case search(ProjectOptions, terms: [String], perspective: String?, code: String?, coder: String, format: OutputFormat)
    /// `force`: write into an `--out` folder that holds files a report did not write (``ReportDestination``).
    case report(ProjectOptions, coder: String, output: String?, date: String?, force: Bool = false)
    /// `agree --coders A,B`: intercoder agreement.
    case agree(ProjectOptions, coders: [String], unit: AgreementTable.Unit, format: OutputFormat, disagreements: Bool)
    /// `codes`: the codebook to code with.
    case codes(ProjectOptions, format: CodeListFormat, output: String? = nil, force: Bool = false)
    /// `sheet DOC… --coder NAME`: Word coding sheets for a coder.
    case sheet(ProjectOptions, documents: [String], coder: String)
    /// `review --from CODER --into NAME`: answer another coder's suggestions in the terminal.
    case review(ProjectOptions, from: String, into: String)
    /// `merge --coders A,B --into NAME`: the agreements of two coders, and their disagreements decided one by one.
    case merge(ProjectOptions, coders: [String], into: String)
    /// `cooc`: which codes come up together, by segment, document or respondent.
    case cooc(ProjectOptions, coder: String, unit: CooccurrenceTable.Unit, perspective: String?, format: OutputFormat)
    /// `matrix`: one row per respondent (or document), a column per code.
    case matrix(ProjectOptions, coder: String, unit: RespondentMatrix.Unit, counts: Bool, format: OutputFormat, excel: Bool)
    /// `compare --perspectives A,B`: where two perspectives differ most.
    case compare(ProjectOptions, coder: String, groups: [String], format: OutputFormat)
    /// `memos`: every memo with its code, coder, place and coded text.
    case memos(ProjectOptions, code: String?, coder: String?)
    /// `export --qdc|--qdpx|--csv FILE`: the codebook or project for REFI-QDA tools, or the codings as CSV.
    case export(ProjectOptions, ExportRequest)
    /// `import FILE --into DIR`: a REFI-QDA project or codebook as a new Codeboom project (``ImportCommand``).
    case importProject(file: String, into: String, force: Bool, options: REFIImport.Options)
    /// `--help`, for one command or all.
    case help(topic: String?)
    /// `--version`.
    case version
}

/// Where the project is and which codebook to use; shared by every command that reads a project.
public struct ProjectOptions: Sendable, Equatable {
    /// `--project`: the project folder.
    public var directory: String = "."
    /// `--codebook`: which codebook, when `Codebooks/` holds several.
    public var codebook: String? = nil
    /// Raised limit for .docx/.odt archives, in MB (`--max-archive-size`).
    public var maxArchiveMegabytes: Int? = nil
    /// `--where VARIABLE=VALUE` (repeatable): count only the words that meet every condition.
    public var conditions: [FilterCondition] = []
    /// `--by VARIABLE` of `freq` and `report`: the variable whose groups are the columns instead of `perspectief`.
    public var groupBy: String? = nil

    /// Options as given; the defaults are the current folder and its only codebook.
    public init(directory: String = ".", codebook: String? = nil, maxArchiveMegabytes: Int? = nil) {
        self.directory = directory
        self.codebook = codebook
        self.maxArchiveMegabytes = maxArchiveMegabytes
    }

    /// The largest `--max-archive-size`, in MB: 1 TB, far above any document, far below overflow.
    public static let maxArchiveMegabytesLimit = 1_048_576

    /// The archive limits these options ask for; a value beyond the range counts as its nearest end.
    public var archiveLimits: ArchiveLimits {
        var limits = ArchiveLimits.default
        if let megabytes = maxArchiveMegabytes {
            let bytes = UInt64(min(max(megabytes, 1), Self.maxArchiveMegabytesLimit)) * 1_048_576
            limits.maxEntrySize = bytes
            limits.maxTotalSize = bytes
        }
        return limits
    }
}

/// Output formats of tables.
public enum OutputFormat: String, Sendable, Equatable, CaseIterable {
    /// Markdown, CSV or JSON.
    case md, csv, json
}

/// A command line that cannot be understood; exit status 64.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The command whose `--help` to point to, or nil for the general help.
    public var command: String?

    /// The message as printed, control characters shown visibly.
    public var description: String {
        "error: \(TerminalText.escaped(message)) — see `codeboom \(command.map { "\(TerminalText.escaped($0)) " } ?? "")--help`"
    }
}
