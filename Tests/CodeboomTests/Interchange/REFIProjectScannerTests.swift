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

    /// The file fed to the scanner in pieces of `size` bytes: its skeleton and every element with where it starts.
    private func scanInPieces(_ data: Data, size: Int) -> (skeleton: Data?, elements: [(REFIProjectScanner.Container, Data, Int)]) {
        var scanner = REFIProjectScanner()
        var elements: [(REFIProjectScanner.Container, Data, Int)] = []
        let handle = { (container: REFIProjectScanner.Container, bytes: Data, offset: Int) in elements.append((container, bytes, offset)) }
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + size)
                scanner.feed(UnsafeBufferPointer(rebasing: bytes[start..<end]), element: handle)
                start = end
            }
        }
        return (scanner.finish(element: handle), elements)
    }

    @Test("fed in pieces of any size — a byte, a few, a tag and a half — the scanner finds what it finds in the whole file",
          arguments: [1, 2, 7, 64, 1000])
    func pieces(size: Int) throws {
        var files = try ["maxqda", "nvivo", "atlas", "qualcoder", "aqda", "qc", "unicode", "bad"].map {
            try Data(contentsOf: REFIFixtures.folder.appendingPathComponent("\($0)/project.qde"))
        }
        files.append(Data("""
        <?xml version="1.0"?><!-- <Sources> --><q:Project xmlns:q="urn:QDA-XML:project:1.0" name="a > b"><q:Cases><q:Case guid="c"/></q:Cases>\
        <q:Sources><?pi <TextSource?><q:TextSource guid="1" name="een > twee"><![CDATA[ ]]></q:TextSource><!-- </q:Sources> --><q:PDFSource guid="2" name='pdf "x"'/></q:Sources>\
        <q:Notes><q:Note guid="n"><q:PlainTextContent>memo</q:PlainTextContent></q:Note></q:Notes><q:Description>d</q:Description></q:Project>
        """.utf8))
        for data in files {
            let whole = try #require(REFIProjectScanner.split(data))
            let (skeleton, elements) = scanInPieces(data, size: size)
            #expect(skeleton == whole.skeleton)
            let ranges = elements.map { $0.2..<$0.2 + $0.1.count }
            #expect(ranges == (whole.sources + whole.cases + whole.notes).sorted { $0.lowerBound < $1.lowerBound })
            #expect(elements.allSatisfy { data.subdata(in: $0.2..<$0.2 + $0.1.count) == $0.1 })
            #expect(elements.filter { $0.0 == .sources }.map { $0.2..<$0.2 + $0.1.count } == whole.sources)
        }
    }

    @Test("in pieces too, a DOCTYPE or unclosed markup makes the scanner give up")
    func givesUpInPieces() {
        for text in ["<!DOCTYPE p [<!ENTITY x \"y\">]><Project name=\"p\"><Sources/></Project>",
                     "<Project name=\"p\"><Sources><TextSource guid=\"1\">", "<Project name=\"p\"><!-- open", "<Project name=\"p\"><!-"] {
            for size in [1, 3, 100] { #expect(scanInPieces(Data(text.utf8), size: size).skeleton == nil) }
        }
    }
}
