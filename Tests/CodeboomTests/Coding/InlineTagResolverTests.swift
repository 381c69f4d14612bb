import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// One respondent turn with `#` in it, and what `check` makes of it.
struct TagCase: Sendable, CustomTestStringConvertible {
    /// The words after `R: ` on line 7 of the transcript.
    var input: String
    /// Code ids the turn is coded with.
    var codes: [String]
    /// What `check` says about the transcript, as printed.
    var messages: [String]
    /// The turn as quotes show it.
    var text: String

    var testDescription: String { input }
}

@Suite struct InlineTagResolverTests {
    static let codebook = """
    # Test

    ## Thema {#thema}

    ### Agendadruk {#agendadruk}

    ### Een juiste match {#juiste-match}

    ### Tweede lijn {#2e-lijn}

    """

    static let advice = "use a code id from Codebooks/codeboom.md, or add the code there"
    static func asText(_ tag: String, column: Int, times: String = "") -> String {
        "Corpus/a.txt:7:\(column): warning: `#\(tag)` is not a code; read as text\(times) — if it is meant as a code, add `\(tag)` to Codebooks/codeboom.md or correct the tag; otherwise nothing needs to change"
    }

    static let cases: [TagCase] = [
        // `#` and a digit is text, without a word.
        TagCase(input: "vraag #1 gaat over werk", codes: [], messages: [], text: "vraag #1 gaat over werk"),
        TagCase(input: "Caption text #1", codes: [], messages: [], text: "Caption text #1"),
        TagCase(input: "via de #2e-lijnn", codes: [], messages: [], text: "via de #2e-lijnn"),
        // … unless it is exactly a code id.
        TagCase(input: "via de #2e-lijn", codes: ["2e-lijn"], messages: [], text: "via de"),
        // Other unknown words far from every code are text, with a warning, once per word and document.
        TagCase(input: "subsidie #CCR921930-02 aangevraagd", codes: [],
                messages: [asText("CCR921930-02", column: 13)], text: "subsidie #CCR921930-02 aangevraagd"),
        TagCase(input: "ik steun #metoo", codes: [], messages: [asText("metoo", column: 13)], text: "ik steun #metoo"),
        TagCase(input: "#metoo, en nog eens #metoo", codes: [],
                messages: [asText("metoo", column: 4, times: " (2 times in this document)")], text: "#metoo, en nog eens #metoo"),
        // Codes code, and leave the quote.
        TagCase(input: "te druk #agendadruk", codes: ["agendadruk"], messages: [], text: "te druk"),
        TagCase(input: "te druk #thema/agendadruk.", codes: ["agendadruk"], messages: [], text: "te druk."),
        // A typo of an id or of a label stays an error, with the suggestion.
        TagCase(input: "te druk #agendaduk", codes: [],
                messages: ["Corpus/a.txt:7:12: error: unknown code \"agendaduk\" — did you mean \"agendadruk\"? \(advice)"], text: "te druk"),
        // Ids match without case and diacritics; a label's slug names its code (issue 20).
        TagCase(input: "te druk #Agendadruk", codes: ["agendadruk"], messages: [], text: "te druk"),
        TagCase(input: "te druk #AGENDADRUK.", codes: ["agendadruk"], messages: [], text: "te druk."),
        TagCase(input: "te druk #Thema/Agendadruk", codes: ["agendadruk"], messages: [], text: "te druk"),
        TagCase(input: "het klikte #een-juiste-match", codes: ["juiste-match"], messages: [], text: "het klikte"),
        TagCase(input: "het klikte #Eén-Juiste-Match", codes: ["juiste-match"], messages: [], text: "het klikte"),
        TagCase(input: "via de #2E-lijn", codes: ["2e-lijn"], messages: [], text: "via de"),
        TagCase(input: "te druk #Agendaduk", codes: [],
                messages: ["Corpus/a.txt:7:12: error: unknown code \"Agendaduk\" — did you mean \"agendadruk\"? \(advice)"], text: "te druk"),
        // A tag after any character that does not join words, up to the punctuation after it.
        TagCase(input: "Het gaat goed (#agendadruk) en verder.", codes: ["agendadruk"], messages: [], text: "Het gaat goed en verder."),
        TagCase(input: "weinig tijd.#agendadruk", codes: ["agendadruk"], messages: [], text: "weinig tijd."),
        TagCase(input: "weinig tijd,#agendadruk, echt", codes: ["agendadruk"], messages: [], text: "weinig tijd,, echt"),
        TagCase(input: "te druk #agendadruk, echt", codes: ["agendadruk"], messages: [], text: "te druk, echt"),
        TagCase(input: "te druk (#agendadruk, #juiste-match)", codes: ["agendadruk", "juiste-match"], messages: [], text: "te druk (,)"),
        TagCase(input: "„te druk”#agendadruk", codes: ["agendadruk"], messages: [], text: "„te druk”"),
        TagCase(input: "#agendadruk vooraan", codes: ["agendadruk"], messages: [], text: "vooraan"),
        // After a letter or digit, or inside a web address, `#` is text without a word.
        TagCase(input: "ik programmeer in C# en F#", codes: [], messages: [], text: "ik programmeer in C# en F#"),
        TagCase(input: "stap2#agendadruk", codes: [], messages: [], text: "stap2#agendadruk"),
        TagCase(input: "zie https://x.nl/a#agendadruk", codes: [], messages: [], text: "zie https://x.nl/a#agendadruk"),
        TagCase(input: "zie https://x.nl/#agendadruk", codes: [], messages: [], text: "zie https://x.nl/#agendadruk"),
        TagCase(input: "zie (https://x.nl/p.html?q=1.#agendadruk)", codes: [], messages: [],
                text: "zie (https://x.nl/p.html?q=1.#agendadruk)"),
        TagCase(input: "zie www.x.nl/a.#agendadruk", codes: [], messages: [], text: "zie www.x.nl/a.#agendadruk"),
        TagCase(input: "zie x.nl/#agendadruk", codes: [], messages: [], text: "zie x.nl/#agendadruk"),
        TagCase(input: "teken &#38; en ##agendadruk", codes: [], messages: [], text: "teken &#38; en ##agendadruk"),
        TagCase(input: "vraag (#1) gaat over werk", codes: [], messages: [], text: "vraag (#1) gaat over werk"),
        TagCase(input: "het klikte #eenjuistematch", codes: [],
                messages: ["Corpus/a.txt:7:15: error: unknown code \"eenjuistematch\" — did you mean \"juiste-match\"? \(advice)"], text: "het klikte"),
        // A path through a code is meant as a code, however far its last id is from any.
        TagCase(input: "nieuw #thema/iets-heel-anders", codes: [],
                messages: ["Corpus/a.txt:7:10: error: unknown code \"iets-heel-anders\" — \(advice)"], text: "nieuw"),
    ]

