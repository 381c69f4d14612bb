import Testing

@testable import Codeboom

@Suite struct SegmentKeyTests {
    @Test("segment 2²⁴ of the first document and segment 0 of the second are different keys (the old packing made them one)")
    func noOverlap() throws {
        // The old key `document << 24 | number` gave both 16,777,216.
        #expect(0 << 24 | (1 << 24) == 1 << 24 | 0)
        let first = try #require(SegmentKey(document: 0, number: 1 << 24))
        let second = try #require(SegmentKey(document: 1, number: 0))
        #expect(first != second)
        #expect(first.document == 0 && first.number == 16_777_216)
        #expect(second.document == 1 && second.number == 0)
        let last = try #require(SegmentKey(document: (1 << 31) - 1, number: (1 << 32) - 1))
        #expect(last.document == 2_147_483_647 && last.number == 4_294_967_295)
    }

    @Test("no key outside the bounds the packing holds, so none can overlap another")
    func bounds() {
        #expect(SegmentKey(document: -1, number: 1) == nil)
        #expect(SegmentKey(document: 1 << 31, number: 1) == nil)
        #expect(SegmentKey(document: 0, number: -1) == nil)
        #expect(SegmentKey(document: 0, number: 1 << 32) == nil)
    }
}
