import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct QuoteSelectorTests {
    @Test("a long quote is cut between the last words that fit with \" …\" in 300 characters, not at a sentence end")
    func cutBetweenWords() {
        let sentence = String(repeating: "woord ", count: 20).trimmingCharacters(in: .whitespaces) + "."
        let text = sentence + " " + sentence + " " + sentence
        let cut = QuoteSelector.cut(text)
        // Two sentences of 120 and a space: 241; nine more words of 6 (a space and "woord"): 295; " …": 297.
        #expect(cut == sentence + " " + sentence + " " + String(repeating: "woord ", count: 9).trimmingCharacters(in: .whitespaces) + " …")
        #expect(cut.count == 297)
    }

    @Test("without a sentence end the cut falls between words")
    func cutAtWord() {
        let text = String(repeating: "lang, ", count: 80)
        let cut = QuoteSelector.cut(text)
        #expect(cut.hasSuffix("lang …"))
        #expect(cut.count <= 300)
        #expect(QuoteSelector.cut("Kort.") == "Kort.")
    }

    @Test("a cut counts the text as printed, with pseudonyms, and never falls inside a name")
    func cutAroundNames() {
        let table = PseudonymTable(entries: [.init(name: "Anna de Vries", pseudonym: "[een vrijwilliger van het netwerk]")])
        // 16 words of 5 characters and a space, then the name: 96 + 13 characters as written.
        let words = String(repeating: "woord ", count: 16)
        let text = words + "Anna de Vries kwam ook"
        // The cut must not leave "Anna de" standing: it falls before the name.
        let cut = QuoteSelector.cut(text, maximum: 105, replacing: table.replacements(in: text))
        #expect(cut == words.trimmingCharacters(in: .whitespaces) + " …")
        // As printed, the name takes 34 characters: 96 + 34 + 9 = 139 fit in 140 without a cut.
        #expect(QuoteSelector.cut(text, maximum: 140, replacing: table.replacements(in: text)) == text)
        #expect(QuoteSelector.cut(text, maximum: 138, replacing: table.replacements(in: text)) == words + "Anna de Vries kwam …")
    }

    @Test("quotes prefer segments with only this theme, readable length, and come from different respondents")
    func choice() throws {
        let filler = "Dat vond ik echt heel fijn, want zo wisten we allebei waar we aan toe waren met elkaar."
        let project = try TemporaryProject([
            "Corpus/a.txt": "---\ntype: interview\nrespondent: R1\nperspectief: p\n---\nR: Kort. #alpha\nI: En?\nR: \(filler) #alpha #beta\nI: Nog?\nR: \(filler) Echt. #alpha\n",
            "Corpus/b.txt": "---\ntype: interview\nrespondent: R2\nperspectief: p\n---\nR: Joke zei: \(filler) #alpha\n",
            "Corpus/pseudoniemen.csv": "naam,pseudoniem\nJoke,[vrijwilliger]\n",
        ])
        defer { project.remove() }
        let loaded = try loadProject(project.path).project
        let quotes = QuoteSelector.quotes(for: ["alpha"], perspective: Perspective("p"), coder: "inline", project: loaded)
        // R1: §5 has only alpha and a readable length (§1 is too short, §3 also has beta). R2: its only segment.
        #expect(quotes.map(\.source) == ["(R1, a §5)", "(R2, b §1)"])
        // Quotes keep the words as spoken; the report replaces names once per page.
        #expect(quotes[1].text == "Joke zei: \(filler)")
        #expect(loaded.pseudonyms.apply(to: quotes[1].text) == "[vrijwilliger] zei: \(filler)")
    }

    @Test("with a grouping variable quotes are chosen per group by the same rule; a respondent in two groups is quoted in each")
    func choicePerGroup() throws {
        let filler = "Dat vond ik echt heel fijn, want zo wisten we allebei waar we aan toe waren met elkaar."
        let project = try TemporaryProject([
            "Corpus/a.txt": "---\ntype: interview\nrespondent: R1\nperspectief: p\norganisatie: Welzijn\n---\nR: \(filler) #alpha\n",
            "Corpus/b.txt": "---\ntype: interview\nrespondent: R2\nperspectief: p\norganisatie: Zorg\n---\nR: Kort. #alpha\n",
            "Corpus/c.txt": "---\ntype: interview\nrespondent: R1\nperspectief: p\norganisatie: zorg\n---\nI: En?\nR: \(filler) #alpha\n",
        ])
        defer { project.remove() }
        let loaded = try loadProject(project.path).project
        let byOrganisation = QuoteSelector(project: loaded, coder: "inline", grouping: try GroupingVariable("organisatie", in: loaded))
        // By hand. Welzijn: only a §1 (R1). Zorg (b, and c written "zorg"): c §2 (R1) is readable, b §1 (R2) is short, so R1 first.
        #expect(byOrganisation.quotes(for: ["alpha"], perspective: Perspective("Welzijn")).map(\.source) == ["(R1, a §1)"])
        #expect(byOrganisation.quotes(for: ["alpha"], perspective: Perspective("Zorg")).map(\.source) == ["(R1, c §2)", "(R2, b §1)"])
        #expect(byOrganisation.quotes(for: ["alpha"], perspective: Perspective("p")).isEmpty)
        // By perspective the same segments give one quote per respondent: a §1 is R1's first readable one.
        let byPerspective = QuoteSelector(project: loaded, coder: "inline", grouping: try GroupingVariable("perspectief", in: loaded))
        #expect(byPerspective.quotes(for: ["alpha"], perspective: Perspective("p")).map(\.source) == ["(R1, a §1)", "(R2, b §1)"])
        #expect(QuoteSelector(project: loaded, coder: "inline").quotes(for: ["alpha"], perspective: Perspective("p")).map(\.source) == ["(R1, a §1)", "(R2, b §1)"])
    }

    @Test("a turn's printed length counted up to a limit is the smaller of its length as printed and the limit")
    func printedLengthUpToLimit() throws {
        // Tags (with a space before them), runs of white space, a blank line, a no-break space, and a
        // combining accent (which the count on bytes leaves to the long way).
        let turns = [
            "Kort. #alpha",
            "Een  zin\tmet   veel    wit,\n\nen een tweede regel #alpha die doorloopt tot ver voorbij de zestig tekens van de grens.",
            String(repeating: "a", count: 60),
            String(repeating: "a", count: 59) + " #alpha",
            "Cafe\u{301} met een combinerend accent, en verder nog genoeg woorden om de grens te halen.",
            "Cafe\u{301}",
            "met\u{00A0}een harde spatie #beta en nog wat",
        ]
        let text = "---\ntype: interview\nrespondent: R1\nperspectief: p\n---\n" + turns.map { "I: Vraag?\nR: \($0)\n" }.joined()
        let project = try TemporaryProject(["Corpus/a.txt": text])
        defer { project.remove() }
        let document = try #require(try readDocuments(project.path).first)
        let answers = document.segments.filter { $0.respondentID != nil }
        #expect(answers.count == turns.count)
        // Counted by hand: "Kort." 5, sixty a's, fifty-nine a's (the tag and its space left out), "Café" 4.
        #expect([0, 2, 3, 5].map { document.printedLength(of: answers[$0]) } == [5, 60, 59, 4])
        for segment in answers {
            // The long way: the words as `text(of:)` gives them, white space collapsed, counted in characters.
            let length = document.text(of: segment).collapsingWhitespace.count
            #expect(document.printedLength(of: segment) == length)
            for limit in [1, 5, 59, 60, 61, 1_000] {
                #expect(document.printedLength(of: segment, upTo: limit) == min(length, limit), "limit \(limit): \(document.text(of: segment))")
            }
        }
    }

    @Test("a quote from a subtitle transcript shows its time")
    func time() {
        let quote = Quote(text: "Ja.", respondentID: "V3", documentID: "teams-1", segmentNumber: 12, time: 751.4)
        #expect(quote.source == "(V3, teams-1 §12 [00:12:31])")
    }
}
