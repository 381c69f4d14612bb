import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct SafeXMLTests {
    @Test("elements keep their prefixes, attributes and mixed content in order")
    func buildsTree() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <w:document xmlns:w="urn:w"><w:body><w:p w:rsid="1">Ja &amp; nee<w:br/>dus<![CDATA[ <b> ]]></w:p></w:body></w:document>
            """
        let root = try SafeXML.parse(Data(xml.utf8))
        #expect(root.name == "w:document")
        let paragraph = try #require(root.firstChild(named: "w:body")?.firstChild(named: "w:p"))
        #expect(paragraph.attributes["w:rsid"] == "1")
        #expect(paragraph.children == [
            .text("Ja & nee"), .element(SafeXML.Element(name: "w:br")), .text("dus <b> "),
        ])
        #expect(paragraph.text == "Ja & needus <b> ")
    }

    @Test("a DOCTYPE with an external entity (XXE) is refused before parsing")
    func refusesXXE() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <w:document>&xxe;</w:document>
            """
        #expect(throws: SafeXMLError.doctypeForbidden(line: 2, column: 1)) { try SafeXML.parse(Data(xml.utf8)) }
    }

    @Test("a billion-laughs document is refused")
    func refusesBillionLaughs() {
        var xml = "<?xml version=\"1.0\"?>\n<!doctype lolz [\n <!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            xml += " <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1 == 0 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>"
        #expect(throws: SafeXMLError.doctypeForbidden(line: 2, column: 1)) { try SafeXML.parse(Data(xml.utf8)) }
    }

    @Test("an entity declaration without a DOCTYPE is refused too")
    func refusesEntityDeclaration() {
        let xml = "<root>\n  <!ENTITY x \"y\"></root>"
        #expect(throws: SafeXMLError.entityDeclarationForbidden(line: 2, column: 3)) {
            try SafeXML.parse(Data(xml.utf8))
        }
    }

    @Test("UTF-16 and declared non-UTF-8 encodings are refused, as they could hide a DOCTYPE")
    func refusesOtherEncodings() throws {
        let utf16 = try #require("<?xml version=\"1.0\"?><a/>".data(using: .utf16))
        #expect(throws: SafeXMLError.unsupportedEncoding("UTF-16 or UTF-32")) { try SafeXML.parse(utf16) }
        let utf7 = Data("<?xml version=\"1.0\" encoding=\"UTF-7\"?><a/>".utf8)
        #expect(throws: SafeXMLError.unsupportedEncoding("utf-7")) { try SafeXML.parse(utf7) }
    }

    @Test("malformed XML is an error with its position")
    func malformed() {
        #expect {
            try SafeXML.parse(Data("<a><b></a>".utf8))
        } throws: { error in
            if case SafeXMLError.malformed(let line, _, _) = error { return line == 1 }
            return false
        }
        #expect(throws: SafeXMLError.self) { try SafeXML.parse(Data()) }
    }

    @Test("nesting deeper than the limit is refused")
    func tooDeep() {
        let depth = SafeXML.maxDepth + 1
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect {
            try SafeXML.parse(Data(xml.utf8))
        } throws: { error in
            if case SafeXMLError.tooDeeplyNested(_, _, let limit) = error { return limit == SafeXML.maxDepth }
            return false
        }
    }

    @Test("a large document (several MB) parses")
    func large() throws {
        var xml = "<w:document xmlns:w=\"urn:w\"><w:body>"
        for index in 0..<60_000 { xml += "<w:p><w:r><w:t>Regel \(index) van het transcript.</w:t></w:r></w:p>" }
        xml += "</w:body></w:document>"
        let root = try SafeXML.parse(Data(xml.utf8))
        #expect(root.firstChild(named: "w:body")?.elements.count == 60_000)
    }

    @Test("a long text run (2 MB) parses in one piece")
    func longText() throws {
        let text = String(repeating: "nou ja, eh, weet je ", count: 100_000)
        let root = try SafeXML.parse(Data("<w:t>\(text)</w:t>".utf8))
        #expect(root.text == text)
    }

    @Test("the five predefined entities and numeric references are read; line ends become LF")
    func references() throws {
        let xml = "<a t=\"x&#9;y\r\nz\tw\">&lt;&gt;&amp;&quot;&apos; &#233;&#xE9;&#x1F600;\r\nregel\rtwee</a>"
        let root = try SafeXML.parse(Data(xml.utf8))
        #expect(root.text == "<>&\"' \u{E9}\u{E9}\u{1F600}\nregel\ntwee")
        // In attribute values a literal tab or line end is a space, a reference keeps its character.
        #expect(root.attributes["t"] == "x\ty z w")
    }

    @Test("an undefined entity, a bad character reference and a lone ampersand are errors, not text")
    func badReferences() {
        for xml in ["<a>&nbsp;</a>", "<a>&#0;</a>", "<a>&#xD800;</a>", "<a>&#x110000;</a>", "<a>Jansen & zn</a>",
                    "<a b=\"&foo;\"/>", "<a>&#x;</a>"] {
            #expect(throws: SafeXMLError.self, "\(xml)") { try SafeXML.parse(Data(xml.utf8)) }
        }
    }

    @Test("comments and processing instructions are skipped; CDATA and comments do not split a text node")
    func commentsAndInstructions() throws {
        let xml = "<?xml version=\"1.0\"?><!-- voor --><?mso-application progid=\"Word.Document\"?><a>een<!-- <b>niet</b> -->twee<![CDATA[<drie>]]><?pi x?>vier</a><!-- na -->\n"
        let root = try SafeXML.parse(Data(xml.utf8))
        #expect(root.children == [.text("eentwee<drie>vier")])
    }

    @Test("DOCTYPE or ENTITY text inside a comment or CDATA section is only text")
    func declarationsAsText() throws {
        let root = try SafeXML.parse(Data("<a><!-- <!DOCTYPE x> --><![CDATA[<!ENTITY y \"z\">]]></a>".utf8))
        #expect(root.text == "<!ENTITY y \"z\">")
    }

    @Test("a DOCTYPE after the XML declaration and an ENTITY inside content are refused at their position")
    func declarationPositions() {
        #expect(throws: SafeXMLError.doctypeForbidden(line: 1, column: 22)) {
            try SafeXML.parse(Data("<?xml version=\"1.0\"?><!DOCTYPE a SYSTEM \"x\"><a/>".utf8))
        }
        #expect(throws: SafeXMLError.entityDeclarationForbidden(line: 1, column: 5)) {
            try SafeXML.parse(Data("<a>\u{E9}<!ENTITY x \"y\"></a>".utf8))
        }
    }

    @Test("malformed documents are errors whose line and column count Unicode scalars", arguments: [
        ("<a>\n  <b>\u{E9}\u{E9}</c></a>", 2, 8, "</c> closes <b>"),
        ("<a><b></b>", 1, 1, "the document ends before <a> is closed"),
        ("<a x=\"1\" x=\"2\"/>", 1, 10, "<a> has the attribute x twice"),
        ("<a x=1/>", 1, 6, "the value of x is not in quotes"),
        ("<a/><b/>", 1, 5, "a second root element"),
        ("tekst<a/>", 1, 1, "text before the root element"),
        ("<a/>tekst", 1, 5, "text after the root element"),
        ("<a>]]></a>", 1, 4, "\"]]>\" in text"),
        ("<a b=\"<\"/>", 1, 7, "\"<\" in the value of b"),
        ("<a>\u{1}</a>", 1, 4, "the control character U+0001 is not allowed in XML"),
        ("<1a/>", 1, 2, "a name cannot start with \"1\""),
        ("<a><!-- open</a>", 1, 4, "a comment that is not closed"),
        ("<a", 1, 1, "the document ends inside the tag <a>"),
        ("", 1, 1, "the document has no root element"),
    ])
    func malformedPositions(xml: String, line: Int, column: Int, message: String) {
        #expect(throws: SafeXMLError.malformed(line: line, column: column, message: message)) {
            try SafeXML.parse(Data(xml.utf8))
        }
    }

    @Test("invalid UTF-8 is refused with its position")
    func invalidUTF8() {
        var bytes = Array("<a>\nab\u{E9}".utf8)
        bytes += [0xC3, 0x28] + Array("</a>".utf8)
        #expect(throws: SafeXMLError.unsupportedEncoding("invalid UTF-8 (line 2, column 4)")) {
            try SafeXML.parse(Data(bytes))
        }
        // Overlong forms and encoded surrogates are not UTF-8 either.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]] {
            #expect(throws: SafeXMLError.self) { try SafeXML.parse(Data(Array("<a>".utf8) + bad + Array("</a>".utf8))) }
        }
    }

    @Test("a byte-order mark and a UTF-8 declaration in any letter case are accepted")
    func byteOrderMark() throws {
        let root = try SafeXML.parse(Data([0xEF, 0xBB, 0xBF] + Array("<?xml version='1.0' encoding='utf-8'?><a>x</a>".utf8)))
        #expect(root.text == "x")
    }

    @Test("a text node over 10 MB (libxml2's default limit) parses")
    func hugeTextNode() throws {
        let text = String(repeating: "nou ja, eh, weet je ", count: 600_000)
        let root = try SafeXML.parse(Data("<w:t>\(text)</w:t>".utf8))
        #expect(root.text.utf8.count == 12_000_000)
    }

    @Test("damaged XML gives a tree or an error, never a crash or a hang")
    func damagedInput() throws {
        let valid = Array("""
            <?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body><w:p w:a="1"><w:r><w:t xml:space="preserve">Ja &amp; nee &#233;</w:t></w:r><!-- c --><w:r><w:t><![CDATA[x]]></w:t></w:r></w:p></w:body></w:document>
            """.utf8)
        var generator = SplitMix64(seed: 11)
        let alphabet = Array("<>/!?&;#x=\"' -[]CDATADOCTYPE".utf8) + [0xC3, 0xA9, 0x0D]
        for _ in 0..<3_000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = alphabet.randomElement(using: &generator)!
                case 1: bytes.remove(at: index)
                default: bytes.insert(alphabet.randomElement(using: &generator)!, at: index)
                }
            }
            _ = try? SafeXML.parse(Data(bytes))
        }
    }

    @Test("an element with many attributes keeps them all and still finds a duplicate")
    func manyAttributes() throws {
        let attributes = (0..<20_000).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
        let root = try SafeXML.parse(Data("<e \(attributes)/>".utf8))
        #expect(root.attributes.count == 20_000)
        #expect(root.attributes["a19999"] == "19999")
        #expect(throws: SafeXMLError.self) { try SafeXML.parse(Data("<e \(attributes) a7=\"x\"/>".utf8)) }
        #expect(root.attributes == SafeXML.Element(name: "e", attributes: root.attributes).attributes)
        #expect(SafeXML.Attributes(dictionaryLiteral: ("x", "1"), ("y", "2")) == ["y": "2", "x": "1"])
    }
}

