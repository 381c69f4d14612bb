import Codeboom
import Foundation

/// `codeboom init [DIR] [--leeg]`: a new study in a new or empty folder, and the commands to run next.
enum InitCommand {
    /// `init`'s arguments: at most one folder (or `--project DIR`, as the other commands name it) and `--leeg`.
    static func parse(_ reader: inout OptionReader) throws(UsageError) -> Command {
        let content: StudyTemplate.Content = reader.flag("--leeg") ? .empty : .example
        let option = try reader.value("--project")
        let positional = reader.positional()
        if option != nil && positional != nil {
            throw UsageError(message: "give the folder once, as `codeboom init DIR`", command: "init")
        }
        try reader.finish()
        return .newStudy(directory: positional ?? option ?? ".", content: content)
    }

    /// Writes the study; a folder that is not empty, or not a folder, is a usage error (exit 64), as
    /// `report --out` treats a folder it may not write; a failure to write is exit 1.
    static func run(directory: String, content: StudyTemplate.Content) -> CommandResult {
        let written: [String]
        do {
            written = try StudyTemplate(content).write(into: directory)
        } catch {
            switch error {
            case .notEmpty, .notAFolder:
                return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.usageErrorStatus)
            case .unreadable, .cannotWrite:
                return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
            }
        }
        let place = directory == "." ? "this folder" : TerminalText.escaped(directory)
        var lines = ["Wrote a new study in \(place):"] + written.map { "  \(TerminalText.escaped($0))" }
        lines += ["", directory == "." ? "Read README.md, then run:" : "Read README.md there, then run:"]
        if directory != "." { lines.append("  cd \(shellQuoted(directory))") }
        lines += [
            "  codeboom check     # reads everything and reports every problem with file and line",
            "  codeboom freq      # how often each theme comes up, per perspective",
            "  codeboom report    # writes the report pages to Reports/",
        ]
        return CommandResult(standardOutput: lines.joined(separator: "\n") + "\n")
    }

    /// The folder as a shell reads it back: as it is when it holds only safe characters, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let safe = path.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./".unicodeScalars.contains(scalar))
        }
        if safe { return path }
        return "'" + TerminalText.escaped(path).replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
