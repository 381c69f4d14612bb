import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// English front-matter keys mean the Dutch ones; a key close to a known one is a warning; any other
/// key is a document variable (issue 20).
@Suite struct FrontMatterKeyTests {
    @Test("perspective, respondent, type, date and organisation are read as perspectief, respondent, type, datum and organisatie")
    func englishKeys() {
        let text = "---\nPerspective: professional\nrespondent: P1\ntype: interview\ndate: 2026-11-02\norganisation: Buurtzorg\nleeftijd: 54\n---\nI: Vraag?\nR: Antwoord.\n"
        let parsed = DocumentParser.parse(text, file: "Corpus/a.txt", defaultID: "a")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.document.perspective == "professional")
        #expect(parsed.document.respondent == "P1")
        #expect(parsed.document.type == .interview)
        #expect(parsed.document.metadata == ["perspectief": "professional", "respondent": "P1", "type": "interview",
                                             "datum": "2026-11-02", "organisatie": "Buurtzorg", "leeftijd": "54"])
    }

    @Test("a Dutch key given beside its English one wins, in either order")
    func dutchWins() {
        for lines in [["perspective: client", "perspectief: cliënt"], ["perspectief: cliënt", "perspective: client"]] {
            let text = "---\n" + lines.joined(separator: "\n") + "\n---\nR: ja\n"
            #expect(DocumentParser.parse(text, file: "a.txt", defaultID: "a").document.perspective == "cliënt")
        }
    }

    @Test("a key within two edits of a known one is a warning at its line; it stays a variable and means nothing else", arguments: [
        ("perpectief", "perspectief"), ("perspectef", "perspectief"), ("respondnet", "respondent"), ("typ", "type"),
        ("datun", "datum"), ("organsatie", "organisatie"), ("perspectiv", "perspective"), ("spreker", "sprekers"),
    ])
    func typo(key: String, meant: String) {
        let parsed = DocumentParser.parse("---\nid: a\n\(key): x\n---\nR: ja\n", file: "Corpus/a.txt", defaultID: "a")
        #expect(parsed.diagnostics.map(\.description) == [
            "Corpus/a.txt:3:1: warning: front matter key \"\(key)\" is not one Codeboom reads; it is kept as a document variable — did you mean \"\(meant)\"? Rename the key if so",
        ])
        #expect(parsed.document.metadata[key] == "x")
        #expect(parsed.document.perspective == nil)
    }

    @Test("keys far from every known key are variables without a word", arguments: ["leeftijd", "geslacht", "functie", "locatie", "duur", "wijk"])
    func variables(key: String) {
        let parsed = DocumentParser.parse("---\n\(key): x\n---\nR: ja\n", file: "Corpus/a.txt", defaultID: "a")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.document.metadata[key] == "x")
    }

    @Test("documenten.csv reads the English column names as the Dutch ones")
    func metadataTable() {
        let parsed = DocumentMetadataTable.parse("document,perspective,respondent,date\nb,cliënt,C9,2026-01-05\n", file: "Corpus/documenten.csv")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.table.entries["b"]?.metadata == ["perspectief": "cliënt", "respondent": "C9", "datum": "2026-01-05"])
    }
}
