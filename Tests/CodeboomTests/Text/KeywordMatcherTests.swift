import Testing
@testable import Codeboom

@Suite struct KeywordMatcherTests {
    /// The text each hit covers, with the source of its term: `["match*: matchen"]`.
    private func hits(_ rules: String, in text: String) throws -> [String] {
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse(rules))
        let scalars = Array(text.unicodeScalars)
        return matcher.matches(in: text).map { match in
            var covered = String.UnicodeScalarView()
            covered.append(contentsOf: scalars[match.start..<match.end])
            return "\(matcher.terms[match.termIndex].source): \(String(covered))"
        }
    }

    // MARK: Term forms

    @Test func aWordMatchesOnlyWholeWords() throws {
        #expect(try hits("match", in: "Een match, matchen, rematch en MATCH.") == ["match: match", "match: MATCH"])
    }

    @Test func aPrefixMatchesWordsThatStartWithIt() throws {
        #expect(try hits("match*", in: "Een match, matchen, rematch en MATCH.")
            == ["match*: match", "match*: matchen", "match*: MATCH"])
    }

    @Test func aSuffixMatchesWordsThatEndWithIt() throws {
        #expect(try hits("*match", in: "Een match, matchen, rematch en MATCH.")
            == ["*match: match", "*match: rematch", "*match: MATCH"])
    }

    @Test func anInfixMatchesWordsThatContainIt() throws {
        #expect(try hits("*atc*", in: "Een match, matchen, rematch, atc en watt.")
            == ["*atc*: match", "*atc*: matchen", "*atc*: rematch", "*atc*: atc"])
    }

    @Test func anInfixIsReportedOncePerWord() throws {
        #expect(try hits("*e*", in: "beheerde tent") == ["*e*: beheerde", "*e*: tent"])
        let long = String(repeating: "a", count: 20_000)
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse("*a*, *aa, a*"))
        #expect(matcher.matches(in: long + " " + long) == [
            KeywordMatch(termIndex: 0, start: 0, end: 20_000), KeywordMatch(termIndex: 1, start: 0, end: 20_000),
            KeywordMatch(termIndex: 2, start: 0, end: 20_000), KeywordMatch(termIndex: 0, start: 20_001, end: 40_001),
            KeywordMatch(termIndex: 1, start: 20_001, end: 40_001), KeywordMatch(termIndex: 2, start: 20_001, end: 40_001),
        ])
    }

    @Test func aPhraseMatchesWordsInARow() throws {
        #expect(try hits(#""eerste lijn""#, in: "de eerste lijn, de eerstelijn, eerste lijnen, eerste, lijn")
            == [#""eerste lijn": eerste lijn"#])
    }

    @Test func aPhraseMatchesAcrossLineBreaksAndSpaceRuns() throws {
        let text = "Eerste\nlijn; eerste  \t lijn; eerste \r\n\n lijn; eerste\u{A0}lijn; eerste\u{2003}lijn"
        #expect(try hits(#""eerste lijn""#, in: text).count == 5)
    }

    @Test func aPhraseWithAStarLetsItsLastWordContinue() throws {
        #expect(try hits(#""eerste lijn*""#, in: "eerste lijnszorg, eerste lijn, eerstelijn")
            == [#""eerste lijn*": eerste lijnszorg"#, #""eerste lijn*": eerste lijn"#])
    }

    @Test func punctuationInsideATermMatchesItsTypographicTwins() throws {
        #expect(try hits("zo'n, e-mail", in: "zo’n e–mail, zo'n e-mail, zo n, email")
            == ["zo'n: zo’n", "e-mail: e–mail", "zo'n: zo'n", "e-mail: e-mail"])
    }

    // MARK: Folding

    @Test func caseAndDiacriticsAreIgnoredInTextAndTerms() throws {
        #expect(try hits("coördinator", in: "Coordinator, COÖRDINATOR, coördinatoren")
            == ["coördinator: Coordinator", "coördinator: COÖRDINATOR"])
        #expect(try hits("client", in: "Cliënt, CLIËNT, cliënten") == ["client: Cliënt", "client: CLIËNT"])
        #expect(try hits("ÉÉN", in: "een, één, Eén") == ["ÉÉN: een", "ÉÉN: één", "ÉÉN: Eén"])
        #expect(try hits("straße, ijs", in: "STRASSE, Ĳs, IJS") == ["straße: STRASSE", "ijs: Ĳs", "ijs: IJS"])
    }

    @Test func decomposedTextMatchesLikeComposedText() throws {
        #expect(try hits("cliënt", in: "Clie\u{308}nt") == ["cliënt: Clie\u{308}nt"])
        // A combining mark after the last letter belongs to the match.
        #expect(try hits("cafe", in: "cafe\u{301} cafe\u{301}s") == ["cafe: cafe\u{301}"])
    }

    @Test func softHyphensDoNotSplitWords() throws {
        #expect(try hits("zorgverlener", in: "zorg\u{AD}verlener") == ["zorgverlener: zorg\u{AD}verlener"])
    }

    @Test func apostrophesAndQuotesSeparateWords() throws {
        #expect(try hits("cliënt, zo", in: "cliënt's, zo’n, “cliënt”")
            == ["cliënt: cliënt", "zo: zo", "cliënt: cliënt"])
    }

    @Test func otherScriptsAndEmojiAreWordCharacters() throws {
        #expect(try hits("match", in: "😀match αmatch match😀 😀 match") == ["match: match"])
    }

    // MARK: Offsets and order

    @Test func offsetsCountUnicodeScalars() throws {
        // 😀 is one scalar (four bytes), é one (two bytes), the family five (eighteen bytes).
        let text = "😀 café 👩‍👩‍👧 Match"
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse("match, café"))
        #expect(matcher.matches(in: text) == [
            KeywordMatch(termIndex: 1, start: 2, end: 6),
            KeywordMatch(termIndex: 0, start: 13, end: 18),
        ])
    }

    @Test func overlappingTermsAreAllReportedInOrder() throws {
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse(#"lijn*, "eerste lijn*", eerste, *ste, *rst*"#))
        #expect(matcher.matches(in: "de eerste lijnszorg") == [
            KeywordMatch(termIndex: 1, start: 3, end: 19),
            KeywordMatch(termIndex: 2, start: 3, end: 9),
            KeywordMatch(termIndex: 3, start: 3, end: 9),
            KeywordMatch(termIndex: 4, start: 3, end: 9),
            KeywordMatch(termIndex: 0, start: 10, end: 19),
        ])
    }

    @Test func aTermIsReportedAtEachPlace() throws {
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse("ja"))
        #expect(matcher.matches(in: "ja, ja\nJA").map(\.start) == [0, 4, 7])
    }

    @Test func theSameTermTwiceIsReportedForBoth() throws {
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse("zorg, Zorg"))
        #expect(matcher.matches(in: "zorg") == [
            KeywordMatch(termIndex: 0, start: 0, end: 4), KeywordMatch(termIndex: 1, start: 0, end: 4),
        ])
    }

    @Test func emptyInputsHaveNoMatches() throws {
        #expect(KeywordMatcher(terms: []).matches(in: "zorg").isEmpty)
        #expect(KeywordMatcher(terms: try KeywordTermParser.parse("zorg")).matches(in: "").isEmpty)
    }

    @Test func utf8BuffersGiveTheSameMatchesAsStrings() throws {
        let text = "Een cliënt 😀 met zorg*: zorgverlener, “eerste\nlijn”."
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse(#"cliënt, zorg*, "eerste lijn""#))
        let fromBuffer = Array(text.utf8).withUnsafeBufferPointer { matcher.matches(inUTF8: $0) }
        #expect(fromBuffer == matcher.matches(in: text))
        #expect(fromBuffer.count == 4)
    }

    @Test func malformedUTF8CountsEachBadByteAsOneSeparator() throws {
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse("match"))
        let match = Array("match".utf8)
        // A bad lead byte, a stray continuation byte, a lead byte without its continuation, a cut-off end.
        let bytes: [UInt8] = [0xFF] + match + [0x80] + match + [0xC3, 0x20] + match + [0xE2]
        let found = bytes.withUnsafeBufferPointer { matcher.matches(inUTF8: $0) }
        #expect(found.map(\.range) == [1..<6, 7..<12, 14..<19])
    }

    @Test func oneMatcherServesManyTasks() async throws {
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse("zorg*, hulp"))
        let texts = (0..<16).map { String(repeating: "zorg en hulp, ", count: $0 + 1) }
        let counts = await withTaskGroup(of: (Int, Int).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, matcher.matches(in: text).count) }
            }
            var counts = [Int](repeating: 0, count: texts.count)
            for await (index, count) in group { counts[index] = count }
            return counts
        }
        #expect(counts == (0..<16).map { 2 * ($0 + 1) })
    }

    // MARK: Cross-check

    @Test func randomTextsMatchTheReferenceMatcher() throws {
        var random = SplitMix64(seed: 20_160_301)
        var compared = 0
        for round in 0..<2_000 {
            let rules = (0..<Int.random(in: 1...8, using: &random)).map { _ in ReferenceMatcher.randomRule(using: &random) }
            let terms = try KeywordTermParser.parse(rules.joined(separator: ", "))
            let text = ReferenceMatcher.randomText(pieces: Int.random(in: 0...120, using: &random),
                                                   borrowingFrom: rules, using: &random)
            let reference = ReferenceMatcher(terms: terms)
            #expect(terms.map(\.folded) == rules.map(ReferenceMatcher.foldedRule), "round \(round)")
            let expected = reference.matches(in: text)
            let actual = KeywordMatcher(terms: terms).matches(in: text)
            #expect(actual == expected, "round \(round): rules \(rules) in \(text.debugDescription)")
            if actual != expected { return }
            compared += expected.count
        }
        // Guards against a generator that stops producing hits.
        #expect(compared > 8_000, "only \(compared) matches compared")
    }

    @Test func longTextsScannedInTwoHalvesMatchTheReferenceMatcher() throws {
        // Texts from 2 KB up are scanned as two halves that meet at the first white space after
        // the middle; padding puts that meeting point at a random place inside a busy stretch.
        let compared = try compareWithReference(seed: 20_160_415, rounds: 300) { rules, random in
            let busy = ReferenceMatcher.randomText(pieces: Int.random(in: 20...200, using: &random),
                                                   borrowingFrom: rules, using: &random)
            let middle = Int.random(in: 0...busy.utf8.count, using: &random)
            let left = String(repeating: "x ", count: 1_200)
            let right = String(repeating: " x", count: max(0, (2 * middle - busy.utf8.count) / 2 + 1_200))
            return left + busy + right
        }
        #expect(compared > 1_000, "only \(compared) matches compared")
    }

    @Test func textsBusyThroughoutMatchTheReferenceMatcher() throws {
        // Busy text from end to end, so the halves meet among hits wherever the middle falls.
        let compared = try compareWithReference(seed: 4, rounds: 40) { rules, random in
            var text = ""
            while text.utf8.count < 2_048 + Int.random(in: 0...3_000, using: &random) {
                text += ReferenceMatcher.randomText(pieces: 50, borrowingFrom: rules, using: &random) + " "
            }
            return text
        }
        #expect(compared > 1_000, "only \(compared) matches compared")
    }

    /// Matches texts made by `text` from random rules against the reference matcher, round by
    /// round until one differs; returns how many matches were compared.
    private func compareWithReference(seed: UInt64, rounds: Int,
                                      text: ([String], inout SplitMix64) -> String) throws -> Int {
        var random = SplitMix64(seed: seed)
        var compared = 0
        for round in 0..<rounds {
            let rules = (0..<Int.random(in: 1...8, using: &random)).map { _ in ReferenceMatcher.randomRule(using: &random) }
            let terms = try KeywordTermParser.parse(rules.joined(separator: ", "))
            let text = text(rules, &random)
            let expected = ReferenceMatcher(terms: terms).matches(in: text)
            let actual = KeywordMatcher(terms: terms).matches(in: text)
            #expect(actual == expected, "round \(round): rules \(rules) in \(text.debugDescription)")
            if actual != expected { break }
            compared += expected.count
        }
        return compared
    }

    @Test func aTextWithoutWhiteSpaceLateEnoughIsScannedWhole() throws {
        // No white space after the middle: the text is one piece.
        let text = "zorg en " + String(repeating: "x", count: 4_000) + "zorg"
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse("zorg, *zorg"))
        #expect(matcher.matches(in: text) == [
            KeywordMatch(termIndex: 0, start: 0, end: 4), KeywordMatch(termIndex: 1, start: 0, end: 4),
            KeywordMatch(termIndex: 1, start: 8, end: 4_012),
        ])
    }

    @Test func aPhraseAcrossTheMeetingPointOfTheHalvesIsFoundOnce() throws {
        // The text is 2 × 2,000 + 12 bytes, so the halves meet at the space inside the phrase.
        let filler = String(repeating: "x ", count: 1_000)
        let text = filler + "eerste lijn" + " " + filler
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse(#""eerste lijn", eerste, lijn*, *ste"#))
        #expect(matcher.matches(in: text) == [
            KeywordMatch(termIndex: 0, start: 2_000, end: 2_011), KeywordMatch(termIndex: 1, start: 2_000, end: 2_006),
            KeywordMatch(termIndex: 3, start: 2_000, end: 2_006), KeywordMatch(termIndex: 2, start: 2_007, end: 2_011),
        ])
    }
}


