import Foundation
import Testing

@testable import Codeboom

@Suite struct CorpusErrorTests {
    static func at(_ file: String, _ line: Int? = nil, _ column: Int? = nil) -> Codeboom.SourceLocation {
        Codeboom.SourceLocation(file: file, line: line, column: column)
    }

    @Test("documenten.csv problems are values at their rows")
    func metadataTable() {
        #expect(DocumentMetadataTable.parse("naam,type\nd1,interview\n", file: "Corpus/documenten.csv").diagnostics == [
            Diagnostic(CorpusError.missingColumn(Self.at("Corpus/documenten.csv", 1, 1), column: "document",
                                                 header: "`document,type,perspectief,respondent`")),
        ])
        let twice = DocumentMetadataTable.parse("document,type\nd1,interview\nd2,notities\nd1,focusgroep\n", file: "Corpus/documenten.csv")
        #expect(twice.diagnostics == [
            Diagnostic(CorpusError.documentListedTwice(Self.at("Corpus/documenten.csv", 4, 1), document: "d1", firstLine: 2)),
        ])
        #expect(twice.diagnostics.map(\.description) == [
            "Corpus/documenten.csv:4:1: error: document \"d1\" is listed twice (first at line 2) — keep one row per document",
        ])
    }

    @Test("respondenten.csv problems are values at their rows")
    func respondentTable() {
        let file = "Corpus/respondenten.csv"
        let parsed = RespondentTable.parse("respondent,perspectief,document,spreker\n,,fg,\n,vrijwilliger,fg,Anouk\nV1,vrijwilliger,fg,Henk\nV2,vrijwilliger,fg,Henk\n",
                                           file: file)
        #expect(parsed.diagnostics == [
            Diagnostic(CorpusError.rowWithoutDocumentOrSpeaker(Self.at(file, 2, 1))),
            Diagnostic(CorpusError.speakerWithoutRespondent(Self.at(file, 3, 1), speaker: "Anouk")),
            Diagnostic(CorpusError.speakerListedTwice(Self.at(file, 5, 1), speaker: "Henk", document: "fg")),
        ])
        #expect(RespondentTable.parse("respondent,document\n", file: file).diagnostics == [
            Diagnostic(CorpusError.missingColumn(Self.at(file, 1, 1), column: "spreker",
                                                 header: "`respondent,perspectief,document,spreker` (optional `rol`)")),
        ])
    }

    @Test("front matter problems are values at their lines")
    func frontMatter() {
        let file = "Corpus/d.md"
        #expect(DocumentParser.parse("---\ntype: lezing\n---\nR: ja\n", file: file, defaultID: "d").diagnostics == [
            Diagnostic(CorpusError.unknownDocumentType(Self.at(file, 2, 1), type: "lezing")),
        ])
        #expect(DocumentParser.parse("---\ntype: interview\nR: ja\n", file: file, defaultID: "d").diagnostics
                .contains(Diagnostic(CorpusError.frontMatterNotClosed(Self.at(file, 1, 1)))))
    }

    @Test("a damaged .docx is one value carrying the reader's error; its message is built from parts, not parsed back")
    func damagedDocument() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-error-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("kapot.docx")
        try Data("dit is geen zip".utf8).write(to: url)
        let read = DocumentReader.read(url, relativePath: "Corpus/kapot.docx")
        #expect(read.parsed == nil)
        #expect(read.diagnostics == [
            Diagnostic(CorpusError.unreadableDocument(Self.at("Corpus/kapot.docx"), format: "docx", .archive(.notAnArchive))),
        ])
        #expect(read.diagnostics.map(\.description) == [
            "Corpus/kapot.docx: error: not a valid .docx (not a ZIP archive (no end-of-central-directory record)) — check that the file is a complete .docx or .odt",
        ])
    }

    @Test("a subtitle timestamp error stands at its line and column in the file")
    func subtitleTimestamp() {
        let bytes = Array("WEBVTT\n\n00:00:01.000 --> 00:0x:02.000\n<v Anouk>Ja.\n".utf8)
        let read = DocumentReader.readSubtitles(bytes, format: "vtt", relativePath: "Corpus/f.vtt", defaultID: "f")
        let error = CorpusError.unreadableDocument(Self.at("Corpus/f.vtt"), format: "vtt",
                                                   .invalidTimestamp(line: 3, column: 18, text: "00:0x:02.000"))
        #expect(read.diagnostics == [Diagnostic(error)])
        #expect(error.location == Self.at("Corpus/f.vtt", 3, 18))
        #expect(error.description == "Corpus/f.vtt:3:18: error: \"00:0x:02.000\" is not a timestamp — write it as hh:mm:ss.ttt (WebVTT) or hh:mm:ss,ttt (SRT)")
    }

    @Test("reader errors keep their one-line form: part, line and column before the message")
    func readerErrorDescriptions() {
        let xml = DocumentReaderError.xml(part: "word/document.xml", .doctypeForbidden(line: 2, column: 1))
        #expect(xml.part == "word/document.xml")
        #expect(xml.position?.line == 2 && xml.position?.column == 1)
        #expect(xml.description == "word/document.xml:2:1: error: the XML has a <!DOCTYPE> declaration, which can load external files or expand entities — refusing it; re-save the document in its editor")
        let encoding = DocumentReaderError.xml(part: "content.xml", .unsupportedEncoding("utf-7"))
        #expect(encoding.description == "content.xml: error: the XML is encoded as utf-7, but only UTF-8 is accepted — re-save the document in its editor")
        #expect(DocumentReaderError.missingCueTiming(line: 7).description
                == "7:1: error: this subtitle block has no \"start --> end\" timing line — add one or remove the block")
        #expect(ArchiveError.pathTraversal(entry: "../x").message == "archive entry \"../x\" contains a \"..\" path component")
        #expect(ArchiveError.pathTraversal(entry: "../x").advice == "refusing a possibly hostile archive (zip slip); check its origin")
    }
}
