import Foundation

/// The `project.qde` of a `.qdpx` read as it is inflated, piece by piece (``ZipArchive/read(_:chunkSize:into:)``
/// and ``REFIProjectScanner``), so that neither the file of hundreds of megabytes nor its tree is ever held.
///
/// It is read twice: first everything but the sources (users, codebook, variables, cases and notes — the
/// standard puts the notes after the sources, and the sources need them), then the sources, parsed a batch at a
/// time on all cores and handed to the ``REFIImportBuilder``. Inflating the file is checked against the archive's
/// limits, its size and its CRC-32 the first time, before anything is written.
struct REFIImportStream {
    let archive: ZipArchive
    /// The project file's entry.
    let entry: String
    /// The archive as messages name it.
    let shown: String
    /// The project's name when it has none.
    let fallbackName: String

    /// Sources parsed and built together.
    static let batchSize = 32

    /// The project without the sources of its `<Sources>`, and the messages of reading it; nil when the scanner
    /// gives up (the file is then to be read whole). Failures come in the order of reading the file whole: the
    /// archive's, the skeleton's XML, a root that is no project, then the first element of `<Cases>` and of
    /// `<Notes>` that is not XML.
    func readAllButSources() throws(REFIImport.Failure) -> Project? {
        var scanner = REFIProjectScanner()
        /// What the elements of `<Cases>` and of `<Notes>` gave, in that order, kept compact as they come.
        var found = Array(repeating: (cases: [REFIImportBuilder.Case](), notes: REFIImportNotes(), warnings: [String](),
                                      failure: REFIImport.Failure?.none), count: 2)
        func handle(_ container: REFIProjectScanner.Container, _ bytes: Data, _ offset: Int) {
            guard container != .sources else { return }
            let index = container == .cases ? 0 : 1
            guard found[index].failure == nil else { return }
            do throws(SafeXMLError) {
                let element = try SafeXML.parse(bytes)
                if let item = REFIProjectReader.case(element, warnings: &found[index].warnings) { found[index].cases.append(.init(item)) }
                if let note = REFIProjectReader.note(element) { found[index].notes.add([note]) }
            } catch {
                found[index].failure = .xml(file: shown, part: "\(entry), the element at byte \(offset)", error)
            }
        }
        do { try archive.read(entry) { scanner.feed($0, element: handle) } } catch { throw .archive(file: shown, error) }
        guard let skeleton = scanner.finish(element: handle) else { return nil }
        let root: SafeXML.Element
        do { root = try SafeXML.parse(skeleton) } catch { throw .xml(file: shown, part: entry, error) }
        var warnings: [String] = []
        var project: REFIProject
        do { project = try REFIProjectReader.read(root, fallbackName: fallbackName, warnings: &warnings) } catch {
            throw .notREFI(file: shown, root: error.root)
        }
        var cases = project.cases.map(REFIImportBuilder.Case.init)
        var notes = REFIImportNotes()
        notes.add(project.notes)
        project.cases = []
        project.notes = []
        for part in found {
            if let failure = part.failure { throw failure }
        }
        for part in found {
            cases += part.cases
            if notes.order.isEmpty { notes = part.notes } else { notes.append(part.notes) }
            warnings += part.warnings
        }
        return Project(project: project, cases: cases, notes: notes, warnings: warnings)
    }

    /// The project without the sources of its `<Sources>`, with its cases and notes kept compact.
    struct Project {
        var project: REFIProject
        var cases: [REFIImportBuilder.Case]
        var notes: REFIImportNotes
        /// The messages of reading it.
        var warnings: [String]
    }

    /// Hands the sources of `<Sources>` to `builder` in batches, in file order, with the messages of parsing
    /// them; the first that is not XML is the failure, and nothing from it on is handed over.
    func readSources(into builder: inout REFIImportBuilder) throws(REFIImport.Failure) {
        var scanner = REFIProjectScanner()
        var batch: [(bytes: Data, offset: Int)] = []
        var failure: REFIImport.Failure? = nil
        func build() {
            defer { batch = [] }
            guard failure == nil, !batch.isEmpty else { return }
            var sources: [REFIProject.Source] = []
            var warnings: [String] = []
            for result in parse(batch) {
                switch result {
                case .failure(let error):
                    failure = error
                    return
                case .success(let (source, sourceWarnings)):
                    warnings += sourceWarnings
                    if let source { sources.append(source) }
                }
            }
            builder.add(sources, warnings: warnings)
        }
        func handle(_ container: REFIProjectScanner.Container, _ bytes: Data, _ offset: Int) {
            guard container == .sources, failure == nil else { return }
            batch.append((bytes, offset))
            if batch.count >= Self.batchSize { build() }
        }
        do { try archive.read(entry) { scanner.feed($0, element: handle) } } catch { throw .archive(file: shown, error) }
        _ = scanner.finish(element: handle)
        build()
        if let failure { throw failure }
    }

    /// Each source element parsed by ``SafeXML`` on its own, on all cores, in file order.
    private func parse(_ batch: [(bytes: Data, offset: Int)]) -> [Result<(REFIProject.Source?, [String]), REFIImport.Failure>] {
        let results = UnsafeMutableBufferPointer<Result<(REFIProject.Source?, [String]), REFIImport.Failure>?>.allocate(capacity: batch.count)
        results.initialize(repeating: nil)
        defer {
            // deallocate() alone would leave the results it holds retained: each source and its rows, leaked.
            _ = results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let output = results
        let shown = shown
        let entry = entry
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            do throws(SafeXMLError) {
                let element = try SafeXML.parse(batch[index].bytes)
                var warnings: [String] = []
                let source = REFIProjectReader.source(element, warnings: &warnings)
                output[index] = .success((source, warnings))
            } catch {
                output[index] = .failure(.xml(file: shown, part: "\(entry), the source element at byte \(batch[index].offset)", error))
            }
        }
        return results.map { $0! }
    }
}
