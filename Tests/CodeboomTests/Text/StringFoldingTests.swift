import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct StringFoldingTests {
    @Test(arguments: [
        ("Cliënt", "client"), ("COÖRDINATOR", "coordinator"), ("Øresund", "oresund"), ("Æble", "aeble"),
        ("Straße", "strasse"), ("Łódź", "lodz"), ("ΑΘΉΝΑ", "αθηνα"), ("Москва", "москва"), ("İzmir", "izmir"),
        // White space and punctuation stay as written; only letters fold.
        ("Vrijwilligers-Coördinator (V3)", "vrijwilligers-coordinator (v3)"), ("zo’n  dag", "zo’n  dag"),
    ])
    func foldedIsKeywordFoldingOfTheLetters(text: String, expected: String) {
        #expect(text.folded == expected)
    }

    @Test func foldedAgreesWithKeywordMatchingOnEveryLetter() {
        // One folding: a word folded for ids and labels is the word keyword matching folds.
        for word in ["Øresund", "ĲSSELMEER", "Ærø", "þing", "Đorđe", "ΟΔΥΣΣΕΥΣ", "Ёлка", "ıstakoz", "ǅemal", "µg"] {
            #expect(Array(word.folded.utf8) == KeywordFolding.symbols(of: word), "\(word)")
        }
    }

    @Test func slugsAndPerspectivesFoldTheSameWay() {
        #expect("Øresund én Ærø".slug == "oresund-en-aero")
        #expect(Perspective("Cliënt") == Perspective("CLIENT"))
        #expect(Perspective("Coördinator Ø") == Perspective("coordinator o"))
    }

    @Test("ø, æ, ß and İ fold alike for ids, keyword rules and pseudonyms", arguments: [
        ("Søren", "SOREN"), ("Ærø", "aero"), ("Strauß", "STRAUSS"), ("İpek", "ipek"),
    ])
    func oneFoldingForIdsKeywordsAndNames(name: String, written: String) throws {
        #expect(name.folded == written.folded)
        let term = try #require(try KeywordTermParser.parse(name).first)
        #expect(term.folded == written.folded)
        let table = PseudonymTable(entries: [.init(name: name, pseudonym: "P1")])
        #expect(table.apply(to: "R: ik sprak \(written) gisteren.") == "R: ik sprak P1 gisteren.")
    }
}
