import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct MemoListTests {
    /// A study with memos from each source: a Word file's comments (coding memos of AdV and BS, and a
    /// point comment that codes nothing), a codings file's `memo` column, and the auto-coder's keywords.
    func study() throws -> TemporaryProject {
        let project = try TemporaryProject([
            "Corpus/documenten.csv": "document,type,perspectief,respondent\ncomment-paragraphs,interview,vrijwilliger,V1\n",
            "Corpus/interview-z.txt": "---\ntype: interview\nperspectief: cliënt\nrespondent: C1\n---\nI: Vraag?\n\nR: Ik bel Joke altijd even. Dan is het snel geregeld.\n",
            "Corpus/pseudoniemen.csv": "naam,pseudoniem\nJoke,[vrijwilliger]\n",
            "Corpus/codings/TS.csv": "document,segment,code,memo\ninterview-z,2,korte-lijnen,belt Joke zelf\ninterview-z,2,agendadruk,\n",
            "Corpus/codings/auto.csv": "document,segment,code,start,end,memo\ninterview-z,2,korte-lijnen,,,even bellen\n",
        ], codebook: """
            # Test
            ## Thema {#thema}
            ### Agendadruk {#agendadruk}
            ### Een juiste match {#juiste-match}
            ### Korte lijnen {#korte-lijnen}
            #### Snel {#snel}

            """)
        try project.write("Corpus/comment-paragraphs.docx", bytes: Array(try Fixtures.data("comment-paragraphs.docx")))
        return project
    }

    @Test("every memo is listed once with its code, coder and segment; the auto-coder's keywords are not memos")
    func sources() throws {
        let folder = try study()
        defer { folder.remove() }
        let project = try loadProject(folder.path).project
        let memos = MemoList(project: project)
        // Corpus order: comment-paragraphs (§2 AdV, §4 BS twice, the point comment), then interview-z §2 (TS).
        #expect(memos.items.map { "\($0.documentID) §\($0.segmentNumber) \($0.codeID ?? "-") \($0.coder): \($0.memo)" } == [
            "comment-paragraphs §2 agendadruk AdV: Zie ook het interview met de co\u{F6}rdinator.",
            "comment-paragraphs §4 juiste-match BS: Eerste alinea van de toelichting.\n\nTweede alinea.",
            "comment-paragraphs §4 korte-lijnen BS: Eerste alinea van de toelichting.\n\nTweede alinea.",
            "comment-paragraphs §\(memos.items[3].segmentNumber) - \(memos.items[3].coder): Goede vraag\n#agendadruk",
            "interview-z §2 korte-lijnen TS: belt Joke zelf",
        ])
        // The words the memo is about: a segment row's whole turn, without its label.
        #expect(memos.items[4].codedText == "Ik bel Joke altijd even. Dan is het snel geregeld.")
        #expect(MemoList(project: project, coder: "TS").items.count == 1)
        #expect(MemoList(project: project, coder: "auto").items.map(\.memo) == ["even bellen"])
        // --code takes the code's sub-codes too, and leaves out comments without a code.
        #expect(MemoList(project: project, code: "korte-lijnen").items.map(\.coder) == ["BS", "TS"])
        #expect(MemoList(project: project, code: "thema").items.count == 4)
    }

    @Test("the page groups memos by theme, comments without a code last, with names replaced")
    func page() throws {
        let folder = try study()
        defer { folder.remove() }
        let project = try loadProject(folder.path).project
        let page = project.pseudonyms.apply(to: MemoPage.render(MemoList(project: project), codebook: project.codebook,
                                                               numbers: ReportContext.themeNumbers(of: project.codebook)))
        #expect(!page.contains("Joke"))
        #expect(page.contains("- **interview-z §2**, codeur TS, code `korte-lijnen`: belt [vrijwilliger] zelf\n  > “Ik bel [vrijwilliger] altijd even. Dan is het snel geregeld.”"))
        let headings = page.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == ["## 1 Agendadruk (`agendadruk`)", "## 2 Een juiste match (`juiste-match`)", "## 3 Korte lijnen (`korte-lijnen`)", "## Zonder code"])
        expectGolden(page, "memos/memos.md")
    }
}