/// An obviously-correct, slow matcher over a small alphabet: fold the text scalar by scalar with
/// a hand-written table, then try every term at every position.
private struct ReferenceMatcher {
    enum Fold { case symbols(String), space, ignored }

    /// What each scalar of the generated texts folds to, written out by hand.
    static let folds: [Unicode.Scalar: Fold] = [
        "a": .symbols("a"), "A": .symbols("a"), "b": .symbols("b"), "B": .symbols("b"),
        "e": .symbols("e"), "E": .symbols("e"), "é": .symbols("e"), "ë": .symbols("e"),
        "É": .symbols("e"), "Ë": .symbols("e"), "s": .symbols("s"), "S": .symbols("s"),
        "n": .symbols("n"), "N": .symbols("n"), "ß": .symbols("ss"), "æ": .symbols("ae"), "Æ": .symbols("ae"),
        "ĳ": .symbols("ij"), "Ĳ": .symbols("ij"), "i": .symbols("i"), "I": .symbols("i"), "j": .symbols("j"),
        "J": .symbols("j"), "ø": .symbols("o"), "Ø": .symbols("o"), "o": .symbols("o"), "O": .symbols("o"),
        "1": .symbols("1"), "x": .symbols("x"),
        // Other scripts and emoji are kept as they are, also in upper case.
        "α": .symbols("α"), "Α": .symbols("Α"), "😀": .symbols("😀"),
        "\u{308}": .ignored, "\u{AD}": .ignored,
        " ": .space, "\n": .space, "\t": .space, "\r": .space, "\u{A0}": .space,
        ",": .symbols(","), ".": .symbols("."), "'": .symbols("'"), "’": .symbols("'"),
        "-": .symbols("-"), "–": .symbols("-"), "“": .symbols("\""),
    ]

