import Foundation

/// One transcript or notes file of the corpus.
public struct CorpusFile: Sendable, Equatable {
    /// Relative to the project, as messages show it (`Corpus/interview-05.txt`).
    public var path: String
    /// As the file system finds it.
    public var absolutePath: String

    /// A corpus file at `path` (as messages show it), found at `absolutePath`.
    public init(path: String, absolutePath: String) {
        self.path = path
        self.absolutePath = absolutePath
    }

    /// The document id the file has unless its front matter gives another: its name without extension.
    public var defaultID: String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.utf8.index(after: $0)...]) } ?? path
        guard !DocumentReader.fileExtension(of: name).isEmpty, let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return name }
        return String(name[..<dot])
    }
}

/// What a project folder holds before any transcript is read: the codebook, the transcript files
/// and the corpus's tables (`documenten.csv`, `respondenten.csv`, `pseudoniemen.csv`), with the
/// problems found in them.
public struct CorpusScan: Sendable {
    /// The project folder.
    public var root: URL
    /// The project's `Corpus/` folder.
    public var corpusURL: URL
    /// The codebook, as far as it could be read.
    public var codebook: Codebook
    /// The codebook's keyword rules, compiled once for `check` and for auto-coding.
    public var keywordRules: KeywordRules
    /// Transcript files, sorted by path: the corpus order every command delivers documents in.
    public var files: [CorpusFile]
    /// `documenten.csv`; nil when it is absent or cannot be read.
    public var metadata: DocumentMetadataTable?
    /// `respondenten.csv`; empty when it is absent or cannot be read.
    public var respondentTable: RespondentTable
    /// `pseudoniemen.csv`; empty when absent, and refusing to be used when it cannot be read.
    public var pseudonyms: PseudonymTable
    /// The problems in the codebook, the corpus folder and the tables, in the order found.
    public var diagnostics: [Diagnostic]
}

/// Finds what a project folder holds: the codebook, which files are transcripts, and which
/// metadata the corpus's tables give them. Reads the codebook and the tables, never a transcript.
public enum CorpusScanner {
    /// The project's folder of codebooks.
    public static let codebookFolder = "Codebooks"
    /// The project's folder of transcripts, tables and codings.
    public static let corpusFolder = "Corpus"
    /// The folder a report is written to unless another is chosen.
    public static let reportFolder = "Reports"

    /// Reads the codebook, lists the corpus and parses `documenten.csv`, `respondenten.csv` and `pseudoniemen.csv`.
    ///
    /// Every file or folder the project holds must be readable: one that is there but cannot be read
    /// (no permission, a folder or named pipe under a file's name, a broken link) is an error, never
    /// silently left out, as a missing table would change counts or print real names.
    public static func scan(directory: String, codebook codebookName: String? = nil) throws(ProjectError) -> CorpusScan {
        let root = URL(fileURLWithPath: directory)
        var diagnostics: [Diagnostic] = []

        let codebookURL = try locateCodebook(root: root, name: codebookName)
        let codebookPath = relative(codebookURL, to: root)
        let codebookBytes: [UInt8]
        do throws(FileBytes.Failure) {
            codebookBytes = try FileBytes.read(codebookURL.path)
        } catch {
            throw .unreadable(SourceLocation(file: codebookPath), reason: error.reason)
        }
        let codebookText: DecodedText
        do throws(TextDecodingError) {
            codebookText = try TextDecoder.decode(codebookBytes, file: codebookPath)
        } catch {
            throw .undecodable(error)
        }
        if let warning = codebookText.warning(file: codebookPath) { diagnostics.append(warning) }
        let parsedCodebook = CodebookParser.parse(codebookText.text, file: codebookPath)
        diagnostics += parsedCodebook.diagnostics
        let keywordRules = KeywordRules(codebook: parsedCodebook.codebook)
        diagnostics += keywordRules.diagnostics

        let corpusURL = root.appendingPathComponent(corpusFolder)
        switch DirectoryListing.kind(of: corpusURL.path) {
        case .directory: break
        case .regularFile, .special: throw .unreadable(SourceLocation(file: relative(corpusURL, to: root)), reason: "it is not a folder")
        case .brokenLink: throw .folderMissing(SourceLocation(file: relative(corpusURL, to: root)))
        }
        var fileProblems: [ProjectError] = []
        let files = try corpusFiles(in: corpusURL, root: root, problems: &fileProblems)
        diagnostics += fileProblems

        var metadata: DocumentMetadataTable? = nil
        let metadataURL = corpusURL.appendingPathComponent(DocumentMetadataTable.fileName)
        if let text = readTable(metadataURL, root: root, .documents, diagnostics: &diagnostics) {
            let parsed = DocumentMetadataTable.parse(text, file: relative(metadataURL, to: root))
            diagnostics += parsed.diagnostics
            metadata = parsed.table
        }
        let respondentURL = corpusURL.appendingPathComponent(RespondentTable.fileName)
        var respondentTable = RespondentTable(file: relative(respondentURL, to: root))
        if let text = readTable(respondentURL, root: root, .respondents, diagnostics: &diagnostics) {
            let parsed = RespondentTable.parse(text, file: respondentTable.file)
            diagnostics += parsed.diagnostics
            respondentTable = parsed.table
        }
        var pseudonyms = PseudonymTable()
        let pseudonymURL = corpusURL.appendingPathComponent(PseudonymTable.fileName)
        var unreadablePseudonyms: ProjectError? = nil
        if let text = readTable(pseudonymURL, root: root, .pseudonyms, diagnostics: &diagnostics, failure: &unreadablePseudonyms) {
            let parsed = PseudonymTable.parse(text, file: relative(pseudonymURL, to: root))
            pseudonyms = parsed.table
            diagnostics += parsed.diagnostics
        } else if let unreadablePseudonyms {
            pseudonyms = .unreadable(unreadablePseudonyms)
        }
        return CorpusScan(root: root, corpusURL: corpusURL, codebook: parsedCodebook.codebook, keywordRules: keywordRules,
                           files: files, metadata: metadata,
                           respondentTable: respondentTable, pseudonyms: pseudonyms, diagnostics: diagnostics)
    }

