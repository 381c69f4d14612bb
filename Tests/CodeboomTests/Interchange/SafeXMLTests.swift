import Foundation
import Testing

@testable import Codeboom

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
}
