import Foundation
import Testing
@testable import Codeboom

/// `pdftotext` is read on both outputs at once, within a time and a size limit (issue 12, point 5).
@Suite struct PDFTextExtractorTests {
    /// A one-page PDF, written as the PDF 1.4 reference lays out a file (header, objects, xref table,
    /// trailer), whose page content holds `noise` unknown operators after the text: `pdftotext`
    /// prints the text and one "Syntax Error … Unknown operator" line per operator.
    static func noisyPDF(text: String, noise: Int) -> [UInt8] {
        let operators = (0..<noise).map { "foo\($0) " }.joined()
        let content = "BT /F1 12 Tf 72 712 Td (\(text)) Tj ET " + operators
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var file = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (number, object) in objects.enumerated() {
            offsets.append(file.utf8.count)
            file += "\(number + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = file.utf8.count
        file += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { file += String(format: "%010d 00000 n \n", offset) }
        file += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(file.utf8)
    }

    /// A stand-in for `pdftotext`: a shell script, so each way a program can misbehave is certain.
    func fakeTool(_ script: String) throws -> (tool: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tool = folder.appendingPathComponent("pdftotext")
        try ("#!/bin/sh\n" + script + "\n").write(to: tool, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        return (tool.path, folder)
    }

    @Test("a PDF that makes pdftotext write 130 KB of messages is read, and what pdftotext said becomes a warning")
    func noisyPDFIsRead() throws {
        guard PDFTextExtractor.toolPath != nil else {
            print("skipped: pdftotext (poppler-utils) is not installed")
            return
        }
        let project = try TemporaryProject([:])
        defer { project.remove() }
        try project.write("Corpus/ruis.pdf", bytes: Self.noisyPDF(text: "R: Het klikt wel.", noise: 3_000))
        let run = try runCodeboomBounded(["check", "--project", project.path], timeout: 60)
        #expect(!run.timedOut)
        #expect(run.stdout.contains("Corpus/ruis.pdf: warning: pdftotext reported: Syntax Error"))
        #expect(run.stdout.contains("Unknown operator 'foo0'"))
        #expect(run.stdout.contains("1 documents, 1 segments"))
        // The messages really were over a pipe's 64 KB: the deadlock the old reading order had.
        let direct = try PDFTextExtractor.extract(project.root.appendingPathComponent("Corpus/ruis.pdf"))
        #expect(direct.text.contains("R: Het klikt wel."))
        #expect(direct.messageCount >= 1_000)
        #expect(!direct.isCountComplete)
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
        let texts = ParallelMap.map(Array(0..<16)) { number in
            (try? PDFTextExtractor.extract(URL(fileURLWithPath: "/tmp/\(number).pdf"), timeout: 30, tool: fake.tool).text) ?? "failed"
        }
        #expect(texts == (0..<16).map { "R: /tmp/\($0).pdf\n" })
    }
}
