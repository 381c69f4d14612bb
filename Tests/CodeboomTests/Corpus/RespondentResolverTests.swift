import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct RespondentResolverTests {
    func resolved(_ text: String, id: String = "fg", table: RespondentTable = RespondentTable(file: "r.csv")) -> Document {
        // As the loader does: the table declares speakers to the parser, then names them.
        var document = DocumentParser.parse(text, file: "x.txt", defaultID: id, respondents: table).document
        RespondentResolver.resolve(&document, table: table)
        return document
    }

    @Test("in an interview every speaker but the interviewer is the document's respondent")
    func interview() {
        let document = resolved("---\ntype: interview\nrespondent: C2\n---\nInterviewer: Vraag\nR: Ja\nPartner: Ook ja\n")
        #expect(document.segments.map(\.speaker) == [.interviewer, .respondent("C2"), .respondent("C2")])
    }

    @Test("interviewer labels are recognised without case and diacritics", arguments: ["I", "int", "INTERVIEWER", "Gespreksleider", "Onderzoeker"])
    func interviewerLabels(label: String) {
        #expect(SpeakerLabel.isInterviewer(label))
    }

    @Test("in a focus group, respondenten.csv maps labels; others become DOCUMENT/LABEL; rol interviewer is honoured")
    func focusGroup() {
        let table = RespondentTable.parse("respondent,perspectief,document,spreker,rol\nV2,vrijwilliger,fg,anouk,\n,,fg,Marja,interviewer\n", file: "r.csv").table
        let document = resolved("---\ntype: focusgroep\n---\nMarja: Welkom\nAnouk: Hoi\nHenk: Hallo\n", table: table)
        #expect(document.segments.map(\.speaker) == [.interviewer, .respondent("V2"), .respondent("fg/Henk")])
    }

    @Test("paragraphs of a document without speakers belong to its respondent when it names one")
    func notes() {
        #expect(resolved("---\nrespondent: K1\n---\nEen alinea.\n").segments.map(\.speaker) == [.respondent("K1")])
        #expect(resolved("Een alinea.\n").segments.map(\.speaker) == [.unattributed])
    }

    @Test("respondenten.csv rows without a respondent id or listed twice are errors")
    func tableErrors() {
        let parsed = RespondentTable.parse("respondent,perspectief,document,spreker\n,vrijwilliger,fg,Anouk\nV1,vrijwilliger,fg,Henk\nV9,vrijwilliger,fg,henk\n", file: "Corpus/respondenten.csv")
        #expect(parsed.diagnostics.map(\.description) == [
            "Corpus/respondenten.csv:2:1: error: speaker \"Anouk\" has no respondent id — fill in the respondent column, or set rol to interviewer",
            "Corpus/respondenten.csv:4:1: error: speaker \"henk\" in \"fg\" is listed twice — keep one row per speaker per document",
        ])
    }

    @Test("a respondenten.csv of thousands of rows for a focus group of thousands of turns costs rows + turns",
          .timeLimit(.minutes(1)))
    func longTable() throws {
        var text = "---\ntype: focusgroep\nperspectief: vrijwilliger\n---\n"
        var rows = "respondent,perspectief,document,spreker\n"
        for number in 0..<5_000 {
            text += "I: Vraag?\nP\(number): Antwoord.\n"
            rows += "R\(number),\(number % 2 == 0 ? "cliënt" : "professional"),fg,P\(number)\n"
        }
        rows += "R9,cliënt,fg,Zwijger\n"
        let project = try TemporaryProject(["Corpus/fg.txt": text, "Corpus/respondenten.csv": rows])
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.project.respondents.count == 5_000)
        #expect(load.project.respondents["R4998"]?.perspective == "cliënt")
        #expect(load.project.respondents["R4999"]?.perspective == "professional")
        #expect(load.warnings.map(\.message).filter { $0.contains("never speaks") } == ["respondent R9 (\"Zwijger\") never speaks in fg"])
    }
}
