import Dispatch
import Foundation

/// The one way every command reads transcripts: file by file on all cores, each document handed
/// to a transform on the core that read it, and the results delivered in corpus order.
///
/// Reading a file means: decoding and parsing it (``DocumentReader``), adding what `documenten.csv`
/// says of it, deciding who speaks each segment (``RespondentResolver``) and which `#words` are
/// inline tags (``InlineTagResolver``). What a command keeps is what its transform returns, so a
/// command that keeps an outline, or a document's hits, never holds the corpus's text.
public struct CorpusReader: Sendable {
    /// Transcript files in corpus order.
    public var files: [CorpusFile]
    /// The codebook, which decides which `#words` are inline tags.
    public var codebook: Codebook
    /// `documenten.csv`, added to each document's metadata; nil when there is none.
    public var metadata: DocumentMetadataTable?
    /// `respondenten.csv`, which says who speaks in each document.
    public var respondentTable: RespondentTable
    /// How much a .docx or .odt may unpack.
    public var limits: ArchiveLimits
    private let tags: InlineTagResolver

    /// What reading one file gave: the transform's value for its document, or only problems.
    public struct Result<Value: Sendable>: Sendable {
        /// The file, relative to the project.
        public var path: String
        /// The document's id, nil when the file gave no document.
        public var documentID: String?
        /// The transform's value for the document; nil when the file gave none.
        public var value: Value?
        /// Problems found reading the file, in the order found.
        public var diagnostics: [Diagnostic]

        /// A result made of its parts.
        public init(path: String, documentID: String?, value: Value?, diagnostics: [Diagnostic] = []) {
            self.path = path
            self.documentID = documentID
            self.value = value
            self.diagnostics = diagnostics
        }
    }

    /// A reader of the scanned corpus. `suggester` may be shared with codings read later, so each
    /// unknown id is looked up once.
    public init(_ scan: CorpusScan, limits: ArchiveLimits = .default, suggester: CodeSuggester? = nil) {
        self.init(files: scan.files, codebook: scan.codebook, metadata: scan.metadata, respondentTable: scan.respondentTable,
                  limits: limits, suggester: suggester)
    }

    /// A reader of these files, for this codebook and these tables.
    public init(files: [CorpusFile], codebook: Codebook, metadata: DocumentMetadataTable? = nil, respondentTable: RespondentTable,
                limits: ArchiveLimits = .default, suggester: CodeSuggester? = nil) {
        self.files = files
        self.codebook = codebook
        self.metadata = metadata
        self.respondentTable = respondentTable
        self.limits = limits
        tags = InlineTagResolver(codebook: codebook, suggester: suggester)
    }

    /// Reads one file: the document as every command sees it, or nil, with the problems found.
    public func read(_ file: CorpusFile) -> (parsed: ParsedDocument?, diagnostics: [Diagnostic]) {
        let read = DocumentReader.read(file: file.absolutePath, relativePath: file.path, limits: limits, respondents: respondentTable)
        guard var parsed = read.parsed else { return (nil, read.diagnostics) }
        var diagnostics = read.diagnostics
        if let metadata { diagnostics += metadata.apply(to: &parsed.document) }
        // Warnings about who speaks (a tool's generic or named speakers) are shown by `check`.
        diagnostics += RespondentResolver.resolve(&parsed.document, table: respondentTable)
        diagnostics += tags.resolve(&parsed)
        return (parsed, diagnostics)
    }

    /// Reads `files` (every file of the corpus by default) on all cores, hands each document to
    /// `transform` on the core that read it, and each result to `body` in corpus order, on the
    /// calling thread, as soon as the results before it have been handed on.
    ///
    /// At most a few results per core wait to be handed on: reading runs ahead of a slow `body`
    /// only that far, so memory holds what `body` keeps, not the corpus.
    public func forEach<Value: Sendable>(_ files: [CorpusFile]? = nil, transform: @escaping @Sendable (ParsedDocument) -> Value,
                                         _ body: (Result<Value>) -> Void) {
        let files = files ?? self.files
        guard !files.isEmpty else { return }
        // Files go out in chunks of consecutive files, handed over a chunk at a time: handed over one by
        // one, the consumer slept and was woken once per document (a futex pair each, more system time
        // than reading the files).
        let chunk = 8
        let chunks = (files.count + chunk - 1) / chunk
        let handoff = OrderedHandoff<Result<Value>>(count: files.count, window: max(16, 4 * ProcessInfo.processInfo.activeProcessorCount) * chunk)
        let reader = self
        let done = DispatchGroup()
        done.enter()
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
                let start = chunkIndex * chunk
                let end = min(start + chunk, files.count)
                handoff.waitForRoom(before: start)
                var results: [Result<Value>] = []
                results.reserveCapacity(end - start)
                for index in start..<end {
                    let file = files[index]
                    let read = reader.read(file)
                    results.append(read.parsed.map { parsed in
                        Result(path: file.path, documentID: parsed.document.id, value: transform(parsed), diagnostics: read.diagnostics)
                    } ?? Result(path: file.path, documentID: nil, value: nil, diagnostics: read.diagnostics))
                }
                handoff.put(results, startingAt: start)
            }
            done.leave()
        }
        for index in files.indices { body(handoff.take(at: index)) }
        done.wait()
    }

    /// `forEach` for a command that keeps no project: `body` gets the value of each document whose id
    /// no document before it has; every problem, a second document with a taken id among them (it is
    /// left out, as a project leaves it out), goes to `diagnostics`.
    public func forEachDocument<Value: Sendable>(_ files: [CorpusFile]? = nil, transform: @escaping @Sendable (ParsedDocument) -> Value,
                                                 diagnostics: inout [Diagnostic], _ body: (Value) -> Void) {
        var firstFileOfID: [String: String] = [:]
        var found: [Diagnostic] = []
        forEach(files, transform: transform) { result in
            found += result.diagnostics
            guard let id = result.documentID, let value = result.value else { return }
            if let first = firstFileOfID[id] {
                found.append(ProjectAssembler.duplicate(id, file: result.path, firstFile: first))
                return
            }
            firstFileOfID[id] = result.path
            body(value)
        }
        diagnostics += found
    }

    /// `forEach`, with the results collected in corpus order.
    public func map<Value: Sendable>(_ files: [CorpusFile]? = nil, transform: @escaping @Sendable (ParsedDocument) -> Value) -> [Result<Value>] {
        var results: [Result<Value>] = []
        forEach(files, transform: transform) { results.append($0) }
        return results
    }
}

/// Results made on several threads, taken one by one in order by one thread; a result is made
/// at most `window` places ahead of the one taken next.
private final class OrderedHandoff<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Value?]
    private var taken = 0
    private let window: Int

    init(count: Int, window: Int) {
        slots = Array(repeating: nil, count: count)
        self.window = window
    }

    /// Waits until the result at `index` is near enough to the next one taken.
    func waitForRoom(before index: Int) {
        condition.lock()
        while index >= taken + window { condition.wait() }
        condition.unlock()
    }

    /// Puts consecutive results, the first at `start`.
    func put(_ values: [Value], startingAt start: Int) {
        condition.lock()
        for (offset, value) in values.enumerated() { slots[start + offset] = value }
        condition.broadcast()
        condition.unlock()
    }

    /// The result at `index`, once it is there; the slot is emptied.
    func take(at index: Int) -> Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = slots[index] {
                slots[index] = nil
                taken = index + 1
                condition.broadcast()
                return value
            }
            condition.wait()
        }
    }
}
