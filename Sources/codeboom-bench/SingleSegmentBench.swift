import Codeboom
import Foundation

/// Documents that are one segment: a transcript without speaker turns or blank lines is one
/// segment, however long, so search and auto-coding must stay linear inside a segment.
///
/// `--single-segment WORDS` writes one such document of WORDS, 2 × WORDS and 4 × WORDS words
/// (about a third of them hits, like the 47,000-word document with 17,000 hits of the report)
/// and times `search` and `autocode` on each: times should double with the size, and search
/// stay within a small factor of autocode on the same document.
///
/// `--long-line MEGABYTES` writes one document of a single line of that size with a hit in
/// every word, and gives the peak memory of `autocode` on it next to the file's size.
enum SingleSegmentBench {
    static let words = SyntheticCorpus.words
    static let hitWords = ["zorg", "zorgverlener", "hulp", "contact"]
    static let codebook = """
        # Eén segment
        ## Thema {#thema}
        ### Zorg {#zorg}
        trefwoorden: zorg*, hulp
        ### Contact {#contact}
        trefwoorden: contact, "gewoon eigenlijk"

        """
    static let searchTerms = ["zorg*", "hulp", "contact"]

    /// Writes a project with one document: a front matter and `body` as its only paragraph.
    static func writeProject(at root: URL, body: (FileHandle) throws -> Void) throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: root)
        try fileManager.createDirectory(at: root.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: root.appendingPathComponent("Codebooks"), withIntermediateDirectories: true)
        try codebook.write(to: root.appendingPathComponent("Codebooks/een-segment.md"), atomically: true, encoding: .utf8)
        let url = root.appendingPathComponent("Corpus/notities.txt")
        guard fileManager.createFile(atPath: url.path, contents: Data("---\ntype: notities\nperspectief: p\n---\n".utf8)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try body(handle)
    }

    /// `count` words on one line, about a third of them hits.
    static func words(_ count: Int, seed: UInt64) -> String {
        var generator = SplitMix64(seed: seed)
        var text = ""
        text.reserveCapacity(count * 8)
        for index in 0..<count {
            if index > 0 { text += " " }
            text += generator.next() % 100 < 36
                ? hitWords[Int(generator.next() % UInt64(hitWords.count))]
                : words[Int(generator.next() % UInt64(words.count))]
        }
        return text + ".\n"
    }

    static func runLinearity(words count: Int, runs: Int, binary: String) throws {
        print("one segment of N words (~36% hits): median of \(runs) runs")
        print("commands (wall, incl. start and reading) | in-process: proposing codings, finding hits with context, writing the Markdown table")
        print("| words | bytes | autocode | search | search / autocode | hits | codings in-process | hits in-process | table |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        var previous: (autocode: Double, search: Double)?
        var growth: [String] = []
        for factor in [1, 2, 4] {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-bench-segment-\(factor)")
            let text = words(count * factor, seed: 47)
            try writeProject(at: root) { try $0.write(contentsOf: Data(text.utf8)) }
            defer { try? FileManager.default.removeItem(at: root) }
            var autocode: [Double] = [], search: [Double] = []
            for _ in 0..<runs {
                autocode.append(measure(binary, ["autocode", "--project", root.path]).seconds)
                search.append(measure(binary, ["search"] + searchTerms + ["--project", root.path]).seconds)
            }
            // The same work in-process, without starting a program and reading the project:
            // proposing codings against finding every hit with its context, and writing the hits out.
            let project = try ProjectLoader.load(directory: root.path).project
            let documents = project.documents.indices.compactMap { project.readDocument(at: $0) }
            let rules = KeywordRules(codebook: project.codebook)
            let matcher = try KeywordMatcher(checking: KeywordTermParser.parse(searchTerms.joined(separator: ", ")))
            var inProcess = (autocode: [Double](), search: [Double](), render: [Double]())
            var hitCount = 0
            for _ in 0..<runs {
                inProcess.autocode.append(seconds { for document in documents { _ = AutoCoder(rules: rules).sidecarRows(in: document) } })
                var found: KeywordSearch?
                inProcess.search.append(seconds { found = KeywordSearch(project: project, matcher: matcher) })
                inProcess.render.append(seconds { _ = found.map { SearchMarkdownRenderer.render($0) } })
                hitCount = found?.hits.count ?? 0
            }
            let a = median(autocode), s = median(search)
            print("| \(count * factor) | \(text.utf8.count) | \(format(a)) s | \(format(s)) s | \(format(s / a))× |"
                  + " \(hitCount) | \(milliseconds(median(inProcess.autocode))) | \(milliseconds(median(inProcess.search))) | \(milliseconds(median(inProcess.render))) |")
            if let previous { growth.append("×\(factor): autocode \(format(a / previous.autocode))×, search \(format(s / previous.search))×") }
            previous = (a, s)
        }
        print("growth per doubling (2.00× is linear, 4.00× quadratic): " + growth.joined(separator: "; "))
    }

    static func runLongLine(megabytes: Int, binary: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-bench-line-\(megabytes)")
        let piece = Data(String(repeating: "zorg hulp contact gewoon eigenlijk de ", count: 1_000).utf8)
        var written = 0
        try writeProject(at: root) { handle in
            while written < megabytes << 20 {
                try handle.write(contentsOf: piece)
                written += piece.count
            }
            try handle.write(contentsOf: Data("\n".utf8))
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let result = measure(binary, ["autocode", "--project", root.path])
        let peak = result.megabytes.map { "\(format($0)) MB = \(format($0 / Double(written) * 1_048_576))× the file" } ?? "? (no /usr/bin/time)"
        print("autocode on one line of \(format(Double(written) / 1_048_576)) MB (a hit in every word): \(format(result.seconds)) s, peak memory \(peak)")
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}
