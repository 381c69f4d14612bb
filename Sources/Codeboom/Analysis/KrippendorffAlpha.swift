/// Krippendorff's alpha, the reliability of coding that tolerates any number of coders, any number of categories and missing values.
///
/// Computed with the coincidence-matrix method from Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011).
public enum KrippendorffAlpha {
    /// Nominal alpha for units coded by several coders, so a codebook's reliability can be reported even when not every coder coded every unit.
    ///
    /// Each inner array is one unit with one entry per coder; `nil` marks a value the coder did not give.
    /// Units with fewer than two values cannot be paired and are left out.
    ///
    /// - Returns: alpha, at most 1 (perfect agreement) and 0 for chance-level agreement; `nil` when it is undefined:
    ///   no unit has two values, or all pairable values fall in one category (no expected disagreement).
    /// - Complexity: O(*v*) for *v* entries in `units`.
    public static func nominal<Value: Hashable>(_ units: [[Value?]]) -> Double? {
        nominal(weighted: units.map { ($0, 1) })
    }

    /// The same over distinct units with how often each occurs, for large tables of few distinct
    /// units (a code over many segments is mostly "no" from everyone).
    /// - Complexity: O(*v*) for *v* entries in the distinct units.
    public static func nominal<Value: Hashable>(weighted units: [(unit: [Value?], count: Int)]) -> Double? {
        // Per category: o_cc, the diagonal of the coincidence matrix, and n_c, its marginal.
        var agreeing: [Value: Double] = [:]
        var marginals: [Value: Int] = [:]
        var pairableCount = 0

        for (unit, occurrences) in units {
            let present = unit.compactMap { $0 }
            guard present.count >= 2 else { continue }
            var counts: [Value: Int] = [:]
            for value in present { counts[value, default: 0] += 1 }
            let weight = 1.0 / Double(present.count - 1)
            for (value, count) in counts {
                agreeing[value, default: 0] += Double(count * (count - 1)) * weight * Double(occurrences)
                marginals[value, default: 0] += count * occurrences
            }
            pairableCount += present.count * occurrences
        }

        let n = pairableCount
        // Both terms are integers, so the undefined case is detected exactly rather than by a float comparison.
        let expectedPairs = marginals.values.reduce(0) { $0 + $1 * ($1 - 1) }
        let possiblePairs = n * (n - 1)
        guard n >= 2, possiblePairs - expectedPairs > 0 else { return nil }

        let observedAgreement = agreeing.values.reduce(0, +)
        // alpha = 1 - D_o / D_e, rewritten over the diagonal to avoid building the full matrix.
        return (Double(n - 1) * observedAgreement - Double(expectedPairs))
            / Double(possiblePairs - expectedPairs)
    }
}
