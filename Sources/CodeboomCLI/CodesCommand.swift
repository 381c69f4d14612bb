import Codeboom
import Foundation

/// How `codeboom codes` prints the codebook.
public enum CodeListFormat: String, Sendable, Equatable, CaseIterable {
    /// Plain text wrapped to the terminal's width.
    case text
    /// Markdown, to print on A4.
    case md
    /// A Word document, to print on A4.
    case docx
}

/// `codeboom codes`: the codebook to code with (``CodeList``). Reads the codebook only.
enum CodesCommand {
    static func run(options: ProjectOptions, format: CodeListFormat, output: String?, force: Bool, width: Int) -> CommandResult {
        let codebook: Codebook
        do {
            codebook = try CorpusScanner.scan(directory: options.directory, codebook: options.codebook).codebook
        } catch {
            return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
        }
        let list = CodeList(codebook: codebook)
        switch format {
        case .text: return CommandResult(standardOutput: list.text(width: width))
        case .md: return CommandResult(standardOutput: list.markdown())
        case .docx:
            // A .docx is bytes: written to a file named on the command line, never to a terminal.
            guard let output else {
                return CommandResult(standardError: "error: --format docx writes a file: name it with --out FILE.docx, like --out codeerboek.docx\n",
                                     exitStatus: CommandResult.usageErrorStatus)
            }
            guard output.lowercased().hasSuffix(".docx") else {
                return CommandResult(standardError: "error: --out \"\(TerminalText.escaped(output))\" must end in .docx\n", exitStatus: CommandResult.usageErrorStatus)
            }
            let url = URL(fileURLWithPath: output)
            if !force && FileManager.default.fileExists(atPath: url.path) {
                return CommandResult(standardError: "\(TerminalText.escaped(output)): error: is already there — add --force to replace it\n",
                                     exitStatus: CommandResult.inputErrorStatus)
            }
            do {
                try SheetCommand.write(list.wordDocument(), to: url)
            } catch {
                return CommandResult(standardError: "\(error)\n", exitStatus: CommandResult.inputErrorStatus)
            }
            return CommandResult(standardOutput: TerminalText.escaped(output) + "\n")
        }
    }
}
