import Codeboom

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
    static func run(options: ProjectOptions, format: CodeListFormat, width: Int) -> CommandResult {
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
            return CommandResult(standardError: "error: --format docx is not built yet — use --format md and print that\n",
                                 exitStatus: CommandResult.inputErrorStatus)
        }
    }
}
