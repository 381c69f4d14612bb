import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// Quotes one level deep: the respondent's words in “…”, quotes inside them in ‘…’ (as the seeds'
/// studies print them), never “““. Expected values written by hand.
@Suite struct QuotationMarksTests {
    @Test("double quotation marks inside a quote become single ones, opening and closing", arguments: [
        ("Ze zei: \"Wij doen het samen.\" En dat klopte.", "“Ze zei: ‘Wij doen het samen.’ En dat klopte.”"),
        ("\"Ja,\" zei hij.", "“‘Ja,’ zei hij.”"),
        ("Hij heet „de vaste lijn” bij ons.", "“Hij heet ‘de vaste lijn’ bij ons.”"),
        ("“Geen seconde” over.", "“‘Geen seconde’ over.”"),
        ("Dat was (\"even\") zo.", "“Dat was (‘even’) zo.”"),
        ("Al ‘enkel’ gequote blijft.", "“Al ‘enkel’ gequote blijft.”"),
        ("Zo'n dag, 's avonds.", "“Zo'n dag, 's avonds.”"),
        ("Geen aanhalingstekens.", "“Geen aanhalingstekens.”"),
    ])
    func nested(source: String, expected: String) {
        let quoted = QuotationMarks.quoted(source)
        #expect(quoted == expected)
        #expect(!quoted.contains("““"))
        // Only the outer pair is double.
        #expect(quoted.filter { $0 == "“" || $0 == "”" || $0 == "„" || $0 == "\"" }.count == 2)
    }

    @Test("a perspective page prints a transcript's quotes inside the quote as ‘…’")
    func onThePage() throws {
        let project = try loadProject(TestPaths.fixtures.appendingPathComponent("wording-study").path).project
        let context = ReportContext(project: project, coder: "inline")
        let client = PerspectivePage.render(Perspective("cliënt"), context: context)
        #expect(client.contains("> “Ze zei meteen: ‘Wij gaan het samen doen.’ En zo voelde het ook, het klikte vanaf de eerste dag.” (C1, interview-a §2)"))
        #expect(client.contains("> “Die noemt zichzelf ‘de vaste lijn’ en ze is echt altijd bereikbaar.” (C1, interview-a §4)"))
        let professional = PerspectivePage.render(Perspective("professional"), context: context)
        #expect(professional.contains("> “Mijn agenda zit vol, ik heb ‘geen seconde’ over."))
    }
}
