/// What the user asked for on the command line, parsed and validated.
public enum Command: Sendable, Equatable {
    case check(ProjectOptions)
    case freq(ProjectOptions, coder: String, format: OutputFormat)
    case segments(ProjectOptions, document: String)
    case autocode(ProjectOptions, coder: String, includeInterviewer: Bool, evaluateAgainst: String?)
    case search(ProjectOptions, terms: [String], perspective: String?, code: String?, coder: String, format: OutputFormat)
    /// `force`: write into an `--out` folder that holds files a report did not write (``ReportDestination``).
    case report(ProjectOptions, coder: String, output: String?, date: String?, force: Bool = false)
    case agree(ProjectOptions, coders: [String], unit: AgreementTable.Unit, format: OutputFormat, disagreements: Bool)
    case help(topic: String?)
    case version
}

/// Where the project is and which codebook to use; shared by every command that reads a project.
public struct ProjectOptions: Sendable, Equatable {
    public var directory: String = "."
    public var codebook: String? = nil
    /// Raised limit for .docx/.odt archives, in MB (`--max-archive-size`).
    public var maxArchiveMegabytes: Int? = nil

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
    case md, csv, json
}

/// A command line that cannot be understood; exit status 64.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var command: String?

    public var description: String {
        "error: \(TerminalText.escaped(message)) — see `codeboom \(command.map { "\(TerminalText.escaped($0)) " } ?? "")--help`"
    }
}
