/// Problems that stop a project from being read at all (as opposed to diagnostics inside it).
public enum ProjectError: Error, Sendable, Equatable, CustomStringConvertible {
    case folderMissing(String)
    case noCodebook(folder: String)
    case severalCodebooks([String])
    case codebookNotFound(String)
    case unreadable(file: String, reason: String)
    /// The codebook's bytes are not text (a NUL byte, broken UTF-16 or UTF-32).
    case undecodable(file: String, TextDecodingError)

    public var description: String {
        switch self {
        case .folderMissing(let folder):
            "\(folder): error: folder not found — run codeboom in a project folder (with Codebooks/ and Corpus/) or pass --project DIR"
        case .noCodebook(let folder):
            "\(folder): error: no codebook (.md) found — add one, e.g. Codebooks/codeboom.md"
        case .severalCodebooks(let files):
            "Codebooks: error: several codebooks (\(files.joined(separator: ", "))) — choose one with --codebook FILE"
        case .codebookNotFound(let file):
            "\(file): error: codebook not found — check the name given to --codebook"
        case .unreadable(let file, let reason):
            "\(file): error: cannot be read (\(reason)) — check that the file exists and is readable"
        case .undecodable(let file, let error):
            "\(file):\(error)"
        }
    }
}
