import Testing
@testable import Codeboom

@Suite struct CodebookParserTests {
    let source = """
    # Studie
    deelvraag 1: Wat gaat goed?
    deelvraag 2: Wat schuurt?

    Inleiding van het codeboek.

    ## Succesfactoren {#succes}
    deelvraag: 1, 2

    Wat goed gaat.

    ### Een juiste match
    wifa: F
    trefwoorden: klik, "het klikt"

    Beschrijving met een dubbele punt: dit is geen attribuut.
    niet: ook dit niet

    #### Eerste indruk {#indruk}

    ## Spanningen
    deelvraag: 3
    vraag: Welke spanningen zijn er?

    ### Agendadruk
    wifa: Afstemming
    """

    @Test("heading levels form the tree, with ids from {#id} or the slug")
    func tree() {
        let (codebook, diagnostics) = CodebookParser.parse(source, file: "Codebooks/s.md")
        #expect(diagnostics.isEmpty)
        #expect(codebook.title == "Studie")
        #expect(codebook.introduction == "Inleiding van het codeboek.")
        #expect(codebook.codes.map(\.id) == ["succes", "een-juiste-match", "indruk", "spanningen", "agendadruk"])
        #expect(codebook.codes.map(\.depth) == [0, 1, 2, 0, 1])
        #expect(codebook.code(id: "indruk")?.parentID == "een-juiste-match")
        #expect(codebook.path(of: "indruk") == ["succes", "een-juiste-match", "indruk"])
        #expect(codebook.subtree(of: "succes") == ["succes", "een-juiste-match", "indruk"])
    }

    @Test("attributes are read right under a heading; later key: value lines are description")
    func attributes() {
        let (codebook, _) = CodebookParser.parse(source, file: "s.md")
        let match = codebook.code(id: "een-juiste-match")
        #expect(match?.wifa == .faciliteren)
        #expect(match?.attributes["trefwoorden"] == "klik, \"het klikt\"")
        #expect(match?.description == "Beschrijving met een dubbele punt: dit is geen attribuut.\nniet: ook dit niet")
        #expect(codebook.code(id: "agendadruk")?.wifa == .afstemming)
    }

    @Test("children inherit deelvragen; questions come from the title or from vraag:")
    func deelvragen() {
        let (codebook, _) = CodebookParser.parse(source, file: "s.md")
        #expect(codebook.code(id: "indruk")?.deelvragen == [1, 2])
        #expect(codebook.code(id: "agendadruk")?.deelvragen == [3])
        #expect(codebook.deelvraagQuestions == [1: "Wat gaat goed?", 2: "Wat schuurt?", 3: "Welke spanningen zijn er?"])
        #expect(codebook.deelvraagNumbers == [1, 2, 3])
    }

    @Test("a duplicate id is an error that names both lines")
    func duplicateID() {
        let (_, diagnostics) = CodebookParser.parse("# T\n\n## A {#x}\n\n### B {#x}\n", file: "Codebooks/t.md")
        #expect(diagnostics.map(\.description) == [
            "Codebooks/t.md:5:1: error: code id \"x\" is defined twice (first at line 3) — rename one, e.g. with `{#another-id}` at the end of the heading",
        ])
    }

    @Test("invalid deelvraag and wifa values are errors at the value's column")
    func invalidAttributes() {
        let (_, diagnostics) = CodebookParser.parse("# T\n## A\ndeelvraag: twee\nwifa: Z\n", file: "t.md")
        #expect(diagnostics.map(\.description) == [
            "t.md:3:12: error: deelvraag \"twee\" is not a number — write the number of the sub-question, like `deelvraag: 2` or `deelvraag: 1, 2`",
            "t.md:4:7: error: wifa \"Z\" is not a WIFA dimension — use W, I, F or A (Waardering, Informeren, Faciliteren, Afstemming)",
        ])
    }

    @Test("a codebook without title or codes says what to add")
    func empty() {
        let (_, diagnostics) = CodebookParser.parse("Alleen tekst.\n", file: "t.md")
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }
}
