import Foundation

/// The outcome of reading a project: the project as far as it could be read, and every problem found.
public struct ProjectLoad: Sendable {
    public var project: Project
    /// Sorted by file and line.
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads a project folder (`Codebooks/`, `Corpus/`) in one pass and validates it.
public enum ProjectLoader {
    public static let codebookFolder = "Codebooks"
    public static let corpusFolder = "Corpus"
    public static let reportFolder = "Reports"

    /// The codebook and the corpus's tables: what each document needs before it can be read and resolved.
    public struct CorpusSetup: Sendable {
        public var root: URL
        public var corpusURL: URL
        public var codebook: Codebook
        /// The codebook's keyword rules, compiled once for `check` and for auto-coding.
        public var keywordRules: KeywordRules
        /// Transcript files, sorted by path: relative to the project, and as the file system finds them.
        public var files: [(path: String, absolutePath: String)]
        public var metadata: DocumentMetadataTable?
        public var respondentTable: RespondentTable
        public var pseudonyms: PseudonymTable
        public var diagnostics: [Diagnostic]
    }

    /// One read document, or why there is none.
    public struct ReadResult<Value: Sendable>: Sendable {
        public var path: String
        public var documentID: String?
        public var value: Value?
        public var diagnostics: [Diagnostic]
    }

    /// Reads the codebook, lists the corpus and parses `documenten.csv` and `respondenten.csv`.
    public static func prepare(directory: String, codebook codebookName: String? = nil) throws(ProjectError) -> CorpusSetup {
        let root = URL(fileURLWithPath: directory)
        var diagnostics: [Diagnostic] = []
        let fileManager = FileManager.default

        let codebookURL = try locateCodebook(root: root, name: codebookName)
        let codebookPath = relative(codebookURL, to: root)
        guard let codebookData = fileManager.contents(atPath: codebookURL.path) else {
            throw .unreadable(file: codebookPath, reason: "no access")
        }
        let codebookText: DecodedText
        do throws(TextDecodingError) { codebookText = try TextDecoder.decode(Array(codebookData)) } catch { throw .undecodable(file: codebookPath, error) }
        if let warning = codebookText.warning(file: codebookPath) { diagnostics.append(warning) }
        let parsedCodebook = CodebookParser.parse(codebookText.text, file: codebookPath)
        diagnostics += parsedCodebook.diagnostics
        let keywordRules = KeywordRules(codebook: parsedCodebook.codebook)
        diagnostics += keywordRules.diagnostics

        let corpusURL = root.appendingPathComponent(corpusFolder)
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: corpusURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .folderMissing(relative(corpusURL, to: root))
        }
        let files = corpusFiles(in: corpusURL, root: root, diagnostics: &diagnostics)

        var metadata: DocumentMetadataTable? = nil
        let metadataURL = corpusURL.appendingPathComponent(DocumentMetadataTable.fileName)
        if let data = fileManager.contents(atPath: metadataURL.path),
           let text = TextDecoder.text(of: Array(data), file: relative(metadataURL, to: root), diagnostics: &diagnostics) {
            let parsed = DocumentMetadataTable.parse(text, file: relative(metadataURL, to: root))
            diagnostics += parsed.diagnostics
            metadata = parsed.table
        }
        let respondentURL = corpusURL.appendingPathComponent(RespondentTable.fileName)
        var respondentTable = RespondentTable(file: relative(respondentURL, to: root))
        if let data = fileManager.contents(atPath: respondentURL.path),
           let text = TextDecoder.text(of: Array(data), file: respondentTable.file, diagnostics: &diagnostics) {
            let parsed = RespondentTable.parse(text, file: respondentTable.file)
            diagnostics += parsed.diagnostics
            respondentTable = parsed.table
        }
        var pseudonyms = PseudonymTable()
        let pseudonymURL = corpusURL.appendingPathComponent(PseudonymTable.fileName)
        if let data = fileManager.contents(atPath: pseudonymURL.path),
           let text = TextDecoder.text(of: Array(data), file: relative(pseudonymURL, to: root), diagnostics: &diagnostics) {
            let parsed = PseudonymTable.parse(text, file: relative(pseudonymURL, to: root))
            pseudonyms = parsed.table
            diagnostics += parsed.diagnostics
        }
        return CorpusSetup(root: root, corpusURL: corpusURL, codebook: parsedCodebook.codebook, keywordRules: keywordRules,
                           files: files, metadata: metadata,
                           respondentTable: respondentTable, pseudonyms: pseudonyms, diagnostics: diagnostics)
    }

    /// Reads, segments and resolves every document on all cores, handing each to `transform` as soon
    /// as it is ready, so a caller that keeps only what `transform` returns never holds the corpus.
    /// Results come back in corpus order, whatever the timing.
    public static func readDocuments<Value: Sendable>(_ setup: CorpusSetup, limits: ArchiveLimits = .default,
                                                      _ transform: @Sendable @escaping (ParsedDocument) -> Value) -> [ReadResult<Value>] {
        ParallelMap.map(setup.files) { path, absolutePath in
            let read = DocumentReader.read(file: absolutePath, relativePath: path, limits: limits)
            guard var parsed = read.parsed else {
                return ReadResult(path: path, documentID: nil, value: nil, diagnostics: read.diagnostics)
            }
            var diagnostics = read.diagnostics
            if let metadata = setup.metadata { diagnostics += metadata.apply(to: &parsed.document) }
            RespondentResolver.resolve(&parsed.document, table: setup.respondentTable)
            return ReadResult(path: path, documentID: parsed.document.id, value: transform(parsed), diagnostics: diagnostics)
        }
    }

