import Foundation

/// The outcome of reading a project: the project as far as it could be read, and every problem found.
public struct ProjectLoad: Sendable {
    /// The project as far as it could be read.
    public var project: Project
    /// Sorted by file and line.
    public var diagnostics: [Diagnostic]

    /// The diagnostics that are errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The diagnostics that are warnings.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads a project folder for a command that needs the whole project (counts, reports, agreement,
/// `check`): scans it (``CorpusScanner``), streams every document through the corpus reader
/// (``CorpusReader``), keeping of each its outline and codings, reads the codings files, and
/// assembles the project (``ProjectAssembler``).
public enum ProjectLoader {
    /// The project's folder of codebooks.
    public static let codebookFolder = CorpusScanner.codebookFolder
    /// The project's folder of transcripts, tables and codings.
    public static let corpusFolder = CorpusScanner.corpusFolder
    /// The folder a report is written to unless another is chosen.
    public static let reportFolder = CorpusScanner.reportFolder

    /// Loads the project; only problems that make reading impossible are thrown.
    public static func load(directory: String, codebook codebookName: String? = nil,
                            archiveLimits: ArchiveLimits = .default) throws(ProjectError) -> ProjectLoad {
        try load(directory: directory, codebook: codebookName, archiveLimits: archiveLimits) { _ in () }.load
    }

    /// Loads the project and, while each document streams by with its text, what `gathering` takes
    /// from it: a command's own facts (hits, the length of quotes, names for `check`). The values come
    /// in the order of `load.project.documents`.
    public static func load<Extra: Sendable>(directory: String, codebook codebookName: String? = nil,
                                             archiveLimits: ArchiveLimits = .default,
                                             gathering extra: @escaping @Sendable (Document) -> Extra) throws(ProjectError) -> (load: ProjectLoad, extras: [Extra]) {
        let scan = try CorpusScanner.scan(directory: directory, codebook: codebookName)
        return load(scan, directory: directory, archiveLimits: archiveLimits, gathering: extra)
    }

    /// `load`, from a scan already made.
    public static func load<Extra: Sendable>(_ scan: CorpusScan, directory: String, archiveLimits: ArchiveLimits = .default,
                                             gathering extra: @escaping @Sendable (Document) -> Extra) -> (load: ProjectLoad, extras: [Extra]) {
        var extras: [Extra] = []
        let load = load(scan, directory: directory, archiveLimits: archiveLimits, streaming: extra) { extras.append($0) }
        return (load, extras)
    }

    /// `load`, handing what `extra` takes from each document to `body` as soon as the documents before it
    /// have been handed on, on the calling thread and in the order of `load.project.documents`, instead of
    /// collecting them: a command that writes what it takes (`export --qdpx`) never holds all of it.
    public static func load<Extra: Sendable>(_ scan: CorpusScan, directory: String, archiveLimits: ArchiveLimits = .default,
                                             streaming extra: @escaping @Sendable (Document) -> Extra,
                                             _ body: (Extra) -> Void) -> ProjectLoad {
        // One suggester for tags and codings, so each unknown id is looked up once.
        let suggester = CodeSuggester(codebook: scan.codebook)
        let reader = CorpusReader(scan, limits: archiveLimits, suggester: suggester)
        var assembler = ProjectAssembler(scan, directory: directory, corpus: reader, suggester: suggester)
        let codebook = scan.codebook
        var ids: Set<String> = []
        var diagnostics: [Diagnostic] = []
        // Word coding sheets are read first: each is compared with its document's text as it streams by.
        let sheets = readSheets(of: scan, limits: archiveLimits, diagnostics: &diagnostics)
        let pseudonyms = scan.pseudonyms
        var sheetReadings: [Int: (documentID: String, moves: [CodingSheet.Move])] = [:]
        reader.forEach(transform: { parsed in
            let id = parsed.document.id
            let moves = sheets.indices.filter { sheets[$0].isFor(documentID: id) }.map { ($0, sheets[$0].moves(in: parsed.document, pseudonyms: pseudonyms)) }
            return (CodedDocument(parsed, codebook: codebook), extra(parsed.document), moves)
        }) { result in
            // A document whose id is taken is left out, and so are its extras.
            if let id = result.documentID, let value = result.value, ids.insert(id).inserted {
                body(value.1)
                for (sheet, moves) in value.2 where sheetReadings[sheet] == nil { sheetReadings[sheet] = (id, moves) }
            }
            assembler.add(CorpusReader.Result(path: result.path, documentID: result.documentID, value: result.value?.0, diagnostics: result.diagnostics))
        }
        for file in CorpusScanner.codingFiles(of: scan, diagnostics: &diagnostics) {
            let path = CorpusScanner.relative(file, to: scan.root)
            let bytes: [UInt8]
            do throws(FileBytes.Failure) {
                bytes = try FileBytes.read(file.path)
            } catch {
                diagnostics.append(ProjectError.unreadableCodingsFile(SourceLocation(file: path), reason: error.reason))
                continue
            }
            let coder = file.deletingPathExtension().lastPathComponent
            guard let text = TextDecoder.text(of: bytes, file: path, diagnostics: &diagnostics) else { continue }
            assembler.addCodings(text, file: path, coder: coder)
        }
        for (index, sheet) in sheets.enumerated() { assembler.addSheet(sheet, reading: sheetReadings[index]) }
        assembler.add(diagnostics)
        return assembler.finish()
    }

    /// The Word coding sheets of `Corpus/codings/` (``CorpusScanner/sheetFiles(of:)``); one that
    /// cannot be read, or holds no codes table, is an error in `diagnostics`.
    static func readSheets(of scan: CorpusScan, limits: ArchiveLimits, diagnostics: inout [Diagnostic]) -> [CodingSheet] {
        var sheets: [CodingSheet] = []
        for file in CorpusScanner.sheetFiles(of: scan) {
            let path = CorpusScanner.relative(file, to: scan.root)
            let location = SourceLocation(file: path)
            do throws(FileBytes.Failure) {
                let bytes = try FileBytes.read(file.path)
                do throws(DocumentReaderError) {
                    guard let sheet = try CodingSheet.read(Data(bytes), file: path, limits: limits) else {
                        diagnostics.append(SheetError.noCodesTable(location))
                        continue
                    }
                    sheets.append(sheet)
                } catch {
                    diagnostics.append(SheetError.unreadable(location, reason: error.message, advice: error.advice))
                }
            } catch {
                diagnostics.append(ProjectError.unreadableCodingsFile(location, reason: error.reason))
            }
        }
        return sheets
    }
}
