import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct KeywordTermParserTests {
    @Test func eachFormIsRecognisedWithItsSourceAndColumn() throws {
        let terms = try KeywordTermParser.parse(#"match, match*, *match, *atc*, "eerste lijn", "eerste lijn*""#)
        #expect(terms.map(\.form) == [.word, .prefix, .suffix, .infix, .phrase, .phrasePrefix])
        #expect(terms.map(\.folded) == ["match", "match", "match", "atc", "eerste lijn", "eerste lijn"])
        #expect(terms.map(\.source) == ["match", "match*", "*match", "*atc*", #""eerste lijn""#, #""eerste lijn*""#])
        #expect(terms.map(\.column) == [1, 8, 16, 24, 31, 46])
    }

    @Test func boundariesFollowTheForm() throws {
        let terms = try KeywordTermParser.parse(#"a, a*, *a, *a*, "a b", "a b*""#)
        #expect(terms.map(\.needsBoundaryBefore) == [true, true, false, false, true, true])
        #expect(terms.map(\.needsBoundaryAfter) == [true, false, true, false, true, false])
    }

    @Test(arguments: [
        ("Coördinator", "coordinator"),
        ("Cliënt", "client"),
        ("ÉÉN", "een"),
        ("Straße", "strasse"),
        ("Ĳsselmeer", "ijsselmeer"),
        ("Æble", "aeble"),
        ("Øresund", "oresund"),
        ("Œuvre", "oeuvre"),
        ("e-mail", "e-mail"),
        ("zo’n", "zo'n"),
        // Every script folds case and diacritics.
        ("Ελλάδα", "ελλαδα"),
        ("ΟΔΥΣΣΕΥΣ", "οδυσσευσ"),
        ("Москва", "москва"),
        ("Йошкар-Ола", "иошкар-ола"),
        ("İstanbul", "istanbul"),
        ("ISPARTA", "isparta"),
        ("Kadın", "kadin"),
        ("COVID19", "covid19"),
    ])
    func termsAreStoredFolded(source: String, folded: String) throws {
        let terms = try KeywordTermParser.parse(source)
        #expect(terms.map(\.folded) == [folded])
        #expect(terms.map(\.source) == [source])
    }

    @Test func phrasesCollapseWhiteSpaceAndKeepCommasInsideQuotes() throws {
        let terms = try KeywordTermParser.parse("\"  Eerste \t  lijn  \", \"ja, maar\"")
        #expect(terms.map(\.folded) == ["eerste lijn", "ja, maar"])
        #expect(terms.map(\.form) == [.phrase, .phrase])
    }

    @Test func typographicQuotesWork() throws {
        let terms = try KeywordTermParser.parse("“eerste lijn”, „tweede lijn”")
        #expect(terms.map(\.folded) == ["eerste lijn", "tweede lijn"])
        #expect(terms.map(\.column) == [1, 16])
    }

    @Test func severalWordsWithoutQuotesAreThePhraseTheyAreWithQuotes() throws {
        let bare = try KeywordTermParser.parse("korte lijnen, bereikbaar, eerste  lijn*", firstColumn: 14)
        let quoted = try KeywordTermParser.parse(#""korte lijnen", bereikbaar, "eerste  lijn*""#, firstColumn: 14)
        #expect(bare.map(\.form) == [.phrase, .word, .phrasePrefix])
        #expect(bare.map(\.folded) == ["korte lijnen", "bereikbaar", "eerste lijn"])
        #expect(bare.map(\.folded) == quoted.map(\.folded))
        #expect(bare.map(\.form) == quoted.map(\.form))
        #expect(bare.map(\.source) == ["korte lijnen", "bereikbaar", "eerste  lijn*"])
        #expect(bare.map(\.column) == [14, 28, 40])
        // And they match the same words.
        let text = "Korte\nlijnen, de eerste lijnzorg, korte-lijnen"
        #expect(KeywordMatcher(terms: bare).matches(in: text) == KeywordMatcher(terms: quoted).matches(in: text))
        #expect(KeywordMatcher(terms: bare).matches(in: text).map(\.range) == [0..<12, 17..<32])
    }

    @Test func aTermIsAtMostTwoHundredCharacters() throws {
        let longest = String(repeating: "a", count: 200)
        #expect(try KeywordTermParser.parse("zorg, " + longest).map(\.folded) == ["zorg", longest])
        #expect(throws: KeywordRuleError.termTooLong(column: 7, length: 201, limit: 200)) {
            try KeywordTermParser.parse("zorg, " + longest + "*")
        }
        // Quotes count: the term is what was written.
        #expect(throws: KeywordRuleError.termTooLong(column: 4, length: 202, limit: 200)) {
            try KeywordTermParser.parse("a, \"" + String(repeating: "ab ", count: 66) + "ab\"")
        }
        // A term of two million characters is refused as quickly as a short one is read.
        let huge = String(repeating: "zorg ", count: 400_000)
        #expect(throws: KeywordRuleError.termTooLong(column: 1, length: 1_999_999, limit: 200)) {
            try KeywordTermParser.parse(huge)
        }
    }

    @Test func aQuotedSingleWordIsAnOrdinaryTerm() throws {
        let terms = try KeywordTermParser.parse(#""zorg*""#)
        #expect(terms.map(\.form) == [.prefix])
        #expect(terms.map(\.source) == [#""zorg*""#])
    }

    @Test func aBlankListHasNoTerms() throws {
        #expect(try KeywordTermParser.parse("").isEmpty)
        #expect(try KeywordTermParser.parse("   ").isEmpty)
    }

    @Test func columnsStartAtTheGivenColumn() throws {
        let terms = try KeywordTermParser.parse("zorg, hulp", firstColumn: 14)
        #expect(terms.map(\.column) == [14, 20])
        #expect(throws: KeywordRuleError.emptyTerm(column: 19)) {
            try KeywordTermParser.parse("zorg,,", firstColumn: 14)
        }
    }

    @Test(arguments: [
        ("a,,b", KeywordRuleError.emptyTerm(column: 3)),
        ("a, ,b", .emptyTerm(column: 4)),
        ("a,", .emptyTerm(column: 2)),
        ("a, b,  ", .emptyTerm(column: 5)),
        (",a", .emptyTerm(column: 1)),
        (#"a, """#, .emptyTerm(column: 4)),
        (#"a, "  ""#, .emptyTerm(column: 4)),
        (#""eerste lijn"#, .unbalancedQuote(column: 1)),
        (#"zorg, "eerste lijn, hulp"#, .unbalancedQuote(column: 7)),
        (#"zo"n"#, .misplacedQuote(column: 3)),
        (#""eerste lijn"x, b"#, .misplacedQuote(column: 14)),
        (#""eerste lijn" hulp"#, .misplacedQuote(column: 15)),
        ("*", .loneWildcard(column: 1)),
        ("zorg, **", .loneWildcard(column: 7)),
        ("ma*tch", .wildcardInsideWord(column: 3)),
        ("**match", .wildcardInsideWord(column: 2)),
        (#""*eerste lijn""#, .wildcardInPhrase(column: 2)),
        (#""eerste* lijn""#, .wildcardInPhrase(column: 8)),
        (#""eerste lijn *""#, .wildcardInPhrase(column: 14)),
        ("*eerste lijn", .wildcardInPhrase(column: 1)),
        ("zorg, eerste lijn *", .wildcardInPhrase(column: 19)),
        ("zorg, eerste* lijn", .wildcardInPhrase(column: 13)),
        ("zorg, eerste lijn.", .punctuationAtEdge(column: 18)),
        ("-mail", .punctuationAtEdge(column: 1)),
        ("zorg.", .punctuationAtEdge(column: 5)),
        ("zorg-*", .punctuationAtEdge(column: 5)),
        (#""eerste lijn.""#, .punctuationAtEdge(column: 13)),
    ])
    func mistakesAreReportedWithTheirColumn(list: String, error: KeywordRuleError) {
        #expect(throws: error) { try KeywordTermParser.parse(list) }
    }

    @Test func columnsCountUnicodeScalarsNotCharactersOrBytes() throws {
        // The family emoji is one character and eighteen bytes, but five scalars: five columns.
        #expect(throws: KeywordRuleError.emptyTerm(column: 7)) { try KeywordTermParser.parse("👩‍👩‍👧,,b") }
        // A decomposed ë is one character of two scalars.
        #expect(throws: KeywordRuleError.wildcardInsideWord(column: 7)) { try KeywordTermParser.parse("clie\u{308}n*t") }
        // A flag is two regional indicators; an error at the end of the list stands after the last scalar.
        #expect(throws: KeywordRuleError.emptyTerm(column: 16)) { try KeywordTermParser.parse("🇳🇱 vlag,", firstColumn: 9) }
        #expect(try KeywordTermParser.parse("🇳🇱, zorg", firstColumn: 14).map(\.column) == [14, 18])
    }

    @Test func messagesSayWhereWhatAndWhatToDo() {
        let error = KeywordRuleError.emptyTerm(column: 3)
        #expect(error.column == 3)
        #expect(error.description == "column 3: empty keyword — remove the extra comma or write a keyword in its place")
        for error in [KeywordRuleError.unbalancedQuote(column: 1), .misplacedQuote(column: 1), .loneWildcard(column: 1),
                      .wildcardInsideWord(column: 1), .wildcardInPhrase(column: 1), .punctuationAtEdge(column: 1),
                      .termTooLong(column: 1, length: 201, limit: 200),
                      .keywordSetTooLarge(column: 1, termIndex: 0, limitMegabytes: 32)] {
            #expect(error.description.hasPrefix("column 1: "))
            #expect(error.description.contains(" — "))
        }
    }
}
