import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct KeywordSearchTests {
    @Test func searchOnOneHugeSegmentFindsWhatTheReferenceMatcherFinds() throws {
        // A document without speaker turns or blank lines is one segment: here 200 KB of busy
        // text, thousands of hits in one segment (quadratic before: each hit's context
        // was found by walking from the segment's start).
        var random = SplitMix64(seed: 47_000)
        let rules = (0..<6).map { _ in ReferenceMatcher.randomRule(using: &random) }
        var text = ""
        while text.utf8.count < 200_000 {
            text += ReferenceMatcher.randomText(pieces: 100, borrowingFrom: rules, using: &random) + " "
        }
        // One line, and composed (a document is read as NFC, which would join a lone mark to its letter).
        text = String(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) }.filter { $0 != "\u{308}" }) + "\n"
        let project = try TemporaryProject(["Corpus/notities.txt": text])
        defer { project.remove() }
        let loaded = try loadProject(project.path).project
        let document = try #require(loaded.fullDocuments.first)
        #expect(document.segments.count == 1)

        let terms = try KeywordTermParser.parse(rules.joined(separator: ", "))
        let expected = ReferenceMatcher(terms: terms).matches(in: document.text)
        let hits = KeywordSearch(project: loaded, terms: terms).hits
        #expect(expected.count > 4_000, "only \(expected.count) hits")
        #expect(hits.map { [$0.start, $0.end] } == expected.map { [$0.start, $0.end] })
        #expect(hits.map(\.term) == expected.map { terms[$0.termIndex].source })
        // Every hit's context is the text around it, cut at 40 scalars (white space collapsed).
        let scalars = Array(document.text.unicodeScalars)
        func slice(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[range])).collapsingWhitespace
        }
        for hit in hits where hit.start % 7 == 0 {
            #expect(hit.match == slice(hit.start..<hit.end))
            #expect(hit.left == slice(max(document.segments[0].contentStart, hit.start - 40)..<hit.start))
            #expect(hit.right == slice(hit.end..<min(document.segments[0].end, hit.end + 40)))
        }
    }
}
