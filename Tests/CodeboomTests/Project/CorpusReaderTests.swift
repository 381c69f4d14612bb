import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct CorpusReaderTests {
    /// A project of `count` transcripts `d-000.txt`… whose respondent says its number.
    private func numberedProject(_ count: Int, empty: Set<Int> = []) throws -> TemporaryProject {
        var files: [String: String] = [:]
        for number in 0..<count {
            files["Corpus/" + name(number)] = empty.contains(number) ? " \n" : "I: Welk nummer?\nR: Nummer \(number) hier.\n"
        }
        return try TemporaryProject(files)
    }

    private func name(_ number: Int) -> String {
        "d-" + String(repeating: "0", count: max(0, 3 - String(number).count)) + "\(number).txt"
    }

    @Test("every file is handed on once, in corpus order, with its own document, for 1, 7, 8, 9, 17 and 403 files")
    func everyFileOnceInOrder() throws {
        for count in [1, 7, 8, 9, 17, 403] {
            let project = try numberedProject(count)
            defer { project.remove() }
            let reader = CorpusReader(try CorpusScanner.scan(directory: project.path))
            var seen: [(path: String, id: String?, text: String?)] = []
            reader.forEach(transform: { String($0.document.text.split(separator: "\n").last ?? "") }) { result in
                seen.append((result.path, result.documentID, result.value))
            }
            #expect(seen.map(\.path) == (0..<count).map { "Corpus/" + name($0) })
            #expect(seen.map(\.id) == (0..<count).map { Optional(String(name($0).dropLast(4))) })
            #expect(seen.map(\.text) == (0..<count).map { Optional("R: Nummer \($0) hier.") })
        }
    }

    @Test("a file that gives no document keeps its place, with its error, between the documents around it")
    func emptyFileKeepsItsPlace() throws {
        let project = try numberedProject(30, empty: [0, 9, 29])
        defer { project.remove() }
        let results = CorpusReader(try CorpusScanner.scan(directory: project.path)).map(transform: { $0.document.id })
        #expect(results.map(\.path) == (0..<30).map { "Corpus/" + name($0) })
        for (number, result) in results.enumerated() {
            if [0, 9, 29].contains(number) {
                #expect(result.value == nil)
                #expect(result.diagnostics.map(\.description) == ["Corpus/\(name(number)): error: the file is empty — add the transcript text, or remove the file from Corpus/"])
            } else {
                #expect(result.value == String(name(number).dropLast(4)))
                #expect(result.diagnostics.isEmpty)
            }
        }
    }

    @Test("a slow consumer: reading runs at most the window ahead of it, and it is called on the calling thread")
    func slowConsumerBoundsReadingAhead() throws {
        let project = try numberedProject(403)
        defer { project.remove() }
        let reader = CorpusReader(try CorpusScanner.scan(directory: project.path))
        let transformed = Counter()
        let caller = ObjectIdentifier(Thread.current)
        var delivered = 0
        var mostAhead = 0
        var onOtherThreads = 0
        reader.forEach(transform: { _ in transformed.increment() }) { _ in
            delivered += 1
            mostAhead = max(mostAhead, transformed.value - delivered)
            if ObjectIdentifier(Thread.current) != caller { onOtherThreads += 1 }
            if delivered % 4 == 0 { usleep(300) }
        }
        // The window is max(16, 4 × cores) chunks of 8 files; one chunk may be read beyond it.
        let window = (max(16, 4 * ProcessInfo.processInfo.activeProcessorCount) + 1) * 8
        #expect(delivered == 403)
        #expect(transformed.value == 403)
        #expect(mostAhead <= window)
        #expect(onOtherThreads == 0)
    }
}

/// A count shared by the reading threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}
