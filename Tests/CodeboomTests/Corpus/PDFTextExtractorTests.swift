import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// `pdftotext` is read on both outputs at once, within a time and a size limit (issue 12, point 5).
@Suite struct PDFTextExtractorTests {
    /// A stand-in for `pdftotext`: a shell script, so each way a program can misbehave is certain.
    func fakeTool(_ script: String) throws -> (tool: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tool = folder.appendingPathComponent("pdftotext")
        try ("#!/bin/sh\n" + script + "\n").write(to: tool, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        return (tool.path, folder)
    }

    @Test("output and messages are read at once: 200 KB of messages before any text does not block")
    func messagesBeforeText() throws {
        let fake = try fakeTool("yes 'Syntax Error: kapot' | head -c 200000 >&2\necho 'R: tekst'")
        defer { try? FileManager.default.removeItem(at: fake.folder) }
        let extraction = try PDFTextExtractor.extract(URL(fileURLWithPath: "/dev/null"), timeout: 30, tool: fake.tool)
        #expect(extraction.text == "R: tekst\n")
        #expect(extraction.messages == ["Syntax Error: kapot", "Syntax Error: kapot", "Syntax Error: kapot"])
        #expect(extraction.summary.hasPrefix("Syntax Error: kapot; Syntax Error: kapot; Syntax Error: kapot (and at least "))
    }

    @Test("a refusal names what pdftotext said")
    func refusal() throws {
        let fake = try fakeTool("echo 'Syntax Warning: May not be a PDF file' >&2\necho \"I/O Error: Couldn't open file '$4'\" >&2\nexit 1")
        defer { try? FileManager.default.removeItem(at: fake.folder) }
        #expect(throws: PDFTextExtractor.Failure.unreadable(reason: "Syntax Warning: May not be a PDF file; I/O Error: Couldn't open file '/dev/null'")) {
            try PDFTextExtractor.extract(URL(fileURLWithPath: "/dev/null"), tool: fake.tool)
        }
    }

    @Test("a pdftotext that never finishes is stopped at the time limit, also after closing its outputs",
          arguments: ["echo 'Working…' >&2\nsleep 60", "exec >&- 2>&-\nsleep 60"])
    func timeout(script: String) throws {
        let fake = try fakeTool(script)
        defer { try? FileManager.default.removeItem(at: fake.folder) }
        let started = Date()
        #expect(throws: PDFTextExtractor.Failure.self) {
            try PDFTextExtractor.extract(URL(fileURLWithPath: "/dev/null"), timeout: 1, tool: fake.tool)
        }
        do {
            _ = try PDFTextExtractor.extract(URL(fileURLWithPath: "/dev/null"), timeout: 1, tool: fake.tool)
        } catch {
            #expect(error == .unreadable(reason: script.hasPrefix("echo") ? "pdftotext did not finish within 1 s; it said: Working…" : "pdftotext did not finish within 1 s"))
        }
        // Not a timing test: a hang would never get here; this only says the limit, not sleep, ended it.
        #expect(Date().timeIntervalSince(started) < 50)
    }

    @Test("a pdftotext that writes without end is stopped at the size limit")
    func sizeLimit() throws {
        let fake = try fakeTool("yes 'R: nog meer tekst'")
        defer { try? FileManager.default.removeItem(at: fake.folder) }
        #expect(throws: PDFTextExtractor.Failure.unreadable(reason: "pdftotext wrote more than 1 MB of text")) {
            try PDFTextExtractor.extract(URL(fileURLWithPath: "/dev/null"), timeout: 60, maximumBytes: 1_048_576, tool: fake.tool)
        }
    }

    @Test("many PDFs read at the same time each finish: no child holds another's pipes")
    func concurrent() throws {
        let fake = try fakeTool("sleep 0.2\necho \"R: $4\"")
        defer { try? FileManager.default.removeItem(at: fake.folder) }
        let texts = ConcurrentResults(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { number in
            texts.set((try? PDFTextExtractor.extract(URL(fileURLWithPath: "/tmp/\(number).pdf"), timeout: 30, tool: fake.tool).text) ?? "failed",
                      at: number)
        }
        #expect(texts.values == (0..<16).map { "R: /tmp/\($0).pdf\n" })
    }
}

/// Results written from several threads at once, each to its own place.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [String]

    init(count: Int) { slots = Array(repeating: "", count: count) }

    func set(_ value: String, at index: Int) { lock.withLock { slots[index] = value } }

    var values: [String] { lock.withLock { slots } }
}