    static let textPieces = folds.keys.sorted().map { String($0) } + [" ", " ", " ", "  ", "a", "e", "s", "n", "\r\n"]
    static let wordPieces = ["a", "b", "e", "s", "n", "ë", "É", "ß", "æ", "ĳ", "ø", "α", "😀", "1", "as", "es", "ae", "ss", "ij"]

    /// Random pieces, a third of them words taken from `rules` (sometimes uppercased) so terms
    /// occur often, also next to each other and inside longer words.
    static func randomText(pieces: Int, borrowingFrom rules: [String], using random: inout SplitMix64) -> String {
        let words = rules.flatMap { $0.filter { $0 != "*" && $0 != "\"" }.split(separator: " ").map(String.init) }
        return (0..<pieces).map { _ in
            guard Int.random(in: 0..<3, using: &random) == 0 else { return textPieces.randomElement(using: &random)! }
            let word = words.randomElement(using: &random)!
            return Bool.random(using: &random) ? word.uppercased() : word
        }.joined()
    }

    static func randomWord(using random: inout SplitMix64) -> String {
        var word = (0..<Int.random(in: 1...3, using: &random)).map { _ in wordPieces.randomElement(using: &random)! }.joined()
        if Int.random(in: 0..<8, using: &random) == 0 {
            word += ["-", "'"].randomElement(using: &random)! + wordPieces.randomElement(using: &random)!
        }
        return word
    }

