import Codeboom
import Foundation

/// `codeboom import FILE.qdpx|FILE.qdc --into DIR [--perspective-variable NAME] [--split-dotted] [--force]`:
/// a project from ATLAS.ti, MAXQDA, NVivo, QualCoder, Taguette, … becomes a Codeboom project in `DIR`.
enum ImportCommand {
    /// What `import` was asked.
    struct Request: Sendable, Equatable {
        /// The `.qdpx` or `.qdc`.
        var file: String
        /// `--into`: the new project's folder.
        var folder: String
        /// `--force`: replace a folder that is not empty.
        var force: Bool
        /// The import's choices.
        var options: REFIImport.Options
    }

    static func parse(_ reader: inout OptionReader) throws(UsageError) -> Command {
        guard let folder = try reader.value("--into") else {
            throw UsageError(message: "name the new project's folder with --into DIR", command: "import")
        }
        var options = REFIImport.Options()
        options.perspectiveVariable = try reader.value("--perspective-variable")
        options.splitDotted = reader.flag("--split-dotted")
        let force = reader.flag("--force")
        if let size = try reader.value("--max-archive-size") {
            let limit = ProjectOptions.maxArchiveMegabytesLimit
            guard size.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let megabytes = Int(size), (1...limit).contains(megabytes) else {
                throw UsageError(message: "--max-archive-size takes a whole number of MB from 1 to \(limit), like 500", command: "import")
            }
            options.limits.maxEntrySize = UInt64(megabytes) * 1_048_576
            options.limits.maxTotalSize = UInt64(megabytes) * 1_048_576
        }
        guard let file = reader.positional() else {
            throw UsageError(message: "name the .qdpx or .qdc file to import", command: "import")
        }
        try reader.finish()
        return .importProject(file: file, into: folder, force: force, options: options)
    }

    /// Imports into a new folder beside `DIR` and renames it into place, so `DIR` holds the whole project or
    /// stays as it was. A folder that is not empty is refused (exit 64) unless `--force`, which replaces it.
    static func run(file: String, into folder: String, force: Bool, options: REFIImport.Options) -> CommandResult {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isFolder)
        func usage(_ message: String) -> CommandResult {
            CommandResult(standardError: "error: \(TerminalText.escaped(message)) — see `codeboom import --help`\n", exitStatus: CommandResult.usageErrorStatus)
        }
        if exists && !isFolder.boolValue { return usage("\(folder) is a file, not a folder") }
        let isEmpty = !exists || ((try? manager.contentsOfDirectory(atPath: target.path))?.isEmpty ?? false)
        if exists && !isEmpty {
            guard force else { return usage("\(folder) is not empty; import into a new or empty folder, or add --force to replace it") }
            let input = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
            let current = URL(fileURLWithPath: manager.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().path
            let home = URL(fileURLWithPath: NSHomeDirectory()).standardizedFileURL.resolvingSymlinksInPath().path
            let path = target.path
            if path == "/" || path == home || input.hasPrefix(path + "/") || current == path || current.hasPrefix(path + "/") {
                return usage("--force would replace \(folder), which holds \(path == "/" || path == home ? "your files" : input.hasPrefix(path + "/") ? "the file to import" : "the current folder"); choose another folder")
            }
        }
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).codeboom-import-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            return CommandResult(standardError: "\(TerminalText.escaped(folder)): error: cannot create the project (\(error.localizedDescription)) — check that its parent folder exists and is writable\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        let summary: REFIImport.Summary
        do {
            summary = try REFIImport.run(file: file, into: staging, options: options)
        } catch {
            try? manager.removeItem(at: staging)
            return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
        }
        // Into place: a missing or empty folder is taken over; a full one (with --force) is moved away first.
        do {
            if exists && isEmpty { try manager.removeItem(at: target) }
            var replaced: URL? = nil
            if exists && !isEmpty {
                let aside = parent.appendingPathComponent(".\(target.lastPathComponent).codeboom-replaced-\(UUID().uuidString)")
                try manager.moveItem(at: target, to: aside)
                replaced = aside
            }
            try manager.moveItem(at: staging, to: target)
            if let replaced { try? manager.removeItem(at: replaced) }
        } catch {
            try? manager.removeItem(at: staging)
            return CommandResult(standardError: "\(TerminalText.escaped(folder)): error: cannot move the project into place (\(error.localizedDescription)) — check the folder's permissions\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
        return CommandResult(standardOutput: report(summary, file: file, folder: folder),
                             standardError: summary.warnings.map { "\(TerminalText.escaped(file)): warning: \(TerminalText.escaped($0))\n" }.joined())
    }

    /// What was written and what was not, for the researcher to check against the other program.
    static func report(_ summary: REFIImport.Summary, file: String, folder: String) -> String {
        let shown = TerminalText.escaped(folder)
        var lines = ["Imported \(TerminalText.escaped(file))\(summary.origin.map { " (written by \(TerminalText.escaped($0)))" } ?? "") into \(shown):"]
        lines.append("  \(TerminalText.escaped(summary.codebook)): \(summary.codeCount) code(s)")
        lines.append("  Corpus/: \(summary.documents.count) document(s)")
        for coder in summary.codingsByCoder.keys.sorted() {
            lines.append("  Corpus/codings/\(TerminalText.escaped(coder)).csv: \(summary.codingsByCoder[coder] ?? 0) coding(s)")
        }
        if summary.codingsFromTags > 0 {
            lines.append("  inline tags in the texts: \(summary.codingsFromTags) coding(s), read from the texts again")
        }
        if summary.respondentRows > 0 {
            lines.append("  Corpus/respondenten.csv: \(summary.respondentRows) row(s)")
        }
        if summary.memoCount > 0 { lines.append("  memos: \(summary.memoCount) on codings") }
        let variables = summary.variables.isEmpty ? "none" : summary.variables.map { TerminalText.escaped($0) }.joined(separator: ", ")
        lines.append("Variables found: \(variables)")
        if let perspective = summary.perspectiveVariable {
            lines.append("Perspective: variable \"\(TerminalText.escaped(perspective))\" (\(summary.documentsWithPerspective) document(s), \(summary.respondents.count) case(s)); choose another with --perspective-variable NAME")
        } else if !summary.variables.isEmpty {
            lines.append("Perspective: no variable is named like one; choose it with --perspective-variable NAME")
        }
        if !summary.skippedSources.isEmpty {
            lines.append("Skipped \(summary.skippedSources.count) source(s):")
            for skipped in summary.skippedSources {
                lines.append("  \(TerminalText.escaped(skipped.name)): \(TerminalText.escaped(skipped.reason))")
            }
        }
        lines += ["", "Next: codeboom check --project \(InitCommand.shellQuoted(folder))"]
        return lines.joined(separator: "\n") + "\n"
    }
}
