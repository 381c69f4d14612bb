import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// The results table's "Omschrijving": the code's `samenvatting:`, else the first sentence of its
/// description that is not a coding instruction, at most 25 words. Expected values by hand.
@Suite struct ThemeSummaryTests {
    func code(_ section: String) throws -> Code {
        let parsed = CodebookParser.parse("# T\n\n## Cat {#cat}\ndeelvraag: 1\n\n### Thema {#thema}\n" + section, file: "Codebooks/t.md")
        #expect(parsed.problems.isEmpty, "\(parsed.diagnostics)")
        return try #require(parsed.codebook.code(id: "thema"))
    }

    @Test("samenvatting: is the line, wherever it stands in the code's section")
    func summaryAttribute() throws {
        let under = try code("samenvatting: De klik tussen cliënt en vrijwilliger.\n\nEen lange omschrijving. Met meer zinnen.\n")
        #expect(ThemeSummary.line(for: under) == "De klik tussen cliënt en vrijwilliger.")
        let after = try code("\nEen lange omschrijving. Met meer zinnen.\n\nsamenvatting: Kort gezegd.\n")
        #expect(ThemeSummary.line(for: after) == "Kort gezegd.")
        #expect(after.description.contains("samenvatting") == false)
    }

    @Test("without samenvatting: the description's first sentence, not the ones after it")
    func firstSentence() throws {
        let theme = try code("\nUitspraken over hoe vrijwilliger en cliënt bij elkaar passen. Het gaat ook om de klik.\n\nTweede alinea.\n")
        #expect(ThemeSummary.line(for: theme) == "Uitspraken over hoe vrijwilliger en cliënt bij elkaar passen.")
    }

    @Test("a coding instruction is never the line: the first sentence that describes the theme is")
    func instructionSkipped() throws {
        let theme = try code("\nCodeer hier als de respondent zegt dat het klikt. Gebruik deze code ook voor twijfel. Elkaar snel kunnen bereiken.\n")
        #expect(ThemeSummary.line(for: theme) == "Elkaar snel kunnen bereiken.")
        let onlyInstructions = try code("\nCodeer hier als het klikt.\n\n**Niet gebruiken** voor ruzie.\n")
        #expect(ThemeSummary.line(for: onlyInstructions) == "")
    }

    @Test("an abbreviation, a theme number or a question mark inside a sentence does not end it")
    func sentenceEnds() {
        #expect(ThemeSummary.sentences(in: "Snel bereikbaar, bijv. met een appje. Daarna meer.")
                == ["Snel bereikbaar, bijv. met een appje.", "Daarna meer."])
        #expect(ThemeSummary.sentences(in: "Zie thema 10.1 voor meer. Wat nu? Niets!") == ["Zie thema 10.1 voor meer.", "Wat nu?", "Niets!"])
        #expect(ThemeSummary.sentences(in: "Geen punt aan het eind") == ["Geen punt aan het eind"])
    }

    @Test("a first sentence of more than 25 words is cut after the 25th word, without its comma, with …")
    func longSentence() throws {
        // 32 words; the 25th is "vrijwilliger," (its comma goes).
        let sentence = "De professional heeft door een volle agenda of een hoge caseload minder tijd voor contact, overleg en aandacht, "
            + "zowel voor cliënt als voor de vrijwilliger, terwijl beiden juist dan steun nodig hebben."
        #expect(sentence.split(separator: " ").count == 32)
        let theme = try code("\n" + sentence + " Tweede zin.\n")
        #expect(ThemeSummary.line(for: theme) == "De professional heeft door een volle agenda of een hoge caseload minder tijd voor contact, overleg en aandacht, "
                + "zowel voor cliënt als voor de vrijwilliger …")
        let exactly25 = Array(repeating: "woord", count: 24).joined(separator: " ") + " einde."
        #expect(ThemeSummary.line(for: try code("\n" + exactly25 + "\n")) == exactly25)
    }

    @Test("the results table shows the summary, never the coding instructions (wording fixture)")
    func resultsTable() throws {
        let project = try loadProject(TestPaths.fixtures.appendingPathComponent("wording-study").path).project
        let table = ResultsTablePage.render(ReportContext(project: project, coder: "inline"))
        #expect(table.contains("| 1 | **Een goede klik** | De klik tussen cliënt en vrijwilliger. | 1/1 | 1/1 | 2/2 |"))
        #expect(table.contains("| 2 | **Korte lijnen** | Elkaar snel kunnen bereiken, bijv. met een appje tussendoor. | 1/1 | 1/1 | 2/2 |"))
        #expect(!table.contains("Codeer"))
        #expect(table.contains("zowel voor cliënt als voor de vrijwilliger … | 0/1 | 1/1 | 1/2 |"))
    }

    @Test("the example study's results table: every Omschrijving is one line of at most 25 words and no instruction")
    func exampleStudy() throws {
        let project = try loadProject(TestPaths.packageRoot.path).project
        let context = ReportContext(project: project, coder: "inline")
        for code in project.codebook.codes where !code.isCategory {
            let line = context.summary(of: code)
            #expect(!line.isEmpty, "\(code.id)")
            #expect(line.split(separator: " ").filter { $0 != "…" }.count <= 25, "\(code.id): \(line)")
            #expect(!line.lowercased().hasPrefix("codeer"), "\(code.id)")
        }
        #expect(context.summary(of: try #require(project.codebook.code(id: "begrenzing")))
                == "Samen afspreken en bewaken wat de vrijwilliger wel en niet doet.")
        #expect(context.summary(of: try #require(project.codebook.code(id: "juiste-match")))
                == "Uitspraken over hoe vrijwilliger en cliënt bij elkaar passen en waarom dat werkt.")
    }
}
