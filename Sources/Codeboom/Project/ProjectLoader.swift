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

extension ProjectLoad {
    /// For `check`: a note for each transcript that holds names from `pseudoniemen.csv`, so a researcher
    /// sees where reports will replace names (and can spot a name missing from the list nearby).
    ///
    /// Not part of loading: only `check` shows notes, and looking through every transcript for the
    /// names is the one cost of pseudonymisation that grows with the corpus.
    ///
    /// - Complexity: one pass per transcript whatever the number of names, on all cores.
    public var nameNotes: [Diagnostic] {
        let pseudonyms = project.pseudonyms
        guard !pseudonyms.entries.isEmpty else { return [] }
        return ParallelMap.map(project.documents) { document -> Diagnostic? in
            let names = pseudonyms.names(in: document.text)
            guard !names.isEmpty else { return nil }
            return .note(SourceLocation(file: document.file),
                         "holds names listed in \(PseudonymTable.fileName) (\(names.sorted().joined(separator: ", ")))",
                         advice: "reports print their pseudonyms; add any name that is missing from the list")
        }.compactMap { $0 }
    }
}

/// Reads a project folder (`Codebooks/`, `Corpus/`) in one pass and validates it.
public enum ProjectLoader {
    /// The project's folder of codebooks.
    public static let codebookFolder = "Codebooks"
    /// The project's folder of transcripts, tables and codings.
    public static let corpusFolder = "Corpus"
    /// The folder a report is written to unless another is chosen.
    public static let reportFolder = "Reports"

    /// The codebook and the corpus's tables: what each document needs before it can be read and resolved.
    public struct CorpusSetup: Sendable {
        /// The project folder.
        public var root: URL
        /// The `Corpus/` folder.
        public var corpusURL: URL
        /// The parsed codebook.
        public var codebook: Codebook
        /// The codebook's keyword rules, compiled once for `check` and for auto-coding.
        public var keywordRules: KeywordRules
        /// Transcript files, sorted by path: relative to the project, and as the file system finds them.
        public var files: [(path: String, absolutePath: String)]
        public var metadata: DocumentMetadataTable?
        public var respondentTable: RespondentTable
        /// `pseudoniemen.csv`, or an empty table without one.
        public var pseudonyms: PseudonymTable
        /// Problems of the codebook and the tables.
        public var diagnostics: [Diagnostic]
    }

    /// One read document, or why there is none.
    public struct ReadResult<Value: Sendable>: Sendable {
        public var path: String
        public var documentID: String?
        public var value: Value?
        public var diagnostics: [Diagnostic]
    }

