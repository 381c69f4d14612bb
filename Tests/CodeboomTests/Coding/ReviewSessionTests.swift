import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct ReviewCodingsFileTests {
    @Test("rows written by hand stay byte for byte; new rows follow the file's columns and separator; rows leave by key")
    func keepsHandRows() {
        var file = ReviewCodingsFile(text: "document;segment;code\r\ninterview-a;2;klik\r\n\"interview;b\";4;klik\r\n", newColumns: ReviewCodingsFile.codingColumns)
        #expect(file.keys == [ReviewCodingsFile.Key(documentID: "interview-a", segment: 2, codeID: "klik"),
                              ReviewCodingsFile.Key(documentID: "interview;b", segment: 4, codeID: "klik")])
        file.append(ReviewCodingsFile.Key(documentID: "interview-b", segment: 2, codeID: "agendadruk"))
        #expect(file.text == "document;segment;code\r\ninterview-a;2;klik\r\n\"interview;b\";4;klik\r\ninterview-b;2;agendadruk\n")
        // A memo in a file without a memo column adds the column.
        file.append(ReviewCodingsFile.Key(documentID: "interview-b", segment: 4, codeID: "klik"), values: ["memo": "zie \"noot\""])
        #expect(file.text.hasPrefix("document;segment;code;memo\r\n"))
        #expect(file.text.hasSuffix("interview-b;4;klik;\"zie \"\"noot\"\"\"\n"))
        let removed = file.remove(ReviewCodingsFile.Key(documentID: "interview-a", segment: 2, codeID: "klik"))
        let removedAgain = file.remove(ReviewCodingsFile.Key(documentID: "interview-a", segment: 2, codeID: "klik"))
        #expect(removed)
        #expect(!removedAgain)
        #expect(!file.text.contains("interview-a;2;klik"))
        #expect(CSVTable(text: file.text).rows.count == 3)
    }

    @Test("a new file has the sidecar header; a record over two lines stays whole")
    func newFileAndMultilineRecord() {
        var file = ReviewCodingsFile(text: nil, newColumns: ReviewCodingsFile.codingColumns)
        file.append(ReviewCodingsFile.Key(documentID: "d", segment: 1, codeID: "c"))
        #expect(file.text == "document,segment,code,start,end,memo\nd,1,c,,,\n")
        var multiline = ReviewCodingsFile(text: "document,segment,code,memo\nd,1,c,\"twee\nregels\"\nd,2,c,\n", newColumns: [])
        multiline.remove(ReviewCodingsFile.Key(documentID: "d", segment: 2, codeID: "c"))
        #expect(multiline.text == "document,segment,code,memo\nd,1,c,\"twee\nregels\"\n")
        #expect(multiline.values(of: ReviewCodingsFile.Key(documentID: "d", segment: 1, codeID: "c"))?["memo"] == "twee\nregels")
    }
}

@Suite struct ReviewSessionTests {
    /// The mini-study with auto's suggestions as `autocode` writes them.
    func project() throws -> Project {
        var project = try loadProject(TestPaths.miniStudy).project
        var table = project.codings
        let rows: [(String, Int, String)] = [("focusgroep", 2, "agendadruk"), ("interview-a", 2, "klik"), ("focusgroep", 4, "klik"),
                                             ("interview-b", 2, "agendadruk")]
        for (document, segment, code) in rows {
            table.append(Coding(documentID: document, segments: segment...segment, codeID: code, coder: "auto", location: SourceLocation(file: "auto.csv")))
        }
        project.codings = table
        return project
    }

