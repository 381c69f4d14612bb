import Foundation
import Testing

@testable import Codeboom

@Suite struct WordDocumentReaderTests {
    private let reader = WordDocumentReader()

    @Test("a LibreOffice .docx with comments gives the paragraphs and both comments on the right ranges")
    func comments() throws {
        let extracted = try reader.read(try Fixtures.data("comment.docx"))
        #expect(extracted.text == """
            I: Hoe kwam je bij mevrouw Jansen terecht?
            R: Via Marieke van het wijkteam. Het klikte meteen, we hadden allebei een volkstuin in De Hoven. Dat scheelt.
            I: En daarna?
            R: Ik ga nu elke dinsdag langs, dat is zo afgesproken.
            """)
        #expect(extracted.annotations == [
            ExtractedAnnotation(author: "Anna de Vries", initials: "AdV", text: "#juiste-match", start: 76, end: 139),
            ExtractedAnnotation(author: "Bram Smit", initials: "BS", text: "#heldere-rollen", start: 167, end: 221),
        ])
        #expect(extracted.text.scalars(76..<139) == "Het klikte meteen, we hadden allebei een volkstuin in De Hoven.")
        #expect(extracted.text.scalars(167..<221) == "R: Ik ga nu elke dinsdag langs, dat is zo afgesproken.")
        #expect(extracted.cueTimes.isEmpty)
    }

    @Test("tracked changes read as accepted: the insertion stays, the deletion goes")
    func trackedChanges() throws {
        let extracted = try reader.read(try Fixtures.data("tracked-changes.docx"))
        #expect(extracted.text == """
            I: Wanneer zag je haar voor het eerst?
            R: Dat was in februari, maart geloof ik. Ik was best zenuwachtig.
            """)
    }

    @Test("a two-column table becomes speaker turns; other tables join cells with tabs")
    func tables() throws {
        let extracted = try reader.read(try Fixtures.data("table.docx"))
        #expect(extracted.text == """
            Focusgroep vrijwilligers, 14 maart 2016
            Gespreksleider: Wat gaat er goed?
            Anouk: De korte lijnen met het wijkteam. Echt waar.
            Henk: Bij mij ook, ja.
            [lacht]
            Tijdlijn
            2014\tStart\tOp Orde
            2016\tEvaluatie\tRijnstad
            """)
    }

    @Test("bold and tab labels become Label: lines; headers, footers and footnotes stay out; text is NFC")
    func labels() throws {
        let extracted = try reader.read(try Fixtures.data("labels.docx"))
        #expect(extracted.text == """
            Interviewer: Wat doe je als co\u{F6}rdinator?
            Respondent: Ik koppel cli\u{EB}nten aan vrijwilligers.
            I: Hoe lang al?
            R: Sinds 2014.
            Daarvoor bij Op Orde.
            Ja. Dat klopt   wel.
            I: Dank je wel.
            """)
        #expect(!extracted.text.unicodeScalars.contains("\u{308}"))
        #expect(!extracted.text.contains("Rijnstad, vertrouwelijk"))
        #expect(!extracted.text.contains("Voetnoot"))
    }

    @Test("a comment range that starts inside a bold label keeps pointing at the same words")
    func commentAcrossLabel() throws {
        let document = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:commentRangeStart w:id="7"/><w:r><w:rPr><w:b/></w:rPr><w:t>Anouk</w:t></w:r><w:r><w:t xml:space="preserve">   Het gaat </w:t></w:r><w:r><w:t>goed</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:t>.</w:t></w:r></w:p>
            </w:body></w:document>
            """
        let comments = """
            <w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="Bram"><w:p><w:r><w:t>#successen-delen</w:t></w:r></w:p></w:comment></w:comments>
            """
        var writer = TestZipWriter()
        writer.add("word/document.xml", document)
        writer.add("word/comments.xml", comments)
        let extracted = try reader.read(writer.archive())
        #expect(extracted.text == "Anouk: Het gaat goed.")
        #expect(extracted.annotations == [
            ExtractedAnnotation(author: "Bram", initials: nil, text: "#successen-delen", start: 0, end: 20),
        ])
    }

    @Test("offsets count Unicode scalars, not characters")
    func scalarOffsets() throws {
        // "👩‍👩‍👧" is one Character but five scalars.
        let document = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t>👩‍👩‍👧 R: </w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t>ja</w:t></w:r><w:commentRangeEnd w:id="1"/></w:p>
            </w:body></w:document>
            """
        let comments = """
            <w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="1" w:author="A" w:initials="A"><w:p><w:r><w:t>#x</w:t></w:r></w:p></w:comment></w:comments>
            """
        var writer = TestZipWriter()
        writer.add("word/document.xml", document)
        writer.add("word/comments.xml", comments)
        let extracted = try reader.read(writer.archive())
        #expect(extracted.annotations.map { $0.start..<$0.end } == [9..<11])
        #expect(extracted.text.scalars(9..<11) == "ja")
    }

    @Test("a deleted paragraph mark joins the paragraph with the next")
    func deletedParagraphMark() throws {
        let document = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">R: Eerst dit </w:t></w:r></w:p>
            <w:p><w:r><w:t>en dan dat.</w:t></w:r><w:del w:id="2" w:author="A"><w:r><w:delText>weg</w:delText></w:r></w:del></w:p>
            </w:body></w:document>
            """
        var writer = TestZipWriter()
        writer.add("word/document.xml", document)
        #expect(try reader.read(writer.archive()).text == "R: Eerst dit en dan dat.")
    }

    @Test("XXE in word/document.xml is refused with the part named")
    func xxe() {
        var writer = TestZipWriter()
        writer.add("word/document.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <w:document><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
            """)
        #expect(throws: DocumentReaderError.xml(part: "word/document.xml", .doctypeForbidden(line: 2, column: 1))) {
            try reader.read(writer.archive())
        }
    }

    @Test("a zip-slip entry in a .docx is refused as an archive error")
    func zipSlip() {
        var writer = TestZipWriter()
        writer.add("word/document.xml", "<w:document/>")
        writer.add("../evil.txt", "boo")
        #expect(throws: DocumentReaderError.archive(.pathTraversal(entry: "../evil.txt"))) {
            try reader.read(writer.archive())
        }
    }

    @Test("a .docx without word/document.xml is reported as not a Word document")
    func missingDocument() {
        var writer = TestZipWriter()
        writer.add("content.xml", "<office:document-content/>")
        #expect(throws: DocumentReaderError.missingPart(part: "word/document.xml", format: ".docx")) {
            try reader.read(writer.archive())
        }
    }

    @Test("a truncated .docx is an error, not a crash")
    func truncated() throws {
        let data = try Fixtures.data("comment.docx")
        #expect(throws: DocumentReaderError.self) { try reader.read(data.prefix(data.count - 30)) }
    }
}