    /// Reads the codebook, lists the corpus and parses `documenten.csv`, `respondenten.csv` and `pseudoniemen.csv`.
    ///
    /// Every file or folder the project holds must be readable: one that is there but cannot be read
    /// (no permission, a folder or named pipe under a file's name, a broken link) is an error, never
    /// silently left out, as a missing table would change counts or print real names.
    public static func prepare(directory: String, codebook codebookName: String? = nil) throws(ProjectError) -> CorpusSetup {
        let root = URL(fileURLWithPath: directory)
        var diagnostics: [Diagnostic] = []

        let codebookURL = try locateCodebook(root: root, name: codebookName)
        let codebookPath = relative(codebookURL, to: root)
        let codebookBytes: [UInt8]
        do throws(FileBytes.Failure) {
            codebookBytes = try FileBytes.read(codebookURL.path)
        } catch {
            throw .unreadable(file: codebookPath, reason: error.reason)
        }
        let codebookText: DecodedText
        do throws(TextDecodingError) { codebookText = try TextDecoder.decode(codebookBytes) } catch { throw .undecodable(file: codebookPath, error) }
        if let warning = codebookText.warning(file: codebookPath) { diagnostics.append(warning) }
        let parsedCodebook = CodebookParser.parse(codebookText.text, file: codebookPath)
        diagnostics += parsedCodebook.diagnostics
        let keywordRules = KeywordRules(codebook: parsedCodebook.codebook)
        diagnostics += keywordRules.diagnostics

        let corpusURL = root.appendingPathComponent(corpusFolder)
        switch DirectoryListing.kind(of: corpusURL.path) {
        case .directory: break
        case .regularFile, .special: throw .unreadable(file: relative(corpusURL, to: root), reason: "it is not a folder")
        case .brokenLink: throw .folderMissing(relative(corpusURL, to: root))
        }
        let files = try corpusFiles(in: corpusURL, root: root, diagnostics: &diagnostics)

        var metadata: DocumentMetadataTable? = nil
        let metadataURL = corpusURL.appendingPathComponent(DocumentMetadataTable.fileName)
        if let text = readTable(metadataURL, root: root, purpose: "documents would lose their metadata", diagnostics: &diagnostics) {
            let parsed = DocumentMetadataTable.parse(text, file: relative(metadataURL, to: root))
            diagnostics += parsed.diagnostics
            metadata = parsed.table
        }
        let respondentURL = corpusURL.appendingPathComponent(RespondentTable.fileName)
        var respondentTable = RespondentTable(file: relative(respondentURL, to: root))
        if let text = readTable(respondentURL, root: root, purpose: "speakers would be counted as the wrong respondents", diagnostics: &diagnostics) {
            let parsed = RespondentTable.parse(text, file: respondentTable.file)
            diagnostics += parsed.diagnostics
            respondentTable = parsed.table
        }
        var pseudonyms = PseudonymTable()
        let pseudonymURL = corpusURL.appendingPathComponent(PseudonymTable.fileName)
        var pseudonymDiagnostics: [Diagnostic] = []
        if let text = readTable(pseudonymURL, root: root, purpose: "outputs would print the real names", diagnostics: &pseudonymDiagnostics) {
            let parsed = PseudonymTable.parse(text, file: relative(pseudonymURL, to: root))
            pseudonyms = parsed.table
            pseudonymDiagnostics += parsed.diagnostics
        } else if let unreadable = pseudonymDiagnostics.first {
            pseudonyms = .unreadable(unreadable)
        }
        diagnostics += pseudonymDiagnostics
        return CorpusSetup(root: root, corpusURL: corpusURL, codebook: parsedCodebook.codebook, keywordRules: keywordRules,
                           files: files, metadata: metadata,
                           respondentTable: respondentTable, pseudonyms: pseudonyms, diagnostics: diagnostics)
    }

    /// The text of one of the corpus's tables: nil when the file is absent, or when it is there but
    /// cannot be read, which is an error saying what `purpose` it would have served.
    static func readTable(_ url: URL, root: URL, purpose: String, diagnostics: inout [Diagnostic]) -> String? {
        do throws(FileBytes.Failure) {
            guard let bytes = try FileBytes.readIfPresent(url.path) else { return nil }
            return TextDecoder.text(of: bytes, file: relative(url, to: root), diagnostics: &diagnostics)
        } catch {
            diagnostics.append(.error(SourceLocation(file: relative(url, to: root)), "cannot be read (\(error.reason)); without it \(purpose)",
                                      advice: "make it a readable file, or remove it"))
            return nil
        }
    }

    /// Reads, segments and resolves every document on all cores, handing each to `transform` as soon
    /// as it is ready, so a caller that keeps only what `transform` returns never holds the corpus.
    /// Results come back in corpus order, whatever the timing.
    public static func readDocuments<Value: Sendable>(_ setup: CorpusSetup, limits: ArchiveLimits = .default, suggester: CodeSuggester? = nil,
                                                      _ transform: @Sendable @escaping (ParsedDocument) -> Value) -> [ReadResult<Value>] {
        let tags = InlineTagResolver(codebook: setup.codebook, suggester: suggester)
        return ParallelMap.map(setup.files) { path, absolutePath in
            let read = DocumentReader.read(file: absolutePath, relativePath: path, limits: limits, respondents: setup.respondentTable)
            guard var parsed = read.parsed else {
                return ReadResult(path: path, documentID: nil, value: nil, diagnostics: read.diagnostics)
            }
            var diagnostics = read.diagnostics
            if let metadata = setup.metadata { diagnostics += metadata.apply(to: &parsed.document) }
            RespondentResolver.resolve(&parsed.document, table: setup.respondentTable)
            diagnostics += tags.resolve(&parsed)
            return ReadResult(path: path, documentID: parsed.document.id, value: transform(parsed), diagnostics: diagnostics)
        }
    }

