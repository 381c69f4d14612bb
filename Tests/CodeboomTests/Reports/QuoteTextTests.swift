import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// Quotes are what the coder marked (issue 20.3). Expected quotes are read off the transcripts by hand.
@Suite struct QuoteTextTests {
    /// The one quote of a project's only `alpha` coding by `coder`.
    private func quote(_ files: [String: String], coder: String = "inline") throws -> String? {
        let project = try TemporaryProject(files)
        defer { project.remove() }
        let loaded = try loadProject(project.path)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.messages)")
        return QuoteSelector.quotes(for: ["alpha"], perspective: Perspective("p"), coder: coder, project: loaded.project).first?.text
    }

    private static let frontMatter = "---\ntype: interview\nrespondent: R1\nperspectief: p\n---\n"

    /// A turn of about 2,000 characters: eighteen sentences on other things, then the one the tag is about.
    private static let longTurn: String = {
        let filler = [
            "We begonnen in het voorjaar met de eerste gesprekken in het buurthuis aan de Lindelaan.",
            "Er kwamen toen nog maar weinig mensen, een stuk of vijf, en de koffie was altijd te slap.",
            "Later werd dat beter, toen de gemeente een nieuwe beheerder had aangesteld voor het gebouw.",
        ]
        return (0..<7).flatMap { _ in filler }.joined(separator: " ")
    }()
    private static let lastSentence = "Wat het verschil maakte, was dat de coördinator ons vanaf de eerste dag samen aan tafel zette en vroeg wie wat zou doen."

    @Test("a tag at the end of a 2,000-character turn quotes the turn's last sentence")
    func tagEndsLongTurn() throws {
        let turn = Self.longTurn + " " + Self.lastSentence + " #alpha"
        #expect(turn.count > 1_900 && turn.count < 2_100)
        #expect(try quote(["Corpus/a.txt": Self.frontMatter + "I: Hoe ging dat?\nR: " + turn + "\n"]) == Self.lastSentence)
    }

    @Test("a tag before the full stop, in the middle, or at a line's start quotes its own sentence")
    func tagPlaces() throws {
        let before = "Daarna hebben we alles op papier gezet en dat papier hangt nog steeds in de keuken."
        let marked = "Zo wist iedereen precies wie er belde als er iets misging met de betalingen"
        let after = "Dat was het hele verhaal, meer kan ik er eigenlijk niet over zeggen, vrees ik."
        // Before the full stop: the tag ends the sentence it stands in.
        #expect(try quote(["Corpus/a.txt": Self.frontMatter + "R: \(before) \(marked) #alpha. \(after)\n"]) == marked + ".")
        // After a sentence, with another sentence after it on the line: the tag closes the sentence before it.
        #expect(try quote(["Corpus/a.txt": Self.frontMatter + "R: \(before) \(marked). #alpha \(after)\n"]) == marked + ".")
        // In the middle of a sentence.
        #expect(try quote(["Corpus/a.txt": Self.frontMatter + "R: \(before) Zo wist iedereen #alpha precies wie er belde als er iets misging met de betalingen. \(after)\n"])
                == marked + ".")
        // In brackets of its own, and glued to the full stop: the brackets go with the tag.
        #expect(try quote(["Corpus/a.txt": Self.frontMatter + "R: \(before) \(marked) (#alpha). \(after)\n"]) == marked + ".")
        #expect(try quote(["Corpus/a.txt": Self.frontMatter + "R: \(before) \(marked).#alpha \(after)\n"]) == marked + ".")
        // At the start of a line: the line's sentence.
        #expect(try quote(["Corpus/a.txt": Self.frontMatter + "R: \(before)\n#alpha \(marked). \(after)\n"]) == marked + ".")
    }

    @Test("a short tagged sentence comes with the sentence before it")
    func shortSentence() throws {
        let turn = "Ik weet niet meer precies wanneer het was. De vrijwilliger belde de coördinator meteen toen het misging. Dat hielp echt. #alpha"
        // "Dat hielp echt." has 15 characters, under 60: the sentence before comes along, not the first.
        #expect(try quote(["Corpus/a.txt": Self.frontMatter + "R: \(turn)\n"])
                == "De vrijwilliger belde de coördinator meteen toen het misging. Dat hielp echt.")
    }

    @Test("an offset sidecar row quotes exactly its span, widened to whole words")
    func offsetSidecar() throws {
        let text = Self.frontMatter + "I: Vertel eens.\nR: Eerst ging het moeizaam. Toen kwam er een nieuwe vrijwilliger die wel luisterde. Daarna ging het beter.\n"
        let scalars = Array(text.unicodeScalars)
        func offset(of piece: String) -> Int {
            let pieceScalars = Array(piece.unicodeScalars)
            return (0...(scalars.count - pieceScalars.count)).first { Array(scalars[$0..<($0 + pieceScalars.count)]) == pieceScalars }!
        }
        // Exactly on word edges.
        let start = offset(of: "een nieuwe"), end = offset(of: " die wel")
        #expect(try quote(["Corpus/a.txt": text, "Corpus/codings/XY.csv": "document,start,end,code\na,\(start),\(end),alpha\n"], coder: "XY")
                == "een nieuwe vrijwilliger")
        // Starting inside "nieuwe" and ending inside "luisterde": both words whole.
        let inside = offset(of: "euwe vrij"), insideEnd = offset(of: "sterde.")
        #expect(try quote(["Corpus/a.txt": text, "Corpus/codings/XY.csv": "document,start,end,code\na,\(inside),\(insideEnd),alpha\n"], coder: "XY")
                == "nieuwe vrijwilliger die wel luisterde")
        // A span over the interviewer's turn and the label: only the respondent's words, never "R:".
        let fromInterviewer = offset(of: "eens."), toFirst = offset(of: " Toen kwam")
        #expect(try quote(["Corpus/a.txt": text, "Corpus/codings/XY.csv": "document,start,end,code\na,\(fromInterviewer),\(toFirst),alpha\n"], coder: "XY")
                == "Eerst ging het moeizaam.")
    }

    @Test("a keyword the auto-coder found quotes the sentence that holds it, not the keyword alone")
    func autoCoderKeyword() throws {
        let text = Self.frontMatter + "R: Eerst ging het moeizaam. Toen kwam er een nieuwe vrijwilliger die wel luisterde. Daarna ging het beter.\n"
        let scalars = Array(text.unicodeScalars), keyword = Array("vrijwilliger".unicodeScalars)
        let start = (0...(scalars.count - keyword.count)).first { Array(scalars[$0..<($0 + keyword.count)]) == keyword }!
        // "Toen kwam … luisterde." has 55 characters, under 60: the sentence before comes along.
        #expect(try quote(["Corpus/a.txt": text, "Corpus/codings/auto.csv": "document,start,end,code\na,\(start),\(start + keyword.count),alpha\n"], coder: "auto")
                == "Eerst ging het moeizaam. Toen kwam er een nieuwe vrijwilliger die wel luisterde.")
    }

    @Test("a segment sidecar row has no place in the turn: the quote is the turn from its start, cut between words")
    func segmentSidecar() throws {
        let words = (1...80).map { "woord\($0)" }.joined(separator: " ")
        let quoted = try #require(try quote(["Corpus/a.txt": Self.frontMatter + "R: \(words)\n", "Corpus/codings/XY.csv": "document,segment,code\na,1,alpha\n"], coder: "XY"))
        // woord1 … woord9 take 6 characters and a space, woord10 … 7 and a space: 9 × 7 + 28 × 8 = 287; with woord38 (7) 295,
        // and " …" makes 297; woord39 would not fit.
        #expect(quoted == (1...38).map { "woord\($0)" }.joined(separator: " ") + " …")
        #expect(quoted.count <= QuoteSelector.maximumLength)
    }

    @Test("a long tagged sentence is cut between words, never inside one, within 300 characters")
    func longSentence() throws {
        let sentence = (1...60).map { "lange\($0)" }.joined(separator: ", ") + "."
        let quoted = try #require(try quote(["Corpus/a.txt": Self.frontMatter + "R: \(sentence) #alpha\n"]))
        #expect(quoted.count <= QuoteSelector.maximumLength)
        #expect(quoted.hasSuffix(" …"))
        let kept = quoted.dropLast(2)
        // Every word kept is a whole word of the sentence, and the comma before the cut is dropped.
        #expect(sentence.hasPrefix(kept))
        #expect(sentence[sentence.index(sentence.startIndex, offsetBy: kept.count)] == ",")
    }

    @Test("quotes come from different documents while other documents have candidates")
    func differentDocuments() throws {
        let filler = "Dat vond ik echt heel fijn, want zo wisten we allebei waar we aan toe waren met elkaar."
        let project = try TemporaryProject([
            "Corpus/focusgroep.txt": "---\ntype: focusgroep\nperspectief: p\n---\nAnouk: \(filler) #alpha\nBram: \(filler) #alpha\n",
            "Corpus/respondenten.csv": "respondent,perspectief,document,spreker\nRA,p,focusgroep,Anouk\nRB,p,focusgroep,Bram\n",
            "Corpus/z.txt": "---\ntype: interview\nrespondent: RZ\nperspectief: p\n---\nR: Kort. \(filler) #beta #alpha\n",
        ])
        defer { project.remove() }
        let loaded = try loadProject(project.path)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.messages)")
        let quotes = QuoteSelector.quotes(for: ["alpha"], perspective: Perspective("p"), coder: "inline", project: loaded.project)
        // RB ranks above RZ (its segment carries only alpha), but RA already speaks for the focus group.
        #expect(quotes.map(\.source) == ["(RA, focusgroep §1)", "(RZ, z §1)"])
    }

    // MARK: The example study and the mini-study

    @Test("every Word-comment quote of the example study is the commented text, without the inline tags in it")
    func wordComments() throws {
        let project = try loadProject(TestPaths.packageRoot.path).project
        let document = try #require(project.documents.firstIndex { $0.id == "interview-02" })
        let coder = try #require(project.codings.coder(named: "TS"))
        let choices = project.codings.entries.filter { $0.coder == coder && Int($0.document) == document }.map { entry in
            QuoteSelector.Choice(segment: SegmentReference(document: document, number: entry.firstSegment), respondentID: "C2", mark: QuoteMark(entry))
        }
        #expect(choices.count == 20)
        #expect(choices.allSatisfy { if case .range = $0.mark { true } else { false } })
        // The text between each comment's commentRangeStart and commentRangeEnd, read from the .docx XML by Python;
        // the main coder's tags stand in the commented paragraphs, and a quote never shows a tag.
        let commented = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("quotes/interview-02-commented-text.txt"), encoding: .utf8)
            .split(separator: "\n").map { line in line.split(separator: " ").filter { !$0.hasPrefix("#") }.joined(separator: " ") }
        let words = project.readSegments(Set(choices.map(\.segment))) { document, segment in
            choices.filter { $0.segment.number == segment.number }.map { QuoteText.words(of: segment, in: document, mark: $0.mark) }
        }
        let quoted = Set(choices.map(\.segment)).flatMap { words[$0] ?? [] }
        #expect(quoted.sorted() == commented.sorted())
        // As printed, each is cut between words to 300 characters with its names replaced.
        let texts = QuoteSelector.quoteTexts(of: choices, in: project)
        for choice in choices {
            let text = try #require(texts[choice])
            let kept = text.hasSuffix(" …") ? String(text.dropLast(2)) : text
            #expect(commented.contains { $0 == kept || ($0.hasPrefix(kept) && text.hasSuffix(" …") && " ,;:".contains($0.dropFirst(kept.count).first ?? "x")) }, "\(text)")
            #expect(project.pseudonyms.apply(to: text).count <= QuoteSelector.maximumLength)
        }
    }

    @Test("no quote of the example study or the mini-study is cut inside a word, holds a tag or passes 300 characters", arguments: [
        TestPaths.packageRoot.path, TestPaths.miniStudy,
    ])
    func everyQuoteWhole(_ path: String) throws {
        let project = try loadProject(path).project
        var choices: [QuoteSelector.Choice] = []
        for entry in project.codings.entries {
            for number in entry.segments {
                guard let respondent = project.documents[Int(entry.document)].segment(number: number)?.respondentID else { continue }
                choices.append(QuoteSelector.Choice(segment: SegmentReference(document: Int(entry.document), number: number), respondentID: respondent,
                                                    mark: QuoteMark(entry)))
            }
        }
        #expect(choices.count > 10)
        let texts = QuoteSelector.quoteTexts(of: choices, in: project)
        let turns = project.readSegments(Set(choices.map(\.segment))) { document, segment in document.text(of: segment).collapsingWhitespace }
        var checked = 0
        for choice in Set(choices) {
            let quote = try #require(texts[choice]), turn = try #require(turns[choice.segment])
            // 300 characters as printed, names replaced.
            #expect(!quote.isEmpty && project.pseudonyms.apply(to: quote).count <= QuoteSelector.maximumLength, "\(quote)")
            #expect(!quote.split(separator: " ").contains { $0.hasPrefix("#") && $0.count > 1 && $0.dropFirst().first!.isLetter }, "\(quote)")
            let words = quote.hasSuffix(" …") ? String(quote.dropLast(2)) : quote
            // The quote's words stand in the turn as written, with no letter glued on at either end.
            let range = try #require(turn.range(of: words), "\(words) not in \(turn)")
            if range.lowerBound > turn.startIndex { #expect(!turn[turn.index(before: range.lowerBound)].isLetter, "\(quote)") }
            if range.upperBound < turn.endIndex { #expect(!turn[range.upperBound].isLetter, "\(quote)") }
            checked += 1
        }
        #expect(checked > 10)
    }
}
