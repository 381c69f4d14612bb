import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite("Placing keyword matches in segments")
struct SegmentPlacementTests {
    @Test("walking with a cursor places every match where the binary search does")
    func cursorAgreesWithSearch() throws {
        // "*e*" hits nearly every word, labels and tags included, so every kind of place is tried.
        let matcher = KeywordMatcher(terms: try KeywordTermParser.parse("*e*, *a*, \"ja ja\""))
        let project = try loadProject(TestPaths.miniStudy).project
        var placed = 0
        for document in project.fullDocuments {
            var placement = Document.SegmentPlacement()
            for match in matcher.matches(in: document.text) {
                let searched = document.segmentPosition(holdingWords: match.range)
                #expect(document.segmentPosition(holdingWords: match.range, after: &placement) == searched, "\(document.id) \(match.range)")
                if searched != nil { placed += 1 }
            }
        }
        #expect(placed > 50)
    }

    @Test("a match in a speaker label, in a tag or in front matter has no segment")
    func outsideTheWords() {
        let document = DocumentParser.parse("---\nid: d\n---\nR: een #code twee\n", file: "d.txt", defaultID: "d").document
        // Scalars: "id" at 4, the label "R" at 14, "een" 17..<20, "#code" 21..<26, "twee" 27..<31.
        var placement = Document.SegmentPlacement()
        #expect(document.segmentPosition(holdingWords: 4..<6, after: &placement) == nil)
        #expect(document.segmentPosition(holdingWords: 14..<15, after: &placement) == nil)
        #expect(document.segmentPosition(holdingWords: 17..<20, after: &placement) == 0)
        #expect(document.segmentPosition(holdingWords: 22..<26, after: &placement) == nil)
        #expect(document.segmentPosition(holdingWords: 27..<31, after: &placement) == 0)
        #expect(document.segmentPosition(holdingWords: 27..<32, after: &placement) == nil)
    }
}
