import Codeboom
import Foundation

/// Turns `CommandLine.arguments` into a `Command`, as a pure function that tests can call.
public enum CommandParser {
    /// The commands, in the order the help lists them.
    public static let commandNames = ["init", "check", "freq", "report", "agree", "autocode", "search", "segments",
                                      "codes", "sheet", "review", "merge", "cooc", "matrix", "compare", "memos", "export", "import"]

    /// The command these arguments (without the program name) ask for, or the usage error.
    public static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        var arguments = arguments
        guard let name = arguments.first else { return .help(topic: nil) }
        arguments.removeFirst()
        switch name {
        case "--help", "-h", "help": return .help(topic: arguments.first)
        case "--version": return .version
        default: break
        }
        guard commandNames.contains(name) else {
            throw UsageError(message: "unknown command \"\(name)\"", command: nil)
        }
        var reader = OptionReader(arguments: arguments, command: name)
        if reader.flag("--help") || reader.flag("-h") { return .help(topic: name) }
        if name == "init" { return try InitCommand.parse(&reader) }
        if name == "import" { return try ImportCommand.parse(&reader) }
        var project = ProjectOptions()
        if let directory = try reader.value("--project") { project.directory = directory }
        project.codebook = try reader.value("--codebook")
        if let size = try reader.value("--max-archive-size") {
            let limit = ProjectOptions.maxArchiveMegabytesLimit
            guard size.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let megabytes = Int(size), (1...limit).contains(megabytes) else {
                throw UsageError(message: "--max-archive-size takes a whole number of MB from 1 to \(limit), like 500", command: name)
            }
            project.maxArchiveMegabytes = megabytes
        }
        // Filters on the commands that count and on export; groups on freq and report.
        if ["freq", "report", "agree", "search", "export"].contains(name) { project.conditions = try reader.conditions() }
        if ["freq", "report"].contains(name) { project.groupBy = try reader.value("--by") }
        let command: Command
        switch name {
        case "check":
            command = .check(project)
        case "freq":
            let coder = try reader.value("--coder") ?? InlineCoder.defaultName
            let format = try reader.format()
            let excel = reader.flag("--excel")
            if excel && format != .csv { throw UsageError(message: "--excel goes with --format csv", command: name) }
            command = .freq(project, coder: coder, format: format, excel: excel)
        case "autocode":
            // The coder's name becomes the file name Corpus/codings/CODER.csv.
            let coder = try reader.value("--coder").map { value throws(UsageError) in try plainName(value, option: "--coder", command: name) }
                ?? AutoCoder.defaultCoder
            let includeInterviewer = reader.flag("--include-interviewer")
            let evaluate = reader.flag("--evaluate")
            let against = try reader.value("--against")
            if evaluate && against == nil {
                throw UsageError(message: "--evaluate needs --against CODER, the person to compare with", command: name)
            }
            if against != nil && !evaluate {
                throw UsageError(message: "--against goes with --evaluate", command: name)
            }
            command = .autocode(project, coder: coder, includeInterviewer: includeInterviewer, evaluateAgainst: against)
        case "search":
            let perspective = try reader.value("--perspective")
            let code = try reader.value("--code")
            let coder = try reader.value("--coder") ?? InlineCoder.defaultName
            let format = try reader.format(allowed: [.md, .csv])
            var terms: [String] = []
            while let term = reader.positional() { terms.append(term) }
            guard !terms.isEmpty else { throw UsageError(message: "give at least one search term", command: name) }
            command = .search(project, terms: terms, perspective: perspective, code: code, coder: coder, format: format)
        case "report":
            command = .report(project, coder: try reader.value("--coder") ?? InlineCoder.defaultName,
                              output: try reader.value("--out"), date: try reader.value("--date"), force: reader.flag("--force"))
        case "agree":
            guard let coderList = try reader.value("--coders") else {
                throw UsageError(message: "name at least two coders with --coders A,B", command: name)
            }
            let coders = coderList.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard coders.count >= 2, Set(coders).count == coders.count else {
                throw UsageError(message: "--coders needs two or more different coders, like inline,TS", command: name)
            }
            let unitText = try reader.value("--unit") ?? "segment"
            guard let unit = AgreementTable.Unit(rawValue: unitText) else {
                throw UsageError(message: "unknown unit \"\(unitText)\" (use segment or document)", command: name)
            }
            let disagreements = reader.flag("--disagreements")
            command = .agree(project, coders: coders, unit: unit, format: try reader.format(), disagreements: disagreements)
        case "codes":
            var format = CodeListFormat.text
            if let text = try reader.value("--format") {
                guard let chosen = CodeListFormat(rawValue: text) else {
                    throw UsageError(message: "unknown format \"\(text)\" (use text, md or docx)", command: name)
                }
                format = chosen
            }
            let output = try reader.value("--out")
            let force = reader.flag("--force")
            guard output == nil || format == .docx else {
                throw UsageError(message: "--out goes with --format docx; text and md are printed", command: name)
            }
            command = .codes(project, format: format, output: output, force: force)
        case "sheet":
            guard let coderValue = try reader.value("--coder") else {
                throw UsageError(message: "name the coder with --coder NAME; the sheet is Corpus/codings/NAME-DOCUMENT.docx", command: name)
            }
            let coder = try plainName(coderValue, option: "--coder", command: name)
            var documents: [String] = []
            while let document = reader.positional() { documents.append(document) }
            guard !documents.isEmpty else { throw UsageError(message: "name the document(s) to make a sheet for", command: name) }
            command = .sheet(project, documents: documents, coder: coder)
        case "review":
            let from = try reader.value("--from") ?? AutoCoder.defaultCoder
            guard let intoValue = try reader.value("--into") else {
                throw UsageError(message: "name whose codings the answers become with --into NAME (Corpus/codings/NAME.csv)", command: name)
            }
            let into = try intoName(intoValue, command: name)
            guard into != from else { throw UsageError(message: "--into must be another coder than --from", command: name) }
            command = .review(project, from: from, into: into)
        case "merge":
            guard let coderList = try reader.value("--coders") else {
                throw UsageError(message: "name the two coders with --coders A,B", command: name)
            }
            let coders = coderList.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard coders.count == 2, coders[0] != coders[1] else {
                throw UsageError(message: "--coders needs two different coders, like inline,TS", command: name)
            }
            guard let intoValue = try reader.value("--into") else {
                throw UsageError(message: "name the merged coder with --into NAME (Corpus/codings/NAME.csv)", command: name)
            }
            let into = try intoName(intoValue, command: name)
            guard !coders.contains(into) else { throw UsageError(message: "--into must be a new coder, not \(into) itself", command: name) }
            command = .merge(project, coders: coders, into: into)
        case "segments":
            guard let document = reader.positional() else {
                throw UsageError(message: "name the document whose segments to list", command: name)
            }
            var format = SegmentListFormat.md
            if let text = try reader.value("--format") {
                guard let chosen = SegmentListFormat(rawValue: text) else {
                    throw UsageError(message: "unknown format \"\(text)\" (use md or tsv)", command: name)
                }
                format = chosen
            }
            command = .segments(project, document: document, format: format)
        case "cooc":
            command = try CoocCommand.parse(&reader, project: project)
        case "matrix":
            command = try MatrixCommand.parse(&reader, project: project)
        case "compare":
            command = try CompareCommand.parse(&reader, project: project)
        case "memos":
            command = try MemosCommand.parse(&reader, project: project)
        case "export":
            command = try ExportCommand.parse(project, &reader)
        default:
            throw UsageError(message: "unknown command \"\(name)\"", command: nil)
        }
        try reader.finish()
        return command
    }

    /// `--into NAME` of `review` and `merge`: a plain name that is not a rejections file's (`NAME.rejected`).
    static func intoName(_ value: String, command: String) throws(UsageError) -> String {
        let name = try plainName(value, option: "--into", command: command)
        guard !(name + ".csv").lowercased().hasSuffix(ReviewCodingsFile.rejectionsSuffix) else {
            throw UsageError(message: "--into \"\(name)\" would be a file of rejections; choose a name not ending in .rejected", command: command)
        }
        return name
    }

    /// The longest plain name, in characters: with `.csv` and a temp file's `.….UUID.tmp` around
    /// it, it stays within the 255 bytes a file name may have.
    public static let plainNameLimit = 50

    /// A value that becomes a file name: letters, digits, `-`, `_` and `.`, not starting with `.`,
    /// at most ``plainNameLimit`` characters. Anything else (`../x`, `a/b`, an empty or hidden name,
    /// spaces, control characters) is a usage error, so no option can write outside its folder.
    public static func plainName(_ value: String, option: String, command: String) throws(UsageError) -> String {
        let scalars = value.unicodeScalars
        let allowed = scalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .decimalNumber:
                return true
            default:
                return scalar == "-" || scalar == "_" || scalar == "."
            }
        }
        let first = scalars.first.map { $0 != "." && !$0.properties.generalCategory.isMark } ?? false
        guard allowed, first, scalars.count <= plainNameLimit else {
            throw UsageError(message: "\(option) \"\(value)\" is not a plain name: use letters, digits, -, _ and . (not first), "
                             + "at most \(plainNameLimit) characters, like auto or auto-2", command: command)
        }
        return value
    }
}