    /// The text of one of the corpus's tables: nil when the file is absent, or when it is there but
    /// cannot be read or decoded, which is an error (in `diagnostics`, and in `failure`) saying what is
    /// lost without it.
    static func readTable(_ url: URL, root: URL, _ table: ProjectError.CorpusTable, diagnostics: inout [Diagnostic]) -> String? {
        var failure: ProjectError? = nil
        return readTable(url, root: root, table, diagnostics: &diagnostics, failure: &failure)
    }

    static func readTable(_ url: URL, root: URL, _ table: ProjectError.CorpusTable, diagnostics: inout [Diagnostic],
                          failure: inout ProjectError?) -> String? {
        let path = relative(url, to: root)
        do throws(FileBytes.Failure) {
            guard let bytes = try FileBytes.readIfPresent(url.path) else { return nil }
            do throws(TextDecodingError) {
                let decoded = try TextDecoder.decode(bytes, file: path)
                if let warning = decoded.warning(file: path) { diagnostics.append(warning) }
                return decoded.text
            } catch {
                failure = .undecodable(error)
            }
        } catch {
            failure = .unreadableTable(SourceLocation(file: path), table: table, reason: error.reason)
        }
        if let failure { diagnostics.append(failure) }
        return nil
    }

    static func locateCodebook(root: URL, name: String?) throws(ProjectError) -> URL {
        let folder = root.appendingPathComponent(codebookFolder)
        if let name {
            let direct = URL(fileURLWithPath: name, relativeTo: root)
            for candidate in [direct, folder.appendingPathComponent(name), URL(fileURLWithPath: name)]
            where FileBytes.exists(candidate.path) {
                return candidate.standardizedFileURL
            }
            throw .codebookNotFound(SourceLocation(file: name))
        }
        let names: [String]
        do throws(DirectoryListing.Failure) {
            names = try DirectoryListing.entries(of: folder.path).map(\.name)
        } catch {
            guard FileBytes.exists(folder.path) else { throw .folderMissing(SourceLocation(file: codebookFolder)) }
            throw .unreadable(SourceLocation(file: codebookFolder), reason: error.reason)
        }
        let codebooks = names.filter { $0.lowercased().hasSuffix(".md") && !$0.hasPrefix(".") && $0.lowercased() != "readme.md" }.sorted()
        switch codebooks.count {
        case 0: throw .noCodebook(SourceLocation(file: codebookFolder))
        case 1: return folder.appendingPathComponent(codebooks[0])
        default: throw .severalCodebooks(SourceLocation(file: codebookFolder), files: codebooks.map { "\(codebookFolder)/\($0)" })
        }
    }

