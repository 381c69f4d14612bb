import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

/// The project file read source by source (``REFIProjectScanner``) is the project file read whole.
@Suite struct REFIProjectScannerTests {
    private func readWhole(_ data: Data) throws -> REFIProject {
        var warnings: [String] = []
        return try REFIProjectReader.read(try SafeXML.parse(data), fallbackName: "x", warnings: &warnings)
    }

    private func readSplit(_ data: Data) throws -> REFIProject? {
        guard let split = REFIProjectScanner.split(data) else { return nil }
        var warnings: [String] = []
        var project = try REFIProjectReader.read(try SafeXML.parse(split.skeleton), fallbackName: "x", warnings: &warnings)
        for range in split.cases + split.notes {
            let element = try SafeXML.parse(data.subdata(in: range))
            if let item = REFIProjectReader.case(element, warnings: &warnings) { project.cases.append(item) }
            if let note = REFIProjectReader.note(element) { project.notes.append(note) }
        }
        for range in split.sources {
            if let source = REFIProjectReader.source(try SafeXML.parse(data.subdata(in: range)), warnings: &warnings) {
                project.sources.append(source)
            }
        }
        return project
    }

    @Test("every fixture's project file reads the same source by source as whole", arguments: ["maxqda", "nvivo", "atlas", "qualcoder", "aqda", "qc", "unicode", "bad"])
    func fixtures(name: String) throws {
        let data = try Data(contentsOf: REFIFixtures.folder.appendingPathComponent("\(name)/project.qde"))
        let whole = try readWhole(data)
        #expect(!whole.sources.isEmpty)
        #expect(try readSplit(data) == whole)
    }

    @Test("comments, CDATA, processing instructions, a prefix and > in attribute values do not mislead the scanner")
    func oddMarkup() throws {
        let xml = """
        <?xml version="1.0"?>
        <!-- <Sources> in a comment -->
        <q:Project xmlns:q="urn:QDA-XML:project:1.0" name="a > b">
        <q:Description><![CDATA[ <Sources><TextSource guid="x"/></Sources> ]]></q:Description>
        <q:Sources>
          <?pi <TextSource?>
          <q:TextSource guid="1" name="een > twee" plainTextPath="internal://1.txt"><q:PlainTextSelection guid="s" startPosition="0" endPosition="2"/></q:TextSource>
          <!-- </q:Sources> -->
          <q:PDFSource guid="2" name='pdf "x"'/>
        </q:Sources>
        </q:Project>
        """
        let data = Data(xml.utf8)
        let split = try #require(REFIProjectScanner.split(data))
        #expect(split.sources.count == 2)
        let project = try #require(try readSplit(data))
        #expect(project == (try readWhole(data)))
        #expect(project.sources.map(\.name) == ["een > twee", "pdf \"x\""])
        #expect(project.description == " <Sources><TextSource guid=\"x\"/></Sources> ")
    }

    @Test("a DOCTYPE or unclosed markup makes the scanner give up, so SafeXML reads (and refuses) the whole file")
    func givesUp() {
        #expect(REFIProjectScanner.split(Data("<!DOCTYPE p [<!ENTITY x \"y\">]><Project name=\"p\"><Sources/></Project>".utf8)) == nil)
        #expect(REFIProjectScanner.split(Data("<Project name=\"p\"><Sources><TextSource guid=\"1\">".utf8)) == nil)
        #expect(REFIProjectScanner.split(Data("<Project name=\"p\"><!-- open".utf8)) == nil)
    }
}