    /// Loads the project; only problems that make reading impossible are thrown.
    /// Documents are read in parallel and merged in path order, so results never depend on timing.
    public static func load(directory: String, codebook codebookName: String? = nil,
                            archiveLimits: ArchiveLimits = .default) throws(ProjectError) -> ProjectLoad {
        let setup = try prepare(directory: directory, codebook: codebookName)
        let root = setup.root, corpusURL = setup.corpusURL, codebook = setup.codebook
        var diagnostics = setup.diagnostics

        var documents: [Document] = []
        var tagsByDocument: [String: [(segment: Int, tag: InlineTag)]] = [:]
        var annotationsByDocument: [String: [ExtractedAnnotation]] = [:]
        // One suggester for tags and codings, so each unknown id is looked up once.
        let suggester = CodeSuggester(codebook: codebook)
        let read = readDocuments(setup, limits: archiveLimits, suggester: suggester) { $0 }
        // A file that could not be read already has its error; tables that name it are not wrong too.
        let unreadIDs = read.filter { $0.value == nil }.map { (($0.path as NSString).lastPathComponent as NSString).deletingPathExtension }
        for result in uniqueDocuments(read, diagnostics: &diagnostics) {
            documents.append(result.document)
            tagsByDocument[result.document.id] = result.tags
            annotationsByDocument[result.document.id] = result.annotations
        }

        let ids = Set(documents.map(\.id) + unreadIDs)
        for (id, entry) in setup.metadata?.entries ?? [:] where !ids.contains(id) {
            diagnostics.append(.error(SourceLocation(file: setup.metadata!.file, line: entry.line, column: 1), "unknown document \"\(id)\"",
                                      advice: "use a document id from Corpus/ (file name without extension)"))
        }
        let respondentTable = setup.respondentTable
        for entry in respondentTable.entries where !ids.contains(entry.document) {
            diagnostics.append(.error(SourceLocation(file: respondentTable.file, line: entry.line, column: 1), "unknown document \"\(entry.document)\"",
                                      advice: "use a document id from Corpus/ (file name without extension, or `id:` in its front matter)"))
        }
        let respondents = collectRespondents(documents: documents, table: respondentTable, diagnostics: &diagnostics)

        var codings: [Coding] = []
        for document in documents {
            for (segment, tag) in tagsByDocument[document.id] ?? [] {
                let location = SourceLocation(file: document.file, line: tag.line, column: tag.column)
                codings.append(Coding(documentID: document.id, segmentNumbers: [segment], codeID: tag.codeID,
                                      coder: InlineCoder.name(for: document), location: location))
                if tag.path.count > 1, codebook.code(id: tag.codeID) != nil {
                    let ancestors = Set(codebook.path(of: tag.codeID).dropLast())
                    if let wrong = tag.path.dropLast().first(where: { !ancestors.contains($0) }) {
                        diagnostics.append(.error(location, "\"\(wrong)\" in #\(tag.path.joined(separator: "/")) is not above \"\(tag.codeID)\" in the code tree",
                                                  advice: "write #\(tag.codeID) or #\(codebook.path(of: tag.codeID).joined(separator: "/"))"))
                    }
                }
            }
        }
        var memos: [Memo] = []
        for document in documents {
            let comments = CommentCodings.read(annotationsByDocument[document.id] ?? [], document: document, codebook: codebook)
            codings += comments.codings
            memos += comments.memos
            diagnostics += comments.diagnostics
        }
        let documentsByID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for sidecar in sidecarFiles(corpusURL: corpusURL, root: root, diagnostics: &diagnostics) {
            let path = relative(sidecar, to: root)
            let bytes: [UInt8]
            do throws(FileBytes.Failure) {
                bytes = try FileBytes.read(sidecar.path)
            } catch {
                diagnostics.append(.error(SourceLocation(file: path), "cannot be read (\(error.reason)); its codings would be missing",
                                          advice: "make it a readable file, or remove it"))
                continue
            }
            let coder = sidecar.deletingPathExtension().lastPathComponent
            guard let text = TextDecoder.text(of: bytes, file: path, diagnostics: &diagnostics) else { continue }
            let parsed = SidecarCodings.parse(text, file: path, coder: coder, documents: documentsByID)
            codings += parsed.codings
            diagnostics += parsed.diagnostics
        }

        let project = Project(directory: directory, codebook: codebook, documents: documents, respondents: respondents,
                              codings: codings, respondentTable: respondentTable, pseudonyms: setup.pseudonyms, memos: memos)
        diagnostics += CodingValidator.validate(project, suggester: suggester)
        return ProjectLoad(project: ProjectLoader.dropInvalidCodings(project), diagnostics: diagnostics.sorted())
    }

