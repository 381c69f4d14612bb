import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct PDFTextExtractorCLITests {
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
}
