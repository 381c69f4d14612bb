import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

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
        let parsed = CodebookParser.parse(source, file: "Codebooks/s.md")
        let codebook = parsed.codebook
        #expect(parsed.problems.isEmpty)
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
        let codebook = CodebookParser.parse(source, file: "s.md").codebook
        let match = codebook.code(id: "een-juiste-match")
        #expect(match?.wifa == .faciliteren)
        #expect(match?.attributes["trefwoorden"] == "klik, \"het klikt\"")
        #expect(match?.description == "Beschrijving met een dubbele punt: dit is geen attribuut.\nniet: ook dit niet")
        #expect(codebook.code(id: "agendadruk")?.wifa == .afstemming)
    }

    @Test("children inherit deelvragen; questions come from the title or from vraag:")
    func deelvragen() {
        let codebook = CodebookParser.parse(source, file: "s.md").codebook
        #expect(codebook.code(id: "indruk")?.deelvragen == [1, 2])
        #expect(codebook.code(id: "agendadruk")?.deelvragen == [3])
        #expect(codebook.deelvraagQuestions == [1: "Wat gaat goed?", 2: "Wat schuurt?", 3: "Welke spanningen zijn er?"])
        #expect(codebook.deelvraagNumbers == [1, 2, 3])
    }

    @Test("a duplicate id is an error that names both lines")
    func duplicateID() {
        let parsed = CodebookParser.parse("# T\n\n## A {#x}\n\n### B {#x}\n", file: "Codebooks/t.md")
        #expect(parsed.problems == [.duplicateID(SourceLocation(file: "Codebooks/t.md", line: 5, column: 1), id: "x", firstLine: 3)])
        #expect(parsed.diagnostics.map(\.description) == [
            "Codebooks/t.md:5:1: error: code id \"x\" is defined twice (first at line 3) — rename one, e.g. with `{#another-id}` at the end of the heading",
        ])
    }

    @Test("invalid deelvraag and wifa values are errors at the value's column")
    func invalidAttributes() {
        let parsed = CodebookParser.parse("# T\n## A\ndeelvraag: twee\nwifa: Z\n", file: "t.md")
        #expect(parsed.problems == [
            .deelvraagNotANumber(SourceLocation(file: "t.md", line: 3, column: 12), value: "twee"),
            .unknownWIFADimension(SourceLocation(file: "t.md", line: 4, column: 7), value: "Z"),
        ])
    }

    @Test("a codebook without title or codes says what to add")
    func empty() {
        let parsed = CodebookParser.parse("Alleen tekst.\n", file: "t.md")
        let start = SourceLocation(file: "t.md", line: 1, column: 1)
        #expect(parsed.problems == [.noTitle(start), .noCodes(start)])
        #expect(parsed.problems.allSatisfy { $0.severity == .error })
    }

    @Test("the known attribute keys are attributes anywhere in a code's section, as researchers write them after the description")
    func attributesAfterTheDescription() {
        let source = """
        # Studie

        Inleiding.

        deelvraag 1: Wat gaat goed?

        ## Succes
        Wat goed gaat, eerst beschreven.

        deelvraag: 1

        ### Korte lijnen {#korte-lijnen}
        Het elkaar snel kunnen bereiken.

        Voorbeeld: een vrijwilliger belt even.

        trefwoorden: bellen, "korte lijnen"
        uitsluiten: "niet bereikbaar"
        wifa: A

        Meer uitleg na de regels.

        ```
        trefwoorden: in een codeblok
        ```
        """
        let parsed = CodebookParser.parse(source, file: "c.md")
        let codebook = parsed.codebook
        #expect(parsed.problems.isEmpty)
        let code = codebook.code(id: "korte-lijnen")
        #expect(code?.attributes["trefwoorden"] == "bellen, \"korte lijnen\"")
        #expect(code?.attributes["uitsluiten"] == "\"niet bereikbaar\"")
        #expect(code?.wifa == .afstemming)
        #expect(code?.attributeLocations["trefwoorden"] == SourceLocation(file: "c.md", line: 17, column: 14))
        // Unknown keys stay description; so does a known key inside a code block; the attribute lines leave no gap.
        #expect(code?.description == "Het elkaar snel kunnen bereiken.\n\nVoorbeeld: een vrijwilliger belt even.\n\nMeer uitleg na de regels.\n\n```\ntrefwoorden: in een codeblok\n```")
        #expect(codebook.code(id: "succes")?.description == "Wat goed gaat, eerst beschreven.")
        #expect(codebook.code(id: "succes")?.deelvragen == [1])
        #expect(code?.deelvragen == [1])
        #expect(codebook.deelvraagQuestions == [1: "Wat gaat goed?"])
        #expect(codebook.introduction == "Inleiding.")
        // The rules are there for auto-coding, not "no code has trefwoorden".
        #expect(KeywordRules(codebook: codebook).codeIDs == ["korte-lijnen"])
    }

    @Test("samenvatting: is a known attribute that gives the code its one-line summary, also after the description")
    func summary() {
        let source = """
        # Studie
        ## Succes
        ### Korte lijnen {#korte-lijnen}
        Het elkaar snel kunnen bereiken, met een telefoontje of appje tussendoor.

        samenvatting: Elkaar snel kunnen bereiken.
        ### Agendadruk
        samenvatting:
        """
        let parsed = CodebookParser.parse(source, file: "c.md")
        let codebook = parsed.codebook
        #expect(parsed.problems.isEmpty)
        #expect(codebook.code(id: "korte-lijnen")?.summary == "Elkaar snel kunnen bereiken.")
        #expect(codebook.code(id: "korte-lijnen")?.description == "Het elkaar snel kunnen bereiken, met een telefoontje of appje tussendoor.")
        // An empty line gives no summary, so a table falls back to the description.
        #expect(codebook.code(id: "agendadruk")?.summary == nil)
        #expect(codebook.code(id: "succes")?.summary == nil)
    }

    @Test("wifa: takes the letter, the noun or the verb of the model in any case",
          arguments: [("W", WIFADimension.waardering), ("Waardering", .waardering), ("waarderen", .waardering), ("I", .informeren),
                      ("Informeren", .informeren), ("faciliteren", .faciliteren), ("Afstemming", .afstemming), ("Afstemmen", .afstemming)])
    func wifaWords(value: String, dimension: WIFADimension) {
        let parsed = CodebookParser.parse("# T\n## A\nwifa: \(value)\n", file: "t.md")
        let codebook = parsed.codebook
        #expect(parsed.problems.isEmpty)
        #expect(codebook.code(id: "a")?.wifa == dimension)
    }

    @Test("an attribute given twice in one section is a warning; the last line counts")
    func attributeTwice() {
        let parsed = CodebookParser.parse("# T\n## A\ntrefwoorden: een\n\nTekst.\n\ntrefwoorden: twee\n", file: "t.md")
        #expect(parsed.codebook.code(id: "a")?.attributes["trefwoorden"] == "twee")
        #expect(parsed.problems == [
            .attributeGivenTwice(SourceLocation(file: "t.md", line: 7, column: 14), key: "trefwoorden", codeID: "a", firstLine: 3),
        ])
        #expect(parsed.problems.map(\.severity) == [.warning])
    }

    @Test("attributes under a rejected heading do not land on the code before it")
    func rejectedHeading() {
        let codebook = CodebookParser.parse("# T\n## A {#x}\ntrefwoorden: een\n\nOver A.\n## B {#x}\nOver B.\n\ntrefwoorden: twee\n", file: "t.md").codebook
        #expect(codebook.code(id: "x")?.attributes["trefwoorden"] == "een")
        #expect(codebook.code(id: "x")?.description == "Over A.")
    }

    @Test("a closing run of # after a space ends a heading; C# keeps its #",
          arguments: [("## Programmeren in C#", "Programmeren in C#"), ("## Agenda ##", "Agenda"), ("## Agenda #  ", "Agenda"), ("## Agenda#", "Agenda#")])
    func closingHashes(line: String, label: String) {
        #expect(CodebookParser.parse("# T\n\(line)\n", file: "t.md").codebook.codes.first?.label == label)
    }

    @Test("a heading with a million closing #s is read in one pass", .timeLimit(.minutes(1)))
    func manyClosingHashes() {
        let line = "## Agenda " + String(repeating: "#", count: 1_000_000)
        #expect(CodebookParser.parse("# T\n\(line)\n", file: "t.md").codebook.codes.first?.label == "Agenda")
    }

    @Test("20,000 categories with a code each inherit their deelvragen in one pass", .timeLimit(.minutes(1)))
    func manyCategories() {
        // The benchmark (Benchmarks/stress.sh) reads 50,000; each code once searched the whole list for its parent.
        var source = "# Groot\n"
        for number in 0..<20_000 { source += "## Categorie \(number)\ndeelvraag: \(number % 6 + 1)\n\n### Code \(number)\n\nOver \(number).\n\n" }
        let parsed = CodebookParser.parse(source, file: "c.md")
        let codebook = parsed.codebook
        #expect(parsed.problems.isEmpty)
        #expect(codebook.codes.count == 40_000)
        #expect(codebook.code(id: "code-19999")?.deelvragen == [19_999 % 6 + 1])
        #expect(codebook.code(id: "code-19999")?.parentID == "categorie-19999")
    }
}
