import Codeboom
import Foundation

/// `codeboom sheet DOC… --coder NAME`: a Word coding sheet per document
/// (`Corpus/codings/NAME-DOC.docx`, ``CodingSheetWriter``), never replacing one that is there.
enum SheetCommand {
    static func run(options: ProjectOptions, documents ids: [String], coder: String) -> CommandResult {
        let scan: CorpusScan
        do {
            scan = try CorpusScanner.scan(directory: options.directory, codebook: options.codebook)
        } catch {
            return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
        }
        if let refusal = scan.pseudonyms.refusal(command: "sheet") { return refusal }
        let wanted = Set(ids)
        // Only the files that may hold the documents are read (``CorpusScanner/files(mayHold:in:)``).
        var seen: Set<String> = []
        var files: [CorpusFile] = []
        for id in ids {
            for file in CorpusScanner.files(mayHold: id, in: scan) where seen.insert(file.path).inserted { files.append(file) }
        }
        files.sort { $0.path < $1.path }
        var found: [String: Document] = [:]
        var ignored: [Diagnostic] = []
        let reader = CorpusReader(scan, limits: options.archiveLimits)
        // The first document with an id counts, as in a project.
        reader.forEachDocument(files, transform: { parsed in wanted.contains(parsed.document.id) ? parsed.document : nil },
                               diagnostics: &ignored) { document in
            if let document, found[document.id] == nil { found[document.id] = document }
        }
        if let missing = ids.first(where: { found[$0] == nil }) {
            var all: [String] = []
            reader.forEachDocument(transform: { $0.document.id }, diagnostics: &ignored) { all.append($0) }
            return UnmatchedValue.document(missing, among: all, command: "sheet").result
        }
        let folder = scan.corpusURL.appendingPathComponent(SidecarCodings.folder)
        var result = CommandResult()
        for id in ids {
            guard let document = found[id] else { continue }
            let name = CodingSheetWriter.fileName(coder: coder, documentID: id)
            let shown = "\(ProjectLoader.corpusFolder)/\(SidecarCodings.folder)/\(name)"
            // A document id becomes part of a file name: one with a path in it is refused.
            guard !id.contains("/"), !id.hasPrefix(".") else {
                result.standardError += "\(TerminalText.escaped(shown)): error: the document id \"\(TerminalText.escaped(id))\" cannot be part of a file name — give the document a plain `id:`\n"
                result.exitStatus = CommandResult.inputErrorStatus
                continue
            }
            let url = folder.appendingPathComponent(name)
            // Never over a coder's sheet: it may hold a day's work.
            if FileManager.default.fileExists(atPath: url.path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil {
                result.standardError += "\(TerminalText.escaped(shown)): error: this sheet is already there and is never replaced — "
                    + "rename or move it first if you want a new one\n"
                result.exitStatus = CommandResult.inputErrorStatus
                continue
            }
            let sheet = CodingSheetWriter.document(of: document, coder: coder, codebook: scan.codebook, pseudonyms: scan.pseudonyms)
            do {
                try write(sheet, to: url)
            } catch {
                result.standardError += "\(error)\n"
                result.exitStatus = CommandResult.inputErrorStatus
                continue
            }
            result.standardOutput += "\(shown): \(document.segments.count) segments\n"
        }
        return result
    }

    /// Writes a Word document as a `.docx`, atomically.
    static func write(_ document: WordDocument, to url: URL) throws(ZipWriter.WriteError) {
        var zip = try ZipWriter(destination: url)
        for part in WordDocumentWriter.parts(of: document) {
            try zip.add(path: part.path, data: Data(part.bytes))
        }
        try zip.finish()
    }
}
