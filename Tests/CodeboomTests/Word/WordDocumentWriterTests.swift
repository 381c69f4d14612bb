import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct WordDocumentWriterTests {
    /// A document with every kind of block, and text that must stay text.
    static func sample() -> WordDocument {
        var document = WordDocument(title: "Proef & <titel>")
        document.paragraph("Resultaten", style: .title)
        document.paragraph("Deelvraag 1", style: .heading1)
        document.paragraph("Thema's", style: .heading2)
        document.paragraph("Een klik", style: .heading3)
        document.append(.paragraph(WordParagraph(runs: [WordRun("Gewoon, "), WordRun("vet", bold: true), WordRun(" en "), WordRun("schuin", italic: true)])))
        document.paragraph("“Het <script>alert(1)</script> & </w:t> klikt.”\nTweede regel\tmet tab", style: .quote)
        document.paragraph("Eerste punt", style: .listItem)
        document.append(.table(WordTable(rows: [
            [WordTableCell("Thema"), WordTableCell("Cliënt (N=4)", alignment: .end)],
            [WordTableCell("Een juiste match"), WordTableCell("3/4", alignment: .end)],
            [WordTableCell("</w:tbl> & co"), WordTableCell("17/23", alignment: .end)],
        ], columnWidths: [3, 1])))
        document.append(.pageBreak)
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect x="10" y="10" width="120" height="30" fill="#0072B2"/><text x="10" y="80" font-size="14">Figuurtekst 42/99</text></svg>"##
        document.append(.paragraph(WordParagraph(runs: [WordRun(image: WordImage(fileName: "figuur-1.svg", svg: Array(svg.utf8), width: 300, height: 150, description: "Staaf \"A\" & <B>"))])))
        document.paragraph("Figuur 1. Een staaf.", style: .caption)
        return document
    }

    @Test("document.xml of the sample matches its reviewed golden file and is the same on every run")
    func golden() {
        let xml = WordDocumentWriter.documentXML(of: Self.sample())
        expectGolden(xml, "word/sample-document.xml")
        #expect(WordDocumentWriter.parts(of: Self.sample()) == WordDocumentWriter.parts(of: Self.sample()))
    }

    @Test("every XML part is well-formed and markup in the text stays text")
    func wellFormed() throws {
        for part in WordDocumentWriter.parts(of: Self.sample()) where part.path.hasSuffix(".xml") || part.path.hasSuffix(".rels") {
            _ = try SafeXML.parse(Data(part.bytes))
        }
        let document = try SafeXML.parse(Data(WordDocumentWriter.documentXML(of: Self.sample()).utf8))
        func texts(_ element: SafeXML.Element) -> [String] {
            (element.name == "w:t" ? [element.text] : []) + element.elements.flatMap(texts)
        }
        let all = texts(document)
        #expect(all.contains("“Het <script>alert(1)</script> & </w:t> klikt.”"))
        #expect(all.contains("</w:tbl> & co"))
        #expect(all.contains("17/23"))
    }

    @Test("the package names the SVG both in the picture's blip and in Office's svgBlip extension, with its content type")
    func svgImage() throws {
        let parts = WordDocumentWriter.parts(of: Self.sample())
        let types = try #require(parts.first { $0.path == "[Content_Types].xml" })
        #expect(String(decoding: types.bytes, as: UTF8.self).contains(#"<Default Extension="svg" ContentType="image/svg+xml"/>"#))
        #expect(parts.contains { $0.path == "word/media/figuur-1.svg" })
        let xml = WordDocumentWriter.documentXML(of: Self.sample())
        #expect(xml.contains(#"<a:blip r:embed="rId2"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rId2"/>"#))
        #expect(xml.contains(#"descr="Staaf &quot;A&quot; &amp; &lt;B&gt;""#))
    }

    /// Writes the sample as a .docx into a new temporary folder.
    static func writeSample() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-word-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("proef.docx")
        var zip = TestZipWriter()
        for part in WordDocumentWriter.parts(of: sample()) { zip.add(.init(name: part.path, data: Data(part.bytes))) }
        try zip.archive().write(to: file)
        return file
    }

    @Test("python-docx reads the headings as Word's heading styles, the quote style and the table's cells")
    func pythonDocx() throws {
        guard let python = ExternalProgram.find("python3"),
              try ExternalProgram.run(python, ["-c", "import docx"]).status == 0 else { return }
        let file = try Self.writeSample()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let script = """
            import docx, sys
            d = docx.Document(sys.argv[1])
            for p in d.paragraphs:
                print(p.style.name + '|' + p.text)
            for t in d.tables:
                for r in t.rows:
                    print('row|' + '|'.join(c.text for c in r.cells))
            """
        let run = try ExternalProgram.run(python, ["-c", script, file.path])
        #expect(run.status == 0, Comment(rawValue: run.output))
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("Heading 1|Deelvraag 1"))
        #expect(lines.contains("Heading 2|Thema's"))
        #expect(lines.contains("Heading 3|Een klik"))
        #expect(lines.contains("Title|Resultaten"))
        #expect(lines.contains { $0.hasPrefix("Quote|“Het <script>alert(1)</script> & </w:t> klikt.”") })
        #expect(lines.contains("row|Een juiste match|3/4"))
        #expect(lines.contains("row|</w:tbl> & co|17/23"))
    }

    @Test("LibreOffice converts the document to PDF without repair, with the table's numbers and the figure's text", .enabled(if: ExternalProgram.find("soffice") != nil && ExternalProgram.find("pdftotext") != nil, "LibreOffice (soffice) or pdftotext is not installed"))
    func libreOffice() throws {
        guard let soffice = ExternalProgram.find("soffice"), let pdftotext = ExternalProgram.find("pdftotext") else { return }
        let file = try Self.writeSample()
        let folder = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("profile").absoluteString
        let conversion = try ExternalProgram.run(soffice, ["-env:UserInstallation=\(profile)", "--headless", "--convert-to", "pdf",
                                                           "--outdir", folder.path, file.path], timeout: 180)
        #expect(conversion.status == 0, Comment(rawValue: conversion.output))
        let pdf = folder.appendingPathComponent("proef.pdf")
        let text = try ExternalProgram.run(pdftotext, ["-layout", pdf.path, "-"])
        #expect(text.status == 0)
        for expected in ["Deelvraag 1", "Een juiste match", "3/4", "17/23", "</w:tbl> & co", "<script>alert(1)</script>", "Figuurtekst 42/99"] {
            #expect(text.output.contains(expected), Comment(rawValue: expected + " missing from:\n" + text.output))
        }
    }
}
