import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

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

    @Test func textsCutIntoManySmallStretchesMatchTheReferenceMatcher() throws {
        // Tiny stretches, followers that give up at once and hits handed on one by one: every
        // way the scan cuts a text up and hands hits on is taken many times per text.
        var tuningRandom = SplitMix64(seed: 77)
        let compared = try compareWithReference(seed: 20_161_130, rounds: 200, tuning: {
            KeywordScan.Tuning(splitThreshold: 16, pairLength: Int.random(in: 16...400, using: &tuningRandom),
                               followerLimit: Int.random(in: 0...6, using: &tuningRandom),
                               releaseThreshold: Int.random(in: 1...3, using: &tuningRandom),
                               chunkLength: Int.random(in: 1...40, using: &tuningRandom))
        }()) { rules, random in
            var text = ""
            while text.utf8.count < Int.random(in: 200...3_000, using: &random) {
                text += ReferenceMatcher.randomText(pieces: 40, borrowingFrom: rules, using: &random)
                text += [" ", "\n", "  ", ""].randomElement(using: &random)!
            }
            return text
        }
        #expect(compared > 5_000, "only \(compared) matches compared")
    }

    @Test func aLongBusyTextMatchesTheReferenceMatcherAcrossManyStretches() throws {
        // Over 300 KB: several stretches of lead and follower with the standard sizes.
        let compared = try compareWithReference(seed: 5, rounds: 2) { rules, random in
            var text = ""
            while text.utf8.count < 300_000 {
                text += ReferenceMatcher.randomText(pieces: 60, borrowingFrom: rules, using: &random) + " "
            }
            return text
        }
        #expect(compared > 5_000, "only \(compared) matches compared")
    }

    @Test func hitsAreHandedOnAsTheScanGoesNotHeldToTheEnd() throws {
        // 1 MB in one piece with hits in every word: the scan never holds more than a few
        // thousand of the 800,000 hits.
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse(#"zorg, "zorg zorg", *org*, zo*"#))
        var text = String(repeating: "zorg ", count: 200_000)
        var count = 0
        var last = KeywordMatch(termIndex: -1, start: -1, end: -1)
        var ordered = true
        let mostWaiting = text.withUTF8 { bytes in
            matcher.forEachMatch(inUTF8: bytes, tuning: .standard) { match in
                ordered = ordered && last < match
                last = match
                count += 1
            }
        }
        #expect(count == 3 * 200_000 + 199_999)
        #expect(ordered)
        #expect(mostWaiting < 30_000, "\(mostWaiting) hits waited at once")
    }

    @Test func aHugeWordAndAHugeWhiteSpaceRunAreScannedOnce() throws {
        // A phrase in progress across a long run of white space, and a word longer than a
        // stretch: both found, and (by the scan's design) each byte read a bounded number of times.
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse(#""zorg hulp", *a*, b*"#))
        let text = "zorg" + String(repeating: " ", count: 300_000) + "hulp b" + String(repeating: "a", count: 300_000) + " x"
        #expect(matcher.matches(in: text) == [
            KeywordMatch(termIndex: 0, start: 0, end: 300_008),
            KeywordMatch(termIndex: 1, start: 300_009, end: 600_010),
            KeywordMatch(termIndex: 2, start: 300_009, end: 600_010),
        ])
    }

    /// Matches texts made by `text` from random rules against the reference matcher, round by
    /// round until one differs; returns how many matches were compared.
    private func compareWithReference(seed: UInt64, rounds: Int, tuning: @autoclosure () -> KeywordScan.Tuning = .standard,
                                      text: ([String], inout SplitMix64) -> String) throws -> Int {
        var random = SplitMix64(seed: seed)
        var compared = 0
        for round in 0..<rounds {
            let rules = (0..<Int.random(in: 1...8, using: &random)).map { _ in ReferenceMatcher.randomRule(using: &random) }
            let terms = try KeywordTermParser.parse(rules.joined(separator: ", "))
            var text = text(rules, &random)
            let expected = ReferenceMatcher(terms: terms).matches(in: text)
            let matcher = KeywordMatcher(terms: terms)
            let tuning = tuning()
            var actual: [KeywordMatch] = []
            text.withUTF8 { bytes in matcher.forEachMatch(inUTF8: bytes, tuning: tuning) { actual.append($0) } }
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
