import Testing
@testable import Codeboom

@Suite struct CodebookErrorTests {
    static let file = "Codebooks/c.md"

    static func at(_ line: Int, _ column: Int) -> Codeboom.SourceLocation {
        Codeboom.SourceLocation(file: file, line: line, column: column)
    }

    @Test("every mistake in a codebook is its own case, at its line and column (in Unicode scalars)")
    func casesAndLocations() {
        let source = """
            # Zoo
            deelvraag x: Wat niet?

            ### Vóór alles {#voor}

            ## Succes {#succes}
            deelvraag: 1, twee
            wifa: Q
            vraag: Een vraag?

            ### Klik {#klik}
            wifa: W
            wifa: I
            trefwoorden: 🇳🇱 vlag, "één lijn
            uitsluiten: zo*rg

            ### Klik {#klik}

            ## !!!

            # Tweede titel
            """
        let parsed = CodebookParser.parse(source, file: Self.file)
        #expect(parsed.problems == [
            .deelvraagQuestionWithoutNumber(Self.at(2, 14), key: "deelvraag x"),
            .codeBeforeCategory(Self.at(4, 1), heading: "Vóór alles"),
            .deelvraagNotANumber(Self.at(7, 12), value: "1, twee"),
            .unknownWIFADimension(Self.at(8, 7), value: "Q"),
            .questionWithoutOneDeelvraag(Self.at(9, 8)),
            .attributeGivenTwice(Self.at(13, 7), key: "wifa", codeID: "klik", firstLine: 12),
            .duplicateID(Self.at(17, 1), id: "klik", firstLine: 11),
            .emptyID(Self.at(19, 1), heading: "!!!"),
            .secondTitle(Self.at(21, 1), title: "Tweede titel"),
        ])
        // The flag is two scalars: the quote stands at scalar 23 of the line (character 22).
        #expect(KeywordRules(codebook: parsed.codebook).problems == [
            .keywordRule(Self.at(14, 23), key: "trefwoorden", codeID: "klik", .unbalancedQuote(column: 23)),
            .keywordRule(Self.at(15, 15), key: "uitsluiten", codeID: "klik", .wildcardInsideWord(column: 15)),
        ])
    }

    @Test("only a repeated attribute is a warning; everything else stops counting")
    func severities() {
        #expect(CodebookError.attributeGivenTwice(Self.at(1, 1), key: "wifa", codeID: "a", firstLine: 1).severity == .warning)
        #expect(CodebookError.noCodes(Self.at(1, 1)).severity == .error)
        #expect(CodebookError.keywordRule(Self.at(1, 1), key: "trefwoorden", codeID: "a", .emptyTerm(column: 1)).severity == .error)
    }

    /// Each case once, as `check` prints it (the text of these lines is unchanged from before the cases existed).
    static let printed: [(CodebookError, String)] = [
        (.secondTitle(at(30, 1), title: "Tweede titel"),
         "Codebooks/c.md:30:1: error: a second title (`#` heading) \"Tweede titel\" — keep one `#` title; use `##` for categories"),
        (.emptyID(at(20, 1), heading: "!!!"),
         "Codebooks/c.md:20:1: error: heading \"!!!\" gives an empty id — add an id at the end of the heading, like `{#my-code}`"),
        (.duplicateID(at(18, 1), id: "klik", firstLine: 12),
         "Codebooks/c.md:18:1: error: code id \"klik\" is defined twice (first at line 12) — rename one, e.g. with `{#another-id}` at the end of the heading"),
        (.codeBeforeCategory(at(5, 1), heading: "Vóór alles"),
         "Codebooks/c.md:5:1: error: code \"Vóór alles\" stands before any category — put a `##` category heading above it"),
        (.attributeGivenTwice(at(14, 7), key: "wifa", codeID: "klik", firstLine: 13),
         "Codebooks/c.md:14:7: warning: `wifa:` is given twice for \"klik\" (first at line 13); only this line counts — put everything on one `wifa:` line"),
        (.noTitle(at(1, 1)),
         "Codebooks/c.md:1:1: error: the codebook has no `#` title — start the file with a line like `# Codeboom of my study`"),
        (.noCodes(at(1, 1)),
         "Codebooks/c.md:1:1: error: the codebook has no codes — add categories as `##` headings and codes as `###` headings"),
        (.deelvraagNotANumber(at(8, 12), value: "1, twee"),
         "Codebooks/c.md:8:12: error: deelvraag \"1, twee\" is not a number — write the number of the sub-question, like `deelvraag: 2` or `deelvraag: 1, 2`"),
        (.unknownWIFADimension(at(9, 7), value: "Q"),
         "Codebooks/c.md:9:7: error: wifa \"Q\" is not a WIFA dimension — use W, I, F or A (Waardering, Informeren, Faciliteren, Afstemming)"),
        (.questionWithoutOneDeelvraag(at(10, 8)),
         "Codebooks/c.md:10:8: error: `vraag:` needs exactly one deelvraag on this heading — put `deelvraag: N` above the `vraag:` line"),
        (.deelvraagQuestionWithoutNumber(at(3, 14), key: "deelvraag x"),
         "Codebooks/c.md:3:14: error: \"deelvraag x\" does not name a deelvraag number — write it as `deelvraag 1: the question`"),
        (.keywordRule(at(23, 22), key: "trefwoorden", codeID: "agenda", .emptyTerm(column: 22)),
         "Codebooks/c.md:23:22: error: trefwoorden of \"agenda\": empty keyword — remove the extra comma or write a keyword in its place"),
        (.keywordRule(at(15, 20), key: "trefwoorden", codeID: "klik", .unbalancedQuote(column: 20)),
         "Codebooks/c.md:15:20: error: trefwoorden of \"klik\": this quote opens a phrase that is never closed — add the closing \""),
        (.keywordRule(at(26, 26), key: "trefwoorden", codeID: "vlag", .misplacedQuote(column: 26)),
         "Codebooks/c.md:26:26: error: trefwoorden of \"vlag\": quote in the middle of a keyword — put the whole phrase in quotes, like \"eerste lijn\", and separate keywords with commas"),
        (.keywordRule(at(24, 13), key: "uitsluiten", codeID: "agenda", .loneWildcard(column: 13)),
         "Codebooks/c.md:24:13: error: uitsluiten of \"agenda\": a keyword that is only * would match every word — write letters before or after the *, like zorg*"),
        (.keywordRule(at(16, 19), key: "uitsluiten", codeID: "klik", .wildcardInsideWord(column: 19)),
         "Codebooks/c.md:16:19: error: uitsluiten of \"klik\": * inside a word — a * may only stand at the start (*zorg) or end (zorg*) of a keyword; split it into two keywords"),
        (.keywordRule(at(4, 22), key: "trefwoorden", codeID: "lijn", .wildcardInPhrase(column: 22)),
         "Codebooks/c.md:4:22: error: trefwoorden of \"lijn\": * in a phrase may only end its last word, like \"eerste lijn*\" — remove this *"),
        (.keywordRule(at(28, 13), key: "uitsluiten", codeID: "lang", .punctuationAtEdge(column: 13)),
         "Codebooks/c.md:28:13: error: uitsluiten of \"lang\": a keyword must start and end with a letter or digit — remove the punctuation here"),
        (.keywordRule(at(27, 14), key: "trefwoorden", codeID: "lang", .termTooLong(column: 14, length: 214, limit: 200)),
         "Codebooks/c.md:27:14: error: trefwoorden of \"lang\": keyword of 214 characters is longer than the limit of 200 — shorten it to the words that matter, or separate keywords with commas"),
        (.keywordRule(at(6, 397_889), key: "trefwoorden", codeID: "klik", .keywordSetTooLarge(column: 397_889, termIndex: 35_000, limitMegabytes: 32)),
         "Codebooks/c.md:6:397889: error: trefwoorden of \"klik\": the keywords up to here need more than the 32 MB that matching may take — use fewer or shorter keywords (a prefix like zorg* instead of every form of a word)"),
    ]

    @Test("each case prints as `path:line:col: severity: what — what to do`", arguments: printed)
    func printedText(problem: CodebookError, line: String) {
        #expect(Diagnostic(problem).description == line)
        #expect(problem.description == line)
    }
}
