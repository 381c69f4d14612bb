/// Why a REFI-QDA or CSV export could not be written; the file at the destination is left as it was.
public enum REFIExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Writing the file failed (``ZipWriter/WriteError`` says where and why).
    case cannotWrite(ZipWriter.WriteError)
    /// The codebook has no code, and a REFI-QDA codebook needs at least one.
    case emptyCodebook(file: String)
    /// A document's file changed between reading the project and exporting its text.
    case documentChanged(file: String)
    /// The project was not read from a folder, so its texts cannot be read again.
    case noCorpus

    /// `path: error: what — what to do`.
    public var description: String {
        switch self {
        case .cannotWrite(let error):
            error.description
        case .emptyCodebook(let file):
            "\(TerminalText.escaped(file)): error: the codebook has no codes, and a REFI-QDA codebook needs at least one — add a ## category first"
        case .documentChanged(let file):
            "\(TerminalText.escaped(file)): error: the file changed while it was being exported — run the export again when nothing writes to the corpus"
        case .noCorpus:
            "error: the project has no corpus folder to read the texts from — export a project read from its folder"
        }
    }
}
