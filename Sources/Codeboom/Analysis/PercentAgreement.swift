/// Raw percent agreement, the share of units on which all coders who coded them agree, uncorrected for chance.
public enum PercentAgreement {
    /// The percentage (0–100) of comparable units whose present values are all equal, reported next to chance-corrected statistics because readers expect it.
    ///
    /// Each inner array is one unit with one entry per coder; `nil` marks a value the coder did not give.
    /// A unit is comparable when it has at least two present values.
    ///
    /// - Returns: the percentage, or `nil` when no unit is comparable.
    /// - Complexity: O(*v*) for *v* entries in `units`.
    public static func of<Value: Hashable>(_ units: [[Value?]]) -> Double? {
        of(weighted: units.map { ($0, 1) })
    }

    /// The same over distinct units with how often each occurs.
    public static func of<Value: Hashable>(weighted units: [(unit: [Value?], count: Int)]) -> Double? {
        var comparable = 0
        var agreeing = 0
        for (unit, occurrences) in units {
            let present = unit.compactMap { $0 }
            guard let first = present.first, present.count >= 2 else { continue }
            comparable += occurrences
            if present.allSatisfy({ $0 == first }) { agreeing += occurrences }
        }
        guard comparable > 0 else { return nil }
        return 100 * Double(agreeing) / Double(comparable)
    }
}