    /// The names of the corpus's own tables, which are read from `Corpus/` itself and nowhere else.
    static let tableNames = [DocumentMetadataTable.fileName, RespondentTable.fileName, PseudonymTable.fileName]

    /// Transcript files under Corpus/ as (path relative to the project, absolute path), sorted by path;
    /// other files are mentioned and skipped. Works on path strings: URL operations are costly per file.
    ///
    /// Only regular files are read: a named pipe, socket or device, a broken link and a folder that
    /// cannot be listed are errors. A folder reached a second time (a symbolic link back up, or two
    /// links to one folder) is read once, with one warning.
    static func corpusFiles(in corpusURL: URL, root: URL, problems: inout [ProjectError]) throws(ProjectError) -> [CorpusFile] {
        let prefix = relative(corpusURL, to: root)
        var files: [CorpusFile] = []
        var visited: [DirectoryListing.FolderIdentity: String] = [:]
        if let identity = DirectoryListing.identity(of: corpusURL.path) { visited[identity] = prefix }
        // Depth first in name order, so which of two paths to one folder is read is always the same.
        var folders = [""]
        while let folder = folders.popLast() {
            let absolute = folder.isEmpty ? corpusURL.path : corpusURL.path + "/" + folder
            let entries: [(name: String, kind: DirectoryListing.Kind)]
            do throws(DirectoryListing.Failure) {
                entries = try DirectoryListing.entries(of: absolute)
            } catch {
                if folder.isEmpty { throw .unreadable(SourceLocation(file: prefix), reason: error.reason) }
                problems.append(.unreadableFolder(SourceLocation(file: prefix + "/" + folder), reason: error.reason))
                continue
            }
            var subfolders: [String] = []
            for (name, kind) in entries where !name.hasPrefix(".") {
                // The codings folder and the tables are read, and their problems reported, on their own.
                if folder.isEmpty && (name == SidecarCodings.folder || tableNames.contains(name)) { continue }
                let inner = folder.isEmpty ? name : folder + "/" + name
                let path = prefix + "/" + inner
                let ext = DocumentReader.fileExtension(of: name)
                switch kind {
                case .directory:
                    guard let identity = DirectoryListing.identity(of: absolute + "/" + name) else { continue }
                    if let first = visited[identity] {
                        let isLoop = path.hasPrefix(first + "/")
                        problems.append(isLoop ? .folderLinkLoop(SourceLocation(file: path), target: first)
                                               : .folderReachedTwice(SourceLocation(file: path), first: first))
                        continue
                    }
                    visited[identity] = path
                    if DocumentReader.supportedExtensions.contains(ext) {
                        problems.append(.folderNamedLikeTranscript(SourceLocation(file: path), fileExtension: ext))
                    }
                    subfolders.append(inner)
                case .brokenLink(let reason):
                    problems.append(.brokenLink(SourceLocation(file: path), reason: reason))
                case .special(let reason):
                    if DocumentReader.supportedExtensions.contains(ext) || ext == "csv" {
                        problems.append(.notAFile(SourceLocation(file: path), reason: reason))
                    } else {
                        problems.append(.otherNotAFile(SourceLocation(file: path), reason: reason))
                    }
                case .regularFile:
                    if let table = tableNames.first(where: { $0 == name.lowercased() }) {
                        problems.append(.misplacedTable(SourceLocation(file: path), expected: "\(prefix)/\(table)"))
                        continue
                    }
                    if ext == "csv" || name.lowercased().hasPrefix("readme") { continue }
                    if DocumentReader.supportedExtensions.contains(ext) {
                        files.append(CorpusFile(path: path, absolutePath: absolute + "/" + name))
                    } else {
                        problems.append(.unsupportedFileType(SourceLocation(file: path), fileExtension: ext))
                    }
                }
            }
            folders += subfolders.reversed()
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The files that may hold the document with id `documentID`, in corpus order: for a command
    /// that needs one document, so it reads one instead of the corpus.
    ///
    /// A document's id is its file name without extension unless its front matter says `id:`. A
    /// text file whose first 4 KB show plain ASCII front matter (or none) is left out when that
    /// settles another id; every other file — Word, OpenDocument, subtitles, PDF, text that starts
    /// with anything else — may hold it, and is read to know.
    /// - Complexity: one read of at most 4 KB per text file.
    public static func files(mayHold documentID: String, in scan: CorpusScan) -> [CorpusFile] {
        scan.files.filter { file in
            let defaultID = file.defaultID
            guard defaultID != documentID else { return true }
            let format = DocumentReader.fileExtension(of: (file.path as NSString).lastPathComponent)
            guard !DocumentReader.structuredExtensions.contains(format) else { return true }
            return frontMatterID(of: file, defaultID: defaultID).map { $0 == documentID } ?? true
        }
    }

    /// The id a text file's front matter settles, read from its first bytes; nil when they do not
    /// settle it (not plain ASCII, a line break other than LF, front matter longer than the bytes read).
    static func frontMatterID(of file: CorpusFile, defaultID: String) -> String? {
        let prefix: (bytes: [UInt8], isWhole: Bool)
        do throws(FileBytes.Failure) { prefix = try FileBytes.readPrefix(file.absolutePath, maximum: 4096) } catch { return nil }
        let bytes = prefix.bytes
        // A NUL (UTF-16?), a byte order mark, any non-ASCII or CR in the lines read: decoding could
        // change what they say.
        func isPlain(_ line: ArraySlice<UInt8>) -> Bool { !line.contains { $0 == 0 || $0 >= 0x80 || $0 == 0x0D } }
        func isFence(_ line: ArraySlice<UInt8>) -> Bool {
            line.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.elementsEqual("---".utf8.reversed())
        }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        // The last piece may be cut off by the 4 KB, unless that is the whole file.
        if !prefix.isWhole { lines.removeLast() }
        guard let first = lines.first, isPlain(first) else { return nil }
        guard isFence(first) else { return defaultID }
        guard let closing = lines.dropFirst().firstIndex(where: isFence), lines[...closing].allSatisfy(isPlain) else { return nil }
        // The front matter as the parser reads it, from the same bytes.
        let frontMatter = String(decoding: bytes[..<lines[closing].endIndex], as: UTF8.self) + "\n"
        return DocumentParser.parse(frontMatter, file: file.path, defaultID: defaultID).document.id
    }

    /// The sidecar coding files `Corpus/codings/*.csv`, in name order; a codings folder that cannot be
    /// listed is an error. Only commands that count read them, so they are listed apart from the scan.
    /// A review's rejections (`CODER.rejected.csv`, ``ReviewCodingsFile``) are no codings and are left out.
    public static func codingFiles(of scan: CorpusScan, diagnostics: inout [Diagnostic]) -> [URL] {
        codingsFolderFiles(of: scan, diagnostics: &diagnostics) { name in
            name.hasSuffix(".csv") && !name.hasSuffix(ReviewCodingsFile.rejectionsSuffix)
        }
    }

    /// The Word coding sheets `Corpus/codings/*.docx` (``CodingSheet``), in name order; Word's lock
    /// files (`~$…`) are left out. Listing the folder fails as for ``codingFiles(of:diagnostics:)``,
    /// which reports it.
    public static func sheetFiles(of scan: CorpusScan) -> [URL] {
        var ignored: [Diagnostic] = []
        return codingsFolderFiles(of: scan, diagnostics: &ignored) { name in name.hasSuffix(".docx") && !name.hasPrefix("~$") }
    }

    private static func codingsFolderFiles(of scan: CorpusScan, diagnostics: inout [Diagnostic], where isWanted: (String) -> Bool) -> [URL] {
        let corpusURL = scan.corpusURL, root = scan.root
        let folder = corpusURL.appendingPathComponent(SidecarCodings.folder)
        guard FileBytes.exists(folder.path) else { return [] }
        do throws(DirectoryListing.Failure) {
            let names = try DirectoryListing.entries(of: folder.path).map(\.name)
            return names.filter { isWanted($0.lowercased()) && !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
        } catch {
            diagnostics.append(ProjectError.unreadableCodingsFolder(SourceLocation(file: relative(folder, to: root)), reason: error.reason))
            return []
        }
    }

    /// Path relative to the project folder, the way messages show it.
    static func relative(_ url: URL, to root: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}