    @Test("suggestions come in corpus order; answers are rows; a new session starts at the first one without an answer")
    func answersAndResume() throws {
        let project = try project()
        var session = ReviewSession(project: project, from: "auto", codingsText: nil, rejectionsText: nil)
        #expect(session.suggestions.map { "\($0.key.documentID) §\($0.key.segment) \($0.key.codeID)" }
            == ["focusgroep §2 agendadruk", "focusgroep §4 klik", "interview-a §2 klik", "interview-b §2 agendadruk"])
        session.answer(.accepted(memo: nil))
        session.answer(.changed(to: "korte-lijnen", memo: "eerder bereikbaarheid"))
        session.skip()
        session.answer(.rejected(memo: nil))
        #expect(session.current == nil)
        #expect(session.codings.text == "document,segment,code,start,end,memo\nfocusgroep,2,agendadruk,,,\nfocusgroep,4,korte-lijnen,,,eerder bereikbaarheid\n")
        #expect(session.rejections.text == "document,segment,code,from,instead,memo\nfocusgroep,4,klik,auto,korte-lijnen,\ninterview-b,2,agendadruk,auto,,\n")
        let resumed = ReviewSession(project: project, from: "auto", codingsText: session.codings.text, rejectionsText: session.rejections.text)
        #expect(resumed.position == 2)
        #expect(resumed.answer(at: 1) == .changed(to: "korte-lijnen", memo: "eerder bereikbaarheid"))
        #expect(resumed.answeredCount == 3)
    }

    @Test("going back and answering again replaces the earlier answer, the code given instead too")
    func backAndChange() throws {
        var session = ReviewSession(project: try project(), from: "auto", codingsText: nil, rejectionsText: nil)
        session.answer(.accepted(memo: nil))
        session.answer(.changed(to: "korte-lijnen", memo: nil))
        session.back()
        #expect(session.position == 1)
        session.answer(.accepted(memo: nil))
        #expect(session.codings.text == "document,segment,code,start,end,memo\nfocusgroep,2,agendadruk,,,\nfocusgroep,4,klik,,,\n")
        #expect(session.rejections.text == "document,segment,code,from,instead,memo\n")
        #expect(session.position == 2)
    }
}

@Suite struct MergeSessionTests {
    @Test("the units to decide are the segments agree --disagreements lists; the agreements are written at once")
    func unitsAreTheDisagreements() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        var session = MergeSession(project: project, first: "inline", second: "TS", codingsText: nil, rejectionsText: nil)
        let table = AgreementTable(project: project, coders: ["inline", "TS"])
        #expect(Set(session.units.map { "\($0.documentID) §\($0.segment)" }) == Set(table.disagreements.map(\.unit.description)))
        // By hand from the tags and TS.csv: these four segments, these codes.
        #expect(session.units.map { "\($0.documentID) §\($0.segment) \($0.onlyFirst) \($0.onlySecond) \($0.agreed)" } == [
            "focusgroep §3 [\"agendadruk\"] [] []",
            "focusgroep §5 [\"snel-antwoord\"] [] []",
            "interview-a §4 [\"snel-antwoord\"] [] [\"korte-lijnen\"]",
            "interview-b §4 [\"klik\"] [\"agendadruk\"] []",
        ])
        #expect(session.codings.text == """
            document,segment,code,start,end,memo
            focusgroep,2,agendadruk,,,
            focusgroep,4,klik,,,
            interview-a,2,klik,,,
            interview-a,4,korte-lijnen,,,
            interview-b,2,agendadruk,,,

            """)
        #expect(session.documentsCodedByOne == ["notities"])
        session.decide(.first)
        session.decide(.neither)
        session.decide(.both)
        session.back()
        session.decide(.second)
        session.decide(.second)
        #expect(session.current == nil)
        #expect(session.choice(at: 0) == .first)
        #expect(session.choice(at: 1) == .neither)
        #expect(session.choice(at: 2) == .neither)
        #expect(session.choice(at: 3) == .second)
        #expect(session.rejections.text == """
            document,segment,code,from,instead,memo
            focusgroep,5,snel-antwoord,inline+TS,,
            interview-a,4,snel-antwoord,inline+TS,,
            interview-b,4,klik,inline+TS,,

            """)
        let resumed = MergeSession(project: project, first: "inline", second: "TS", codingsText: session.codings.text, rejectionsText: session.rejections.text)
        #expect(resumed.codings.text == session.codings.text)
        #expect(resumed.current == nil)
    }
}

@Suite struct CodingSheetTests {
    @Test("a codes cell holds ids or labels separated by commas, semicolons or line breaks")
    func entries() {
        #expect(CodingSheet.entries(of: "klik, #agendadruk;\nKorte lijnen\n\n , ") == ["klik", "agendadruk", "Korte lijnen"])
        #expect(CodingSheet.entries(of: "  ") == [])
    }

    @Test("a table row is shown as file: row N and sorts like a line")
    func rowLocation() {
        #expect(SourceLocation(file: "Corpus/codings/K-a.docx", row: 4).description == "Corpus/codings/K-a.docx: row 4")
        #expect(SourceLocation(file: "a", row: 2) < SourceLocation(file: "a", row: 10))
        var table = CodingTable(codebook: Codebook(title: "", introduction: "", codes: [], deelvraagQuestions: [:], file: ""))
        table.addDocument(id: "d")
        table.append(Coding(documentID: "d", segments: 1...1, codeID: "c", coder: "K", location: SourceLocation(file: "K-d.docx", row: 7)))
        #expect(table.location(of: table.entries[0]) == SourceLocation(file: "K-d.docx", row: 7))
    }
}