    static func randomRule(using random: inout SplitMix64) -> String {
        let word = randomWord(using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return word
        case 1: return word + "*"
        case 2: return "*" + word
        case 3: return "*" + word + "*"
        case 4: return "\"\(word) \(randomWord(using: &random))\""
        default: return "\"\(word) \(randomWord(using: &random))*\""
        }
    }

    /// The folded form of a generated rule, by the hand-written table.
    static func foldedRule(_ rule: String) -> String {
        let bare = rule.filter { $0 != "*" && $0 != "\"" }
        return String(String.UnicodeScalarView(bare.unicodeScalars)).unicodeScalars.map { scalar -> String in
            switch folds[scalar] {
            case .symbols(let symbols): return symbols
            case .space: return " "
            case .ignored, nil: return ""
            }
        }.joined()
    }

    static func isWord(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
    }

    let terms: [KeywordTerm]

    func matches(in text: String) -> [KeywordMatch] {
        // Folded bytes, each with the scalar range it came from.
        var symbols: [(byte: UInt8, start: Int, end: Int)] = []
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard let fold = Self.folds[scalar] else {
                Issue.record("the reference has no fold for U+\(String(scalar.value, radix: 16))")
                continue
            }
            switch fold {
            case .ignored:
                if !symbols.isEmpty { symbols[symbols.count - 1].end = offset + 1 }
            case .space:
                if symbols.last?.byte != 0x20 { symbols.append((0x20, offset, offset + 1)) }
            case .symbols(let folded):
                for byte in folded.utf8 { symbols.append((byte, offset, offset + 1)) }
            }
        }
        var found = Set<KeywordMatch>()
        for (termIndex, term) in terms.enumerated() {
            let pattern = Array(term.folded.utf8)
            guard !pattern.isEmpty, pattern.count <= symbols.count else { continue }
            for start in 0...(symbols.count - pattern.count)
            where (0..<pattern.count).allSatisfy({ symbols[start + $0].byte == pattern[$0] }) {
                let end = start + pattern.count
                if term.needsBoundaryBefore, start > 0, Self.isWord(symbols[start - 1].byte) { continue }
                if term.needsBoundaryAfter, end < symbols.count, Self.isWord(symbols[end].byte) { continue }
                var first = start
                if !term.needsBoundaryBefore { while first > 0, Self.isWord(symbols[first - 1].byte) { first -= 1 } }
                var last = end
                if !term.needsBoundaryAfter { while last < symbols.count, Self.isWord(symbols[last].byte) { last += 1 } }
                found.insert(KeywordMatch(termIndex: termIndex, start: symbols[first].start, end: symbols[last - 1].end))
            }
        }
        return found.sorted()
    }
}
