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
}
