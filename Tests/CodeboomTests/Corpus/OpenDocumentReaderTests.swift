import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct OpenDocumentReaderTests {
    private let reader = OpenDocumentReader()

    @Test("a LibreOffice .odt with a ranged and a point comment gives the same text and ranges as the .docx")
    func comments() throws {
        let extracted = try reader.read(try Fixtures.data("comment.odt"))
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
        #expect(extracted == (try WordDocumentReader().read(try Fixtures.data("comment.docx"))))
    }

    @Test("tracked changes read as accepted: the change log's deleted text stays out")
    func trackedChanges() throws {
        let extracted = try reader.read(try Fixtures.data("tracked-changes.odt"))
        #expect(extracted.text == """
            I: Wanneer zag je haar voor het eerst?
            R: Dat was in februari, maart geloof ik. Ik was best zenuwachtig.
            """)
        #expect(!extracted.text.contains("helemaal niet"))
    }

    @Test("a two-column table is speaker turns when its labels recur or its header says so; other tables join cells with tabs")
    func tables() throws {
        let extracted = try reader.read(try Fixtures.data("table.odt"))
        #expect(extracted.text == """
            Focusgroep vrijwilligers, 14 maart 2016
            Datum\t14 maart 2016
            Plaats\tBuurthuis De Hoven
            Aanwezig\tAnouk, Henk en de gespreksleider
            Transcript
            Gespreksleider: Wat gaat er goed?
            Anouk: De korte lijnen met het wijkteam. Echt waar.
            Henk: Bij mij ook, ja.
            [lacht]
            Gespreksleider: En wat kan beter?
            Anouk: Meer tijd voor de intake.
            Nagesprek
            Marieke: Ik kwam later binnen.
            Ruud: Ik ook.
            Tijdlijn
            2014\tStart\tOp Orde
            2016\tEvaluatie\tRijnstad
            """)
    }

    @Test("bold and tab labels, text:s and line breaks; footnotes and headers stay out; text is NFC")
    func labels() throws {
        let extracted = try reader.read(try Fixtures.data("labels.odt"))
        #expect(extracted.text == """
            Interviewer: Wat doe je als co\u{F6}rdinator?
            Respondent: Ik koppel cli\u{EB}nten aan vrijwilligers.
            I: Hoe lang al?
            R: Sinds 2014.
            Daarvoor bij Op Orde.
            Ja. Dat klopt   wel.
            I: Dank je wel.
            """)
        #expect(extracted == (try WordDocumentReader().read(try Fixtures.data("labels.docx"))))
    }

    private func odt(_ body: String, styles: String = "") -> Data {
        var writer = TestZipWriter()
        writer.add("mimetype", "application/vnd.oasis.opendocument.text", deflate: false)
        writer.add("content.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:automatic-styles>\(styles)</office:automatic-styles><office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """)
        return writer.archive()
    }

    @Test("white space collapses as ODF says, and text:s keeps its count")
    func whiteSpace() throws {
        let data = odt("<text:p>  R:   ja,\n   eh<text:s text:c=\"2\"/> nou<text:tab/>dus</text:p>")
        #expect(try reader.read(data).text == "R: ja, eh   nou\tdus")
    }

    @Test("a comment over several paragraphs spans the line breaks between them")
    func multiParagraphComment() throws {
        let data = odt("""
            <text:p>R: Eerst <office:annotation office:name="a1"><dc:creator>Anna</dc:creator><text:p>#korte-lijnen</text:p></office:annotation>dit.</text:p><text:p>En dat<office:annotation-end office:name="a1"/> ook.</text:p>
            """)
        let extracted = try reader.read(data)
        #expect(extracted.text == "R: Eerst dit.\nEn dat ook.")
        #expect(extracted.annotations.map { extracted.text.scalars($0.start..<$0.end) } == ["dit.\nEn dat"])
        #expect(extracted.annotations.first?.initials == nil)
    }

    @Test("a document with another prefix for the text namespace still reads")
    func otherPrefix() throws {
        var writer = TestZipWriter()
        writer.add("content.xml", """
            <o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:t="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><o:body><o:text><t:p>I: Hallo?</t:p></o:text></o:body></o:document-content>
            """)
        #expect(try reader.read(writer.archive()).text == "I: Hallo?")
    }

    @Test("a DOCTYPE in content.xml is refused")
    func doctype() {
        var writer = TestZipWriter()
        writer.add("content.xml", "<!DOCTYPE x [<!ENTITY a \"b\">]><office:document-content/>")
        #expect(throws: DocumentReaderError.xml(part: "content.xml", .doctypeForbidden(line: 1, column: 1))) {
            try reader.read(writer.archive())
        }
    }

    @Test("an .odt that is not ODF content is reported")
    func unexpectedRoot() {
        var writer = TestZipWriter()
        writer.add("content.xml", "<html/>")
        #expect {
            try reader.read(writer.archive())
        } throws: { error in
            if case DocumentReaderError.unexpectedContent(part: "content.xml", _) = error { return true }
            return false
        }
    }

    @Test("headings, list items and sections are lines; a frame's text follows its paragraph; notes add no text")
    func blocks() throws {
        var writer = TestZipWriter()
        writer.add("content.xml", """
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"><office:body><office:text><text:h text:outline-level="1">Interview 5</text:h><text:section text:name="S"><text:list><text:list-item><text:p>I: Eerste vraag?</text:p></text:list-item><text:list-item><text:p>R: Eerste <text:a xlink:href="x">antwoord</text:a>.<text:note><text:note-body><text:p>noot</text:p></text:note-body></text:note></text:p></text:list-item></text:list></text:section><text:p><draw:frame><draw:text-box><text:p>kader</text:p></draw:text-box></draw:frame>Einde.</text:p></office:text></office:body></office:document-content>
            """)
        #expect(try OpenDocumentReader().read(writer.archive()).text == "Interview 5\nI: Eerste vraag?\nR: Eerste antwoord.\nEinde.\nkader")
    }

    @Test("text:s counts cannot blow a small file up to gigabytes")
    func spaceBudget() throws {
        let body = String(repeating: "<text:p>a<text:s text:c=\"999999999\"/>b</text:p>", count: 50)
        let text = try reader.read(odt(body)).text
        #expect(text.utf8.count < 1_100_000)
        #expect(text.hasPrefix("a   "))
    }

    // MARK: - Text outside plain body paragraphs

    @Test("frames, an image's caption and a shape's text become lines after their paragraph; the image description stays out")
    func frames() throws {
        let extracted = try reader.read(try Fixtures.data("frames.odt"))
        #expect(extracted.text == WordDocumentReaderTests.framesText)
        #expect(!extracted.text.contains("Foto van het buurthuis"))
    }

    @Test("a document whose only text is in a frame is read")
    func textBoxOnly() throws {
        let extracted = try reader.read(try Fixtures.data("text-box-only.odt"))
        #expect(extracted.text == "I: Hoe gaat het met de koppeling?\nR: Goed, we zien elkaar elke week.\nI: Fijn.")
    }

    @Test("a frame anchored to the page, between paragraphs, and a comment inside a frame are read")
    func pageFrameWithComment() throws {
        var writer = TestZipWriter()
        writer.add("content.xml", """
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:body><office:text>
            <text:p>Eerst</text:p><draw:frame text:anchor-type="page"><draw:text-box><text:p>In <office:annotation office:name="a"><dc:creator>An</dc:creator><text:p>#x</text:p></office:annotation>het kader<office:annotation-end office:name="a"/></text:p></draw:text-box></draw:frame><text:p>Daarna</text:p>
            </office:text></office:body></office:document-content>
            """)
        let extracted = try reader.read(writer.archive())
        #expect(extracted.text == "Eerst\nIn het kader\nDaarna")
        #expect(extracted.annotations.map { extracted.text.scalars($0.start..<$0.end) } == ["het kader"])
    }

    @Test("an .odt saved with a password (LibreOffice) says so and how to remove the password")
    func passwordProtected() throws {
        #expect(throws: DocumentReaderError.passwordProtected(format: ".odt")) {
            try reader.read(try Fixtures.data("password.odt"))
        }
        let message = DocumentReaderError.passwordProtected(format: ".odt").description
        #expect(message.contains("protected with a password") && message.contains("Save with password"))
    }
}

