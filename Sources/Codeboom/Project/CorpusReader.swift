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
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let handoff = OrderedHandoff<Result<Value>>(count: files.count, chunk: chunk, window: max(16, 4 * cores) * chunk)
        let reader = self
        let readChunk: @Sendable (Int) -> [Result<Value>] = { chunkIndex in
            let start = chunkIndex * chunk
            let end = min(start + chunk, files.count)
            var results: [Result<Value>] = []
            results.reserveCapacity(end - start)
            for index in start..<end {
                let file = files[index]
                let read = reader.read(file)
                results.append(read.parsed.map { parsed in
                    Result(path: file.path, documentID: parsed.document.id, value: transform(parsed), diagnostics: read.diagnostics)
                } ?? Result(path: file.path, documentID: nil, value: nil, diagnostics: read.diagnostics))
            }
            return results
        }
        // One reader per core but this one; the calling thread reads too whenever the next result is not
        // there yet, instead of sleeping until it is. A consumer that slept once per chunk while every core
        // read woke a thread off a busy core each time (thousands of context switches per 10,000 files,
        // the cores idle in between), and left one core's worth of reading undone while it did its own work.
        let workers = min(cores - 1, chunks)
        let done = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: done) {
                while let chunkIndex = handoff.claimWaitingForRoom() {
                    handoff.put(readChunk(chunkIndex), chunk: chunkIndex)
                }
            }
        }
        for index in files.indices {
            var next = handoff.takeOrClaim(at: index)
            while case .chunk(let chunkIndex) = next {
                handoff.put(readChunk(chunkIndex), chunk: chunkIndex)
                next = handoff.takeOrClaim(at: index)
            }
            if case .value(let result) = next { body(result) }
        }
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

/// Results made on several threads, taken one by one in order by one thread; chunks of consecutive
/// results are claimed by whoever reads them next, at most `window` places ahead of the one taken next.
private final class OrderedHandoff<Value>: @unchecked Sendable {
    /// What the taking thread gets: the result it asked for, or a chunk to read itself first.
    enum Next {
        case value(Value)
        case chunk(Int)
    }

    private let condition = NSCondition()
    private var slots: [Value?]
    /// The next place to be taken.
    private var taken = 0
    /// The next chunk no one has claimed.
    private var nextChunk = 0
    private let chunk: Int
    private let chunks: Int
    private let window: Int
    /// The place the taking thread sleeps for, so that only the chunk holding it wakes it.
    private var awaited: Int?
    /// How many readers sleep until there is room.
    private var readersWaiting = 0

    init(count: Int, chunk: Int, window: Int) {
        slots = Array(repeating: nil, count: count)
        self.chunk = chunk
        chunks = (count + chunk - 1) / chunk
        self.window = max(window, chunk)
    }

    /// Whether the next chunk may be read now: it starts within the window.
    private var hasRoom: Bool { nextChunk * chunk < taken + window }

    /// The next unclaimed chunk, once it is near enough to the next result taken; nil when every chunk is claimed.
    func claimWaitingForRoom() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextChunk < chunks, !hasRoom {
            readersWaiting += 1
            condition.wait()
            readersWaiting -= 1
        }
        guard nextChunk < chunks else { return nil }
        nextChunk += 1
        return nextChunk - 1
    }

    /// Puts the results of chunk `chunkIndex`.
    func put(_ values: [Value], chunk chunkIndex: Int) {
        condition.lock()
        let start = chunkIndex * chunk
        for (offset, value) in values.enumerated() { slots[start + offset] = value }
        if let awaited, awaited >= start, awaited < start + values.count { condition.broadcast() }
        condition.unlock()
    }

    /// The result at `index` when it is there (its slot is emptied); else a chunk for the caller to
    /// read when one may be read; else waits until the result is put.
    ///
    /// The chunk holding `index` is always claimed when this waits: chunks are claimed in order and the
    /// window reaches past `index`, and a reader puts its chunk without waiting.
    func takeOrClaim(at index: Int) -> Next {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = slots[index] {
                slots[index] = nil
                taken = index + 1
                if readersWaiting > 0, nextChunk < chunks, hasRoom { condition.broadcast() }
                return .value(value)
            }
            if nextChunk < chunks, hasRoom {
                nextChunk += 1
                return .chunk(nextChunk - 1)
            }
            awaited = index
            condition.wait()
            awaited = nil
        }
    }
}
