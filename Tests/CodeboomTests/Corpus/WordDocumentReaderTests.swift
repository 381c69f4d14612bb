import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

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

    @Test("a two-column table is speaker turns when its labels recur or its header says so; other tables join cells with tabs")
    func tables() throws {
        let extracted = try reader.read(try Fixtures.data("table.docx"))
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

    // MARK: - Text outside plain body paragraphs

    @Test("Word's text box (mc:Choice and mc:Fallback) is read once, after its paragraph; a drop cap joins its word; Symbol characters are Unicode")
    func shapesDropCapAndSymbols() throws {
        let extracted = try reader.read(try Fixtures.data("word-shapes.docx"))
        #expect(extracted.text == """
            I: Wat stond er in de nieuwsbrief van maart?
            R: Er stond een kader in met de data.
            Nieuwsbrief maart
            Inloopochtend elke dinsdag
            De inloop begint om tien uur, zegt de folder.
            I: En het rapportcijfer? R: Gemiddeld \u{2265} 8, \u{3B1} = 0,8 en \u{2192} goed.

            Zie bijlage 2
            I: Dank je wel.
            """)
    }

    @Test("LibreOffice's frames, shapes and image caption in a .docx read as lines after their paragraph, like the .odt")
    func framesFromLibreOffice() throws {
        let extracted = try reader.read(try Fixtures.data("frames.docx"))
        #expect(extracted.text == Self.framesText)
        #expect(extracted.text == (try OpenDocumentReader().read(try Fixtures.data("frames.odt"))).text)
        // The image's description is not text of the document.
        #expect(!extracted.text.contains("Foto van het buurthuis"))
    }

    static let framesText = """
        I: Wat stond er op de folder?
        R: Dat weet ik niet meer precies.
        Samen sterk in De Hoven
        Bel het wijkteam: 010-1234567
        I: En de foto erbij?

        Afbeelding 1: Het buurthuis aan de Dorpsstraat
        R: Daar zitten we elke dinsdag.
        Koffie om tien uur
        Maand\tBezoeken\tVrijwilligers
        maart\t12\t4
        Tabel 1: Bezoeken aan het buurthuis
        """

    @Test("a document whose only text is in a text box is read")
    func textBoxOnly() throws {
        let extracted = try reader.read(try Fixtures.data("text-box-only.docx"))
        #expect(extracted.text == "I: Hoe gaat het met de koppeling?\nR: Goed, we zien elkaar elke week.\nI: Fijn.")
    }

    @Test("a project whose transcript sits only in a text box reads its turns instead of refusing an empty document")
    func textBoxOnlyProject() throws {
        for ext in ["docx", "odt"] {
            let project = try TemporaryProject([
                "Corpus/documenten.csv": "document,type,perspectief,respondent\ntext-box-only,interview,vrijwilliger,V1\n",
            ])
            defer { project.remove() }
            try project.write("Corpus/text-box-only.\(ext)", bytes: Array(try Fixtures.data("text-box-only.\(ext)")))
            let load = try loadProject(project.path)
            #expect(load.errors.isEmpty, "\(load.errors)")
            let document = try #require(load.project.fullDocument(id: "text-box-only"))
            #expect(document.segments.map { "\($0.label ?? "") \(document.words(of: $0))" } == [
                "I Hoe gaat het met de koppeling?", "R Goed, we zien elkaar elke week.", "I Fijn.",
            ])
        }
    }

    @Test("a comment of several paragraphs keeps them, blank ones included, joined by line ends")
    func commentParagraphs() throws {
        let extracted = try reader.read(try Fixtures.data("comment-paragraphs.docx"))
        #expect(extracted.annotations.map(\.text) == [
            "Agendadruk\n\nZie ook het interview met de co\u{F6}rdinator.",
            "#juiste-match #korte-lijnen\nEerste alinea van de toelichting.\n\nTweede alinea.",
            "Goede vraag\n#agendadruk",
        ])
        #expect(extracted.annotations.map { extracted.text.scalars($0.start..<$0.end) } == [
            "Nee, de agenda zit altijd vol.", "Dat klikt gewoon, ik bel haar als er iets is.", "I: Nog iets?",
        ])
        #expect(extracted == (try OpenDocumentReader().read(try Fixtures.data("comment-paragraphs.odt"))))
    }

    @Test("a w:sym of a font without a table keeps its code; a drop cap of 'none' is an ordinary paragraph")
    func otherSymbolsAndFrames() throws {
        var writer = TestZipWriter()
        writer.add("word/document.xml", """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t xml:space="preserve">Prijs: 10 </w:t></w:r><w:r><w:sym w:font="Arial" w:char="20AC"/></w:r></w:p>
            <w:p><w:pPr><w:framePr w:dropCap="none" w:w="2000"/></w:pPr><w:r><w:t>Kader</w:t></w:r></w:p>
            <w:p><w:r><w:t>Tekst</w:t></w:r></w:p>
            </w:body></w:document>
            """)
        #expect(try reader.read(writer.archive()).text == "Prijs: 10 \u{20AC}\nKader\nTekst")
    }

    @Test("text in an mc:Choice that is not a drawing (Word 2010 w14 run content) is read once")
    func alternateRunContent() throws {
        var writer = TestZipWriter()
        writer.add("word/document.xml", """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">
            <w:body><w:p><w:r><w:t xml:space="preserve">Aangevinkt: </w:t></w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>ja</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>ja</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:body></w:document>
            """)
        #expect(try reader.read(writer.archive()).text == "Aangevinkt: ja")
    }

    // MARK: - Large documents

    @Test("a word/document.xml over 10 MB reads in full")
    func largeDocument() throws {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
        xml += "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        let count = 45_000
        for index in 0..<count {
            xml += "<w:p w:rsidR=\"00A1B2C3\" w:rsidRDefault=\"00A1B2C3\"><w:pPr><w:spacing w:after=\"120\"/></w:pPr>"
            xml += "<w:r w:rsidRPr=\"00C1D2E3\"><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\"/></w:rPr>"
            xml += "<w:t xml:space=\"preserve\">\(index % 2 == 0 ? "I" : "R"): regel \(index) van het transcript &amp; meer</w:t></w:r></w:p>"
        }
        xml += "</w:body></w:document>"
        #expect(xml.utf8.count > 11_000_000)
        var writer = TestZipWriter()
        writer.add("word/document.xml", xml)
        let text = try reader.read(writer.archive()).text
        let lines = text.split(separator: "\n")
        #expect(lines.count == count)
        #expect(lines.last == "R: regel \(count - 1) van het transcript & meer")
    }

    @Test("a document over the archive limit names the limit and how to raise it, never 'malformed'")
    func overLimit() throws {
        var writer = TestZipWriter()
        writer.add("word/document.xml", "<w:document xmlns:w=\"urn:w\"><w:body>" + String(repeating: "<w:p/>", count: 400_000) + "</w:body></w:document>")
        let limits = ArchiveLimits(maxEntrySize: 1_048_576, maxTotalSize: 1_048_576)
        #expect {
            try WordDocumentReader(limits: limits).read(writer.archive())
        } throws: { error in
            let message = (error as? DocumentReaderError)?.description ?? ""
            return message.contains("over the limit of 1048576") && message.contains("--max-archive-size") && !message.contains("malformed")
        }
    }

    // MARK: - Password protection

    @Test("a password-protected .docx (an encrypted OLE container) says so and how to remove the password")
    func passwordProtected() throws {
        #expect(throws: DocumentReaderError.passwordProtected(format: ".docx")) {
            try reader.read(try Fixtures.data("password.docx"))
        }
        let message = DocumentReaderError.passwordProtected(format: ".docx").description
        #expect(message.contains("protected with a password") && message.contains("Encrypt with Password"))
    }

    @Test("an OLE file without an encrypted package (a .doc under a .docx name) asks to save it as .docx")
    func compoundFile() throws {
        var bytes = CompoundFile.signature + [UInt8](repeating: 0, count: 504)
        bytes += Array("WordDocument".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(throws: DocumentReaderError.compoundFile(format: ".docx")) { try reader.read(Data(bytes)) }
    }
}