    /// Codings whose code is unknown are reported by `check` and left out of every count.
    static func dropInvalidCodings(_ project: Project) -> Project {
        let isKnown = { (coding: Coding) in project.codebook.position(of: coding.codeID) != nil }
        // Usually every code is known: then the codings are not copied at all.
        guard !project.codings.allSatisfy(isKnown) else { return project }
        var result = project
        result.codings = project.codings.filter(isKnown)
        return result
    }

    static func locateCodebook(root: URL, name: String?) throws(ProjectError) -> URL {
        let folder = root.appendingPathComponent(codebookFolder)
        if let name {
            let direct = URL(fileURLWithPath: name, relativeTo: root)
            for candidate in [direct, folder.appendingPathComponent(name), URL(fileURLWithPath: name)]
            where FileBytes.exists(candidate.path) {
                return candidate.standardizedFileURL
            }
            throw .codebookNotFound(name)
        }
        let names: [String]
        do throws(DirectoryListing.Failure) {
            names = try DirectoryListing.entries(of: folder.path).map(\.name)
        } catch {
            guard FileBytes.exists(folder.path) else { throw .folderMissing(codebookFolder) }
            throw .unreadable(file: codebookFolder, reason: error.reason)
        }
        let codebooks = names.filter { $0.lowercased().hasSuffix(".md") && !$0.hasPrefix(".") && $0.lowercased() != "readme.md" }.sorted()
        switch codebooks.count {
        case 0: throw .noCodebook(folder: codebookFolder)
        case 1: return folder.appendingPathComponent(codebooks[0])
        default: throw .severalCodebooks(codebooks.map { "\(codebookFolder)/\($0)" })
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
    static func corpusFiles(in corpusURL: URL, root: URL, diagnostics: inout [Diagnostic]) throws(ProjectError) -> [(path: String, absolutePath: String)] {
        let prefix = relative(corpusURL, to: root)
        var files: [(path: String, absolutePath: String)] = []
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
                if folder.isEmpty { throw .unreadable(file: prefix, reason: error.reason) }
                diagnostics.append(.error(SourceLocation(file: prefix + "/" + folder), "folder cannot be read (\(error.reason)); its documents would be missing from every count",
                                          advice: "make the folder readable, or move it out of Corpus/"))
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
                        diagnostics.append(.warning(SourceLocation(file: path),
                                                    isLoop ? "a symbolic link back to \(first), a loop; not followed"
                                                           : "the same folder as \(first); its documents are read once, from there",
                                                    advice: "remove the link"))
                        continue
                    }
                    visited[identity] = path
                    if DocumentReader.supportedExtensions.contains(ext) {
                        diagnostics.append(.warning(SourceLocation(file: path), "a folder named like a transcript; the files in it are read as part of the corpus",
                                                    advice: "rename the folder if it should have been a .\(ext) file"))
                    }
                    subfolders.append(inner)
                case .brokenLink(let reason):
                    diagnostics.append(.error(SourceLocation(file: path), "cannot be read (\(reason))",
                                              advice: "point the link at the file or folder, or remove it"))
                case .special(let reason):
                    if DocumentReader.supportedExtensions.contains(ext) || ext == "csv" {
                        diagnostics.append(.error(SourceLocation(file: path), "cannot be read (\(reason))",
                                                  advice: "put the file itself here, or remove it from Corpus/"))
                    } else {
                        diagnostics.append(.warning(SourceLocation(file: path), "not read (\(reason))", advice: "remove it from Corpus/"))
                    }
                case .regularFile:
                    if let table = tableNames.first(where: { $0 == name.lowercased() }) {
                        diagnostics.append(.error(SourceLocation(file: path), "is not read: only \(prefix)/\(table) is",
                                                  advice: "move or rename it to \(prefix)/\(table)"))
                        continue
                    }
                    if ext == "csv" || name.lowercased().hasPrefix("readme") { continue }
                    if DocumentReader.supportedExtensions.contains(ext) {
                        files.append((path, absolute + "/" + name))
                    } else {
                        diagnostics.append(.warning(SourceLocation(file: path), "file type .\(ext) is not read",
                                                    advice: "save transcripts as .txt, .md, .docx, .odt, .vtt, .srt or .pdf"))
                    }
                }
            }
            folders += subfolders.reversed()
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The sidecar coding files `Corpus/codings/*.csv`; a codings folder that cannot be listed is an error.
    static func sidecarFiles(corpusURL: URL, root: URL, diagnostics: inout [Diagnostic]) -> [URL] {
        let folder = corpusURL.appendingPathComponent(SidecarCodings.folder)
        guard FileBytes.exists(folder.path) else { return [] }
        do throws(DirectoryListing.Failure) {
            let names = try DirectoryListing.entries(of: folder.path).map(\.name)
            return names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
        } catch {
            diagnostics.append(.error(SourceLocation(file: relative(folder, to: root)), "cannot be read as a folder (\(error.reason)); its codings would be missing",
                                      advice: "make it a readable folder of CSV files"))
            return []
        }
    }