extension Unicode.GeneralCategory {
    var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}

/// Reads `--name value` and `--name=value` options and positional arguments, reporting leftovers.
struct OptionReader {
    var arguments: [String]
    let command: String

    mutating func flag(_ name: String) -> Bool {
        guard let index = arguments.firstIndex(of: name) else { return false }
        arguments.remove(at: index)
        return true
    }

    mutating func value(_ name: String) throws(UsageError) -> String? {
        if let index = arguments.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            let value = String(arguments[index].dropFirst(name.count + 1))
            // An empty value (`--out=`, `--coder ''`) would mean the current folder or a hidden file.
            guard !value.isEmpty else { throw UsageError(message: "\(name) needs a value", command: command) }
            arguments.remove(at: index)
            return value
        }
        guard let index = arguments.firstIndex(of: name) else { return nil }
        guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--"), !arguments[index + 1].isEmpty else {
            throw UsageError(message: "\(name) needs a value", command: command)
        }
        let value = arguments[index + 1]
        arguments.removeSubrange(index...index + 1)
        return value
    }

    mutating func format(allowed: [OutputFormat] = OutputFormat.allCases) throws(UsageError) -> OutputFormat {
        guard let text = try value("--format") else { return .md }
        guard let format = OutputFormat(rawValue: text), allowed.contains(format) else {
            throw UsageError(message: "unknown format \"\(text)\" (use \(allowed.map(\.rawValue).joined(separator: ", ")))", command: command)
        }
        return format
    }

    /// Every `--where VARIABLE=VALUE`, in order.
    mutating func conditions() throws(UsageError) -> [FilterCondition] {
        var conditions: [FilterCondition] = []
        // In the order written, `--where X=Y` and `--where=X=Y` alike, so the page states them as given.
        while let index = arguments.firstIndex(where: { $0 == "--where" || $0.hasPrefix("--where=") }) {
            let text: String
            if arguments[index] == "--where" {
                guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--"), !arguments[index + 1].isEmpty else {
                    throw UsageError(message: "--where needs a value", command: command)
                }
                text = arguments[index + 1]
                arguments.removeSubrange(index...index + 1)
            } else {
                text = String(arguments[index].dropFirst("--where=".count))
                arguments.remove(at: index)
            }
            guard let condition = FilterCondition(parsing: text) else {
                throw UsageError(message: "--where takes VARIABLE=VALUE, like organisatie=\"Op Orde\" (got \"\(text)\")", command: command)
            }
            conditions.append(condition)
        }
        return conditions
    }

    mutating func positional() -> String? {
        guard let index = arguments.firstIndex(where: { !$0.hasPrefix("-") }) else { return nil }
        return arguments.remove(at: index)
    }

    func finish() throws(UsageError) {
        if let extra = arguments.first {
            throw UsageError(message: "unexpected argument \"\(extra)\"", command: command)
        }
    }
}