    @Test("a # word is a coding, a typo (an error with a suggestion) or text", arguments: cases)
    func tagReadings(_ tagCase: TagCase) throws {
        let transcript = "---\ntype: interview\nrespondent: R1\nperspectief: cliënt\n---\nI: Vraag?\nR: \(tagCase.input)\n"
        let project = try TemporaryProject(["Corpus/a.txt": transcript], codebook: Self.codebook)
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.messages.filter { $0.hasPrefix("Corpus/a.txt") } == tagCase.messages)
        #expect(load.project.codings.map(\.codeID) == tagCase.codes)
        let document = try #require(try readDocuments(project.path).first)
        #expect(document.segments.last.map(document.text(of:)) == tagCase.text)
    }

    @Test("a # word read as text is a word again: keyword search finds it, tag ranges leave it out")
    func textTagsAreWords() throws {
        let project = try TemporaryProject(["Corpus/a.txt": "---\nrespondent: R1\n---\nI: Vraag?\nR: ik steun #metoo #agendadruk\n"],
                                           codebook: Self.codebook)
        defer { project.remove() }
        let document = try #require(try readDocuments(project.path).first)
        // Scalars: the answer's "#metoo" at 45, "metoo" 46..<51, "#agendadruk" 52..<63.
        #expect(document.segmentPosition(holdingWords: 46..<51) == 1)
        #expect(document.segmentPosition(holdingWords: 53..<63) == nil)
        #expect(document.tagRanges == [52..<63])
    }

    @Test("a tag in the parser's sense is only a candidate: the parser alone keeps `#1` out of the text")
    func parserAloneStripsEveryCandidate() {
        let parsed = DocumentParser.parse("R: vraag #1 en #metoo\nI: ja\n", file: "a.txt", defaultID: "a")
        #expect(parsed.tags.map(\.tag.codeID) == ["1", "metoo"])
        var resolved = parsed
        let warnings = InlineTagResolver(codebook: CodebookParser.parse(Self.codebook, file: "c.md").codebook).resolve(&resolved)
        #expect(warnings.map(\.message) == ["`#metoo` is not a code; read as text"])
        #expect(resolved.tags.isEmpty)
        #expect(resolved.document.tagRanges.isEmpty)
        #expect(resolved.document.text(of: resolved.document.segments[0]) == "vraag #1 en #metoo")
    }

    @Test("thousands of distinct unknown tags against thousands of codes load without a search per tag and code",
          .timeLimit(.minutes(1)))
    func manyUnknownTags() throws {
        // The benchmark (Benchmarks/stress.sh) runs 680 KB against 50,000 codes; this is a tenth of each.
        var codebook = "# Groot\n\n"
        for number in 0..<5_000 { codebook += "## Categorie \(number)\n\n### Code \(number)\n\n" }
        var transcript = "---\nrespondent: R1\n---\n"
        for number in 0..<2_000 {
            transcript += "I: Vraag \(number)?\n\nR: Zie #hashtag\(number) en #categorie-\(number)x en #code-\(number) en vraag #\(number).\n\n"
        }
        let project = try TemporaryProject(["Codebooks/c.md": codebook, "Corpus/a.txt": transcript], codebook: nil)
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.project.codings.count == 2_000)
        // `#hashtagN` is text; `#categorie-Nx` is one edit from a category: an error with its suggestion.
        #expect(load.warnings.filter { $0.message.hasSuffix("is not a code; read as text") }.count == 2_000)
        #expect(load.errors.count == 2_000)
        #expect(load.errors.first?.description.contains("did you mean \"categorie-0\"?") == true)
    }

    @Test("one long paragraph full of hashtags keeps them all in its text, in one pass", .timeLimit(.minutes(1)))
    func oneSegmentOfHashtags() {
        let lines = (0..<20_000).map { "regel \($0) #tag\($0) en #agendadruk" }
        var parsed = DocumentParser.parse(lines.joined(separator: "\n") + "\n", file: "a.txt", defaultID: "a")
        let warnings = InlineTagResolver(codebook: CodebookParser.parse(Self.codebook, file: "c.md").codebook).resolve(&parsed)
        #expect(parsed.document.segments.count == 1)
        #expect(warnings.count == 20_000)
        #expect(parsed.tags.count == 20_000)
        #expect(parsed.document.text(of: parsed.document.segments[0]) == lines.map { $0.replacingOccurrences(of: " en #agendadruk", with: " en") }.joined(separator: "\n"))
    }
}
