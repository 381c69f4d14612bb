extension Document {
    /// The position of the segment whose words hold `range` — not its speaker label, not an inline
    /// tag — or nil. Auto-coding and search place every keyword match with it.
    /// - Complexity: O(log segments + log tags).
    public func segmentPosition(holdingWords range: Range<Int>) -> Int? {
        // Tags do not overlap each other, so only the last one starting before the range's end can overlap it.
        if let tag = Self.lastIndex(in: tagRanges.count, notAbove: range.upperBound - 1, key: { tagRanges[$0].lowerBound }),
           tagRanges[tag].overlaps(range) {
            return nil
        }
        guard let position = Self.lastIndex(in: segments.count, notAbove: range.lowerBound, key: { segments[$0].contentStart }),
              range.upperBound <= segments[position].end
        else { return nil }
        return position
    }

    /// The last index whose key is at most `value`, for keys that grow with the index.
    private static func lastIndex(in count: Int, notAbove value: Int, key: (Int) -> Int) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if key(middle) <= value { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    /// Where placing matches in reading order has got to, so the segments and tags are walked once.
    public struct SegmentPlacement: Sendable {
        var segment = 0
        var tag = 0
        /// A placement at the start of a document.
        public init() {}
    }

    /// `segmentPosition(holdingWords:)` for ranges that come in order of their start, as a
    /// matcher reports them: each call moves `placement` on instead of searching again.
    /// - Complexity: amortised O(1) per range over a whole document.
    public func segmentPosition(holdingWords range: Range<Int>, after placement: inout SegmentPlacement) -> Int? {
        // Tags that end before this range starts end before every later range starts too.
        while placement.tag < tagRanges.count, tagRanges[placement.tag].upperBound <= range.lowerBound { placement.tag += 1 }
        // Tags do not overlap and are in order: if the first one left does not overlap the range, none does.
        if placement.tag < tagRanges.count, tagRanges[placement.tag].lowerBound < range.upperBound { return nil }
        while placement.segment + 1 < segments.count, segments[placement.segment + 1].contentStart <= range.lowerBound {
            placement.segment += 1
        }
        guard placement.segment < segments.count, segments[placement.segment].contentStart <= range.lowerBound,
              range.upperBound <= segments[placement.segment].end
        else { return nil }
        return placement.segment
    }
}