    /// The read documents with their diagnostics collected; a second document with an id already
    /// used is an error and left out.
    public static func uniqueDocuments<Value>(_ results: [ReadResult<Value>], diagnostics: inout [Diagnostic]) -> [Value] {
        var firstFileOfID: [String: String] = [:]
        var values: [Value] = []
        for result in results {
            diagnostics += result.diagnostics
            guard let id = result.documentID, let value = result.value else { continue }
            if let first = firstFileOfID[id] {
                diagnostics.append(.error(SourceLocation(file: result.path, line: 1, column: 1),
                                          "document id \"\(id)\" is also used by \(first)",
                                          advice: "give one of them another `id:` in its front matter, or rename the file"))
                continue
            }
            firstFileOfID[id] = result.path
            values.append(value)
        }
        return values
    }

    static func collectRespondents(documents: [Document], table: RespondentTable, diagnostics: inout [Diagnostic]) -> [String: Respondent] {
        var respondents: [String: Respondent] = [:]
        var firstPerspectiveSource: [String: String] = [:]
        for document in documents {
            var seenHere: Set<String> = []
            for segment in document.segments {
                guard let id = segment.respondentID, seenHere.insert(id).inserted else { continue }
                let perspective = RespondentResolver.perspective(of: id, in: document, table: table)
                if var existing = respondents[id] {
                    existing.documentIDs.append(document.id)
                    if let perspective, let known = existing.perspective, known.folded != perspective.folded {
                        diagnostics.append(.error(SourceLocation(file: document.file, line: segment.line, column: 1),
                                                  "respondent \(id) is \(perspective) here but \(known) in \(firstPerspectiveSource[id] ?? "another document")",
                                                  advice: "give a respondent one perspective everywhere (front matter or respondenten.csv)"))
                    } else if existing.perspective == nil {
                        existing.perspective = perspective
                        firstPerspectiveSource[id] = document.id
                    }
                    respondents[id] = existing
                } else {
                    respondents[id] = Respondent(id: id, perspective: perspective, documentIDs: [document.id])
                    firstPerspectiveSource[id] = document.id
                }
            }
        }
        // Each document's labels gathered once, so a long respondenten.csv costs rows + turns, not rows × turns.
        let positions = Dictionary(documents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var labelsByPosition: [Int: Set<String>] = [:]
        for entry in table.entries where !entry.isInterviewer {
            var speaks = false
            if let position = positions[entry.document] {
                if labelsByPosition[position] == nil { labelsByPosition[position] = Set(documents[position].segments.compactMap { $0.label?.folded }) }
                speaks = labelsByPosition[position]!.contains(entry.speaker.folded)
            }
            if !speaks {
                diagnostics.append(.warning(SourceLocation(file: table.file, line: entry.line, column: 1),
                                            "respondent \(entry.respondent ?? "?") (\"\(entry.speaker)\") never speaks in \(entry.document)",
                                            advice: "check the speaker label in the transcript, or remove the row"))
            }
        }
        return respondents
    }

    /// Path relative to the project folder, the way messages show it.
    static func relative(_ url: URL, to root: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}