    /// Loads the project; only problems that make reading impossible are thrown.
    /// Documents are read in parallel and merged in path order, so results never depend on timing.
    public static func load(directory: String, codebook codebookName: String? = nil,
                            archiveLimits: ArchiveLimits = .default) throws(ProjectError) -> ProjectLoad {
        let setup = try prepare(directory: directory, codebook: codebookName)
        let root = setup.root, corpusURL = setup.corpusURL, codebook = setup.codebook
        let fileManager = FileManager.default
        var diagnostics = setup.diagnostics

        var documents: [Document] = []
        var tagsByDocument: [String: [(segment: Int, tag: InlineTag)]] = [:]
        var annotationsByDocument: [String: [ExtractedAnnotation]] = [:]
        let read = readDocuments(setup, limits: archiveLimits) { $0 }
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
        for sidecar in sidecarFiles(corpusURL: corpusURL) {
            let path = relative(sidecar, to: root)
            guard let data = fileManager.contents(atPath: sidecar.path) else {
                diagnostics.append(.error(SourceLocation(file: path), "cannot be read", advice: "check the file's permissions"))
                continue
            }
            let coder = sidecar.deletingPathExtension().lastPathComponent
            guard let text = TextDecoder.text(of: Array(data), file: path, diagnostics: &diagnostics) else { continue }
            let parsed = SidecarCodings.parse(text, file: path, coder: coder, documents: documentsByID)
            codings += parsed.codings
            diagnostics += parsed.diagnostics
        }

        let pseudonyms = setup.pseudonyms
        if !pseudonyms.entries.isEmpty {
            for document in documents {
                let names = pseudonyms.names(in: document.text)
                guard !names.isEmpty else { continue }
                diagnostics.append(.note(SourceLocation(file: document.file),
                                         "holds names listed in \(PseudonymTable.fileName) (\(names.sorted().joined(separator: ", ")))",
                                         advice: "reports print their pseudonyms; add any name that is missing from the list"))
            }
        }

        let project = Project(directory: directory, codebook: codebook, documents: documents, respondents: respondents,
                              codings: codings, respondentTable: respondentTable, pseudonyms: pseudonyms, memos: memos)
        diagnostics += CodingValidator.validate(project)
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
            where FileManager.default.fileExists(atPath: candidate.path) {
                return candidate.standardizedFileURL
            }
            throw .codebookNotFound(name)
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw .folderMissing(codebookFolder)
        }
        let codebooks = names.filter { $0.lowercased().hasSuffix(".md") && !$0.hasPrefix(".") && $0.lowercased() != "readme.md" }.sorted()
        switch codebooks.count {
        case 0: throw .noCodebook(folder: codebookFolder)
        case 1: return folder.appendingPathComponent(codebooks[0])
        default: throw .severalCodebooks(codebooks.map { "\(codebookFolder)/\($0)" })
        }
    }

    /// Transcript files under Corpus/ as (path relative to the project, absolute path), sorted by path;
    /// other files are mentioned and skipped. Works on path strings: URL operations are costly per file.
    static func corpusFiles(in corpusURL: URL, root: URL, diagnostics: inout [Diagnostic]) -> [(path: String, absolutePath: String)] {
        let fileManager = FileManager.default
        let prefix = relative(corpusURL, to: root)
        var files: [(path: String, absolutePath: String)] = []
        var folders = [""]
        while let folder = folders.popLast() {
            let absolute = folder.isEmpty ? corpusURL.path : corpusURL.path + "/" + folder
            for (name, kind) in DirectoryListing.entries(of: absolute) where !name.hasPrefix(".") {
                let inner = folder.isEmpty ? name : folder + "/" + name
                var isDirectory: ObjCBool = false
                let isFolder = kind.map { $0 == .directory }
                    ?? (fileManager.fileExists(atPath: absolute + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue)
                if isFolder {
                    if !(folder.isEmpty && name == SidecarCodings.folder) { folders.append(inner) }
                    continue
                }
                let ext = DocumentReader.fileExtension(of: name)
                if ext == "csv" || name.lowercased().hasPrefix("readme") { continue }
                let path = prefix + "/" + inner
                if DocumentReader.supportedExtensions.contains(ext) {
                    files.append((path, absolute + "/" + name))
                } else {
                    diagnostics.append(.warning(SourceLocation(file: path), "file type .\(ext) is not read",
                                                advice: "save transcripts as .txt, .md, .docx, .odt, .vtt, .srt or .pdf"))
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    static func sidecarFiles(corpusURL: URL) -> [URL] {
        let folder = corpusURL.appendingPathComponent(SidecarCodings.folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
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
        for entry in table.entries where !entry.isInterviewer {
            let speaks = documents.first(where: { $0.id == entry.document })?.segments.contains(where: { $0.label?.folded == entry.speaker.folded }) ?? false
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
