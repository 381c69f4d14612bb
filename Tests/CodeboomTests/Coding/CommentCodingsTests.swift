import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct CommentCodingsTests {
    private let codebook = CodebookParser.parse("""
        # Formaten
        ## Thema {#thema}
        ### Agendadruk {#agendadruk}
        ### Een juiste match {#juiste-match}
        ### Korte lijnen {#korte-lijnen}

        """, file: "c.md").codebook
    private let document = DocumentParser.parse("R: een\nR: twee\n", file: "Corpus/d.docx", defaultID: "d").document

    private func read(_ text: String) -> (codings: [String], memos: [String]) {
        let annotation = ExtractedAnnotation(author: "Tessa Smit", initials: "TS", text: text, start: 3, end: 6)
        let result = CommentCodings.read([annotation], document: document, codebook: codebook)
        return (result.codings.map { "\($0.codeID) [\($0.memo ?? "")]" }, result.memos.map(\.text))
    }

    @Test("a label, then a blank paragraph, then an explanation codes with the explanation as memo")
    func labelThenMemo() {
        #expect(read("Agendadruk\n\nZie ook het interview met V3.").codings == ["agendadruk [Zie ook het interview met V3.]"])
    }

    @Test("the memo keeps the paragraphs after the first, blank ones between them included")
    func memoParagraphs() {
        #expect(read("#juiste-match #korte-lijnen\nEerste alinea.\n\nTweede alinea.").codings == [
            "juiste-match [Eerste alinea.\n\nTweede alinea.]", "korte-lijnen [Eerste alinea.\n\nTweede alinea.]",
        ])
        #expect(read("juiste-match\nWant het klikt.").codings == ["juiste-match [Want het klikt.]"])
    }

    @Test("only the first paragraph decides: a tag in a later paragraph does not code")
    func firstParagraphDecides() {
        let result = read("Goede vraag\n#agendadruk")
        #expect(result.codings.isEmpty)
        #expect(result.memos == ["Goede vraag\n#agendadruk"])
    }

    @Test("comments of several paragraphs in LibreOffice's .odt and .docx code and keep their memos")
    func fromFixtures() throws {
        for ext in ["odt", "docx"] {
            let project = try TemporaryProject([
                "Corpus/documenten.csv": "document,type,perspectief,respondent\ncomment-paragraphs,interview,vrijwilliger,V1\n",
            ], codebook: """
                # Test
                ## Thema {#thema}
                ### Agendadruk {#agendadruk}
                ### Een juiste match {#juiste-match}
                ### Korte lijnen {#korte-lijnen}

                """)
            defer { project.remove() }
            try project.write("Corpus/comment-paragraphs.\(ext)", bytes: Array(try Fixtures.data("comment-paragraphs.\(ext)")))
            let load = try loadProject(project.path)
            #expect(load.errors.isEmpty, "\(load.errors)")
            #expect(load.project.codings(by: "AdV").map { "\($0.codeID) \($0.segmentNumbers) \($0.memo ?? "")" }
                == ["agendadruk [2] Zie ook het interview met de co\u{F6}rdinator."])
            #expect(load.project.codings(by: "BS").map { "\($0.codeID) \($0.segmentNumbers) \($0.memo ?? "")" } == [
                "juiste-match [4] Eerste alinea van de toelichting.\n\nTweede alinea.",
                "korte-lijnen [4] Eerste alinea van de toelichting.\n\nTweede alinea.",
            ])
        }
    }
}
