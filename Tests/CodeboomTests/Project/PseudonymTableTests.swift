import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct PseudonymTableTests {
    func table(_ pairs: KeyValuePairs<String, String>) -> PseudonymTable {
        PseudonymTable(entries: pairs.enumerated().map { .init(name: $1.key, pseudonym: $1.value, line: $0 + 2) })
    }

    @Test("a swapped pair replaces each name once: Joke → Anna and Anna → Joke")
    func swappedPair() {
        let swapped = table(["Joke": "Anna", "Anna": "Joke"])
        #expect(swapped.apply(to: "Joke zei tegen Anna: Anna, bel Joke.") == "Anna zei tegen Joke: Joke, bel Anna.")
        // The pair is still an error for check: a report would print a real name where another is meant.
        #expect(swapped.errors.map(\.description) == [
            "Corpus/pseudoniemen.csv:2:1: error: pseudonym \"Anna\" of \"Joke\" is itself a listed name (\"Anna\") — choose a pseudonym that is not the name of anyone in the study",
            "Corpus/pseudoniemen.csv:3:1: error: pseudonym \"Joke\" of \"Anna\" is itself a listed name (\"Joke\") — choose a pseudonym that is not the name of anyone in the study",
        ])
        #expect(!swapped.canPseudonymise)
    }

    @Test("a pseudonym that holds a listed name, in any case or with a genitive s, is an error")
    func pseudonymHoldsName() {
        #expect(table(["Joke": "anna B.", "Anna": "[vrijwilliger]"]).errors.count == 1)
        #expect(table(["Joke": "Annas", "Anna": "[vrijwilliger]"]).errors.count == 1)
        #expect(table(["Joke": "Jo", "Anna": "[vrijwilliger]"]).errors.isEmpty)
        #expect(table(["Joke": "[vrijwilliger]", "Anna": "[vrijwilliger]"]).canPseudonymise)
    }

    @Test("rows that repeat a name are merged; one name with two pseudonyms is an error")
    func duplicates() {
        let merged = table(["Joke": "[v]", "joke": "[v]", "JOKE": "[v]", "Anna": "[a]"])
        #expect(merged.entries.map(\.name) == ["Joke", "Anna"])
        #expect(merged.errors.isEmpty)
        let conflicting = table(["Zoë": "[v]", "Zoe": "[p]"])
        #expect(conflicting.errors.map(\.description) == [
            "Corpus/pseudoniemen.csv:3:1: error: \"Zoe\" is listed again with pseudonym \"[p]\" (line 2: \"[v]\") — keep one row per name (case and diacritics do not count)",
        ])
        // The first row still applies, so nothing is printed unreplaced.
        #expect(conflicting.apply(to: "Zoe") == "[v]")
    }

    @Test("names that cannot be looked for, and pseudonyms that would break the output, are errors")
    func unusableRows() {
        #expect(table(["Jo*": "[v]"]).errors.first?.message == "name \"Jo*\" cannot be looked for")
        #expect(table(["\"Joke\"": "[v]"]).errors.count == 1)
        #expect(table(["—": "[v]"]).errors.count == 1)
        #expect(table(["Joke": "[v]\n# kop"]).errors.first?.message == "pseudonym \"[v]\n# kop\" holds a line break or control character")
        #expect(table(["Joke": "a|b"]).errors.first?.message == "pseudonym \"a|b\" holds \"|\", which would change the Markdown it is printed in")
    }

    @Test("pseudoniemen.csv rows without a pseudonym, or without the header, make the table unusable")
    func parsing() {
        let missing = PseudonymTable.parse("naam,pseudoniem\nJoke,\nAnna,[a]\n", file: "Corpus/pseudoniemen.csv")
        #expect(missing.diagnostics.map(\.description) == ["Corpus/pseudoniemen.csv:2:1: error: row needs both naam and pseudoniem — fill in both columns"])
        #expect(!missing.table.canPseudonymise)
        #expect(missing.table.apply(to: "Anna") == "[a]")
        let header = PseudonymTable.parse("name,pseudonym\nJoke,[v]\n", file: "Corpus/pseudoniemen.csv")
        #expect(!header.table.canPseudonymise)
        let semicolons = PseudonymTable.parse("naam;pseudoniem\nJoke;[v]\n", file: "Corpus/pseudoniemen.csv")
        #expect(semicolons.table.canPseudonymise && semicolons.table.apply(to: "Joke") == "[v]")
    }

    @Test("case, diacritics, decomposed letters, soft hyphens and any white space between a name's words are ignored",
          arguments: [
            ("Joke", "JOKE en joke en jOkE", "[x] en [x] en [x]"),
            ("Zoë", "Zoe, ZOË, Zoe\u{308} en zoé", "[x], [x], [x] en [x]"),
            ("Jan Willem", "Jan\n  Willem en jan\twillem", "[x] en [x]"),
            ("Ingrid", "Ingrid\u{AD}s in\u{AD}grid", "[x]s [x]"),
            ("Şükrü", "sukru en ŞÜKRÜ", "[x] en [x]"),
          ])
    func folding(name: String, text: String, expected: String) {
        #expect(PseudonymTable(entries: [.init(name: name, pseudonym: "[x]")]).apply(to: text) == expected)
        #expect(NaivePseudonymiser(entries: [(name, "[x]")]).apply(to: text) == expected)
    }

    @Test("only whole words: a name inside a longer word or next to a digit stays")
    func wholeWords() {
        let names = table(["Joke": "[j]", "Anna": "[a]", "Jan": "[n]"])
        #expect(names.apply(to: "Marjoke, Jokelien, Annabel, Hanna, Janssen, Jan2 en Jan_") == "Marjoke, Jokelien, Annabel, Hanna, Janssen, Jan2 en [n]_")
    }

    @Test("a longer name wins over a name it holds, and overlapping names are replaced together")
    func longestName() {
        let names = table(["Jan": "[n]", "Jan Willem": "[jw]", "Willem de Vries": "[wdv]", "Vries": "[v]"])
        #expect(names.apply(to: "Jan, Jan Willem en Jan\nWillem") == "[n], [jw] en [jw]")
        // "Jan Willem" comes first; "Willem de Vries" overlaps it, so the whole stretch is one name.
        #expect(names.apply(to: "Jan Willem de Vries kwam") == "[jw] kwam")
        #expect(names.apply(to: "Willem de Vries en de Vries") == "[wdv] en de [v]")
    }

    @Test("a genitive s is found with the name and kept after the pseudonym; a listed name ending in s wins")
    func genitive() {
        let names = table(["Joke": "[j]", "Jan": "[n]", "Jans": "[js]"])
        #expect(names.apply(to: "Jokes moeder, JOKES fiets, Joke's tas en Joke’s jas") == "[j]s moeder, [j]S fiets, [j]'s tas en [j]’s jas")
        #expect(names.apply(to: "Jans auto") == "[js] auto")
        #expect(table(["Anna de Vries": "[a]"]).apply(to: "Anna de Vriess huis") == "[a]s huis")
    }

    @Test("a name next to an emoji, a symbol, a modifier apostrophe or any combining mark is still a whole word")
    func symbolsAround() {
        let names = table(["Joke": "[j]"])
        #expect(names.apply(to: "Joke😀 Joke™ Joke€ Jokeʼs «Joke» Joke！") == "[j]😀 [j]™ [j]€ [j]ʼs «[j]» [j]！")
        // A mark belongs to the letter before it: it goes with the name.
        #expect(names.apply(to: "Joke\u{1DC0} en Joke\u{301}\u{302}!") == "[j] en [j]!")
    }

    @Test("an invisible character inside a name, as such or as an output shows it, does not hide the name")
    func invisibleInside() {
        let names = table(["Joke": "[j]"])
        #expect(names.apply(to: "Jo\u{200B}ke, Jo\u{200E}ke en Jo\u{202E}ke") == "[j], [j] en [j]")
        // MarkdownText and TerminalText show a direction control as \u{202E}: the page's pass still finds the name.
        #expect(names.apply(to: #"zei Jo\u{202E}ke."#) == "zei [j].")
        // Other escapes and backslashes are left alone.
        #expect(names.apply(to: #"Jo\u{7}ke, Jo\ke, \u{202E}"#) == #"Jo\u{7}ke, Jo\ke, \u{202E}"#)
    }

    @Test("hyphens, dashes and apostrophes inside a name match spaces, hyphens and apostrophes in the text")
    func innerPunctuation() {
        let names = table(["Jan-Willem": "[jw]", "O'Brien": "[ob]", "'t Hart": "[th]"])
        #expect(names.apply(to: "Jan-Willem, Jan Willem, Jan–Willem") == "[jw], [jw], [jw]")
        #expect(names.apply(to: "O'Brien, O’Brien, O Brien") == "[ob], [ob], [ob]")
        #expect(names.apply(to: "meneer 't Hart") == "meneer '[th]")
        #expect(names.entries.count == 3 && names.canPseudonymise)
    }

    @Test("a preview ends before a name it would cut, counting the pseudonyms' length")
    func prefix() {
        let names = table(["Anna de Vries": "[a]"])
        // Printed, the name is "[a]": 7 + 3 characters.
        #expect(names.prefix(of: "Ik zag Anna de Vries gisteren", maximumLength: 9) == "Ik zag ")
        #expect(names.prefix(of: "Ik zag Anna de Vries gisteren", maximumLength: 10) == "Ik zag Anna de Vries")
        #expect(names.prefix(of: "Ik zag Anna de Vries gisteren", maximumLength: 11) == "Ik zag Anna de Vries ")
        #expect(names.prefix(of: "Kort", maximumLength: 10) == "Kort")
    }

    @Test("a search context that cuts a name is widened to hold all of it, and replaced slices print no part of it")
    func slices() {
        let names = table(["Anna de Vries": "[a]"])
        let text = "Toen zei Anna de Vries dat"
        let found = names.occurrences(in: text)
        #expect(found.map(\.range) == [9..<22])
        #expect(PseudonymTable.widened(12..<15, around: found) == 9..<22)
        #expect(PseudonymTable.widened(0..<12, around: found) == 0..<22)
        let start = text.unicodeScalars.index(text.startIndex, offsetBy: 5)
        // A slice that starts inside the name prints the pseudonym, not "de Vries".
        #expect(PseudonymTable.replacing(found, in: text, from: text.unicodeScalars.index(start, offsetBy: 9), at: 14, upTo: 26) == "[a] dat")
        #expect(PseudonymTable.replacing(found, in: text, from: start, at: 5, upTo: 12) == "zei [a]")
    }

    @Test("a line of one letter with 40,000 combining marks, and 2,000 names over 76 KB, are replaced in one pass each")
    func largeInputs() {
        // The mark line: the name is the letter with all its marks.
        let marks = "a" + String(repeating: "\u{301}", count: 40_000)
        let letter = table(["A": "[a]"])
        #expect(letter.apply(to: "x " + marks + " y") == "x [a] y")
        #expect(table(["Joke": "[j]"]).apply(to: marks) == marks)

        // 2,000 distinct names, each used in a 76 KB text; the expected text is built alongside.
        var generator = SplitMix64(seed: 12)
        let syllables = ["jo", "ke", "an", "na", "wil", "lem", "ma", "rie", "ing", "rid", "pie", "ter", "sa", "mi", "ra"]
        var names: [String] = []
        var seen: Set<String> = []
        while names.count < 2_000 {
            let name = (0..<3).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined().capitalized
                + String(names.count, radix: 26).map { Character(UnicodeScalar(($0.asciiValue! % 26) + 97)) }.map(String.init).joined()
            if seen.insert(name.lowercased()).inserted { names.append(name) }
        }
        let many = PseudonymTable(entries: names.enumerated().map { .init(name: $1, pseudonym: "[p\($0)]") })
        #expect(many.canPseudonymise)
        var text = "", expected = ""
        while text.utf8.count < 76 * 1024 {
            let index = Int(generator.next() % UInt64(names.count))
            let filler = " dat vond ik fijn, zei ze toen. "
            text += names[index] + filler
            expected += "[p\(index)]" + filler
        }
        #expect(many.apply(to: text) == expected)
    }

    @Test("on generated texts, one pass gives what a naive search for each name gives")
    func againstNaiveReference() {
        var generator = SplitMix64(seed: 2024)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        let namePool = ["Jan", "Jan Willem", "Willem", "Joke", "Anna", "Zoë", "Ingrid", "Ans", "Anna de Vries", "Vries", "Bas", "Jo", "Annas"]
        let wordPool = ["ik", "zei", "de", "Marjoke", "annabel", "jans", "jokes", "JOKE", "ZOE", "zoe\u{308}", "ïngrid", "willem", "WILLEM",
                        "vries", "anna", "jan", "s", "bas2", "jo", "Anna's", "joke😀", "ans", "joke\u{301}"]
        let separators = [" ", " ", " ", "  ", "\n", ", ", ". ", "-", "'", " - ", "’", "!", ""]
        for _ in 0..<400 {
            var entries: [(name: String, pseudonym: String)] = []
            var names = Set<String>()
            for _ in 0..<(1 + Int(generator.next() % 5)) {
                let name = pick(namePool)
                if names.insert(name).inserted { entries.append((name, "[\(entries.count)]")) }
            }
            var text = ""
            for _ in 0..<(1 + Int(generator.next() % 14)) {
                text += (generator.next() % 2 == 0 ? pick(namePool) : pick(wordPool)) + pick(separators)
            }
            let table = PseudonymTable(entries: entries.map { .init(name: $0.name, pseudonym: $0.pseudonym) })
            let naive = NaivePseudonymiser(entries: entries)
            #expect(table.apply(to: text) == naive.apply(to: text), "names \(entries.map(\.name)) in \(text.debugDescription)")
            #expect(Set(table.names(in: text)) == naive.names(in: text))
        }
    }
}
