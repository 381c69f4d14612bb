import Foundation

/// Fisher's exact test on a 2 × 2 table, two-sided, as `scipy.stats.fisher_exact` computes it: the
/// sum of the probabilities (hypergeometric, margins fixed) of every table no more likely than the
/// one observed, with a relative tolerance of 1e-7 so ties in floating point count as ties.
public enum FisherExact {
    /// The two-sided p of the table `[[a, b], [c, d]]`; 1 when a margin is 0.
    /// - Complexity: O(min(row, column margins)).
    public static func twoSidedP(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        precondition(a >= 0 && b >= 0 && c >= 0 && d >= 0, "a table of counts")
        let row1 = a + b, row2 = c + d, column1 = a + c, total = row1 + row2
        guard row1 > 0, row2 > 0, column1 > 0, column1 < total else { return 1 }
        let low = max(0, column1 - row2), high = min(row1, column1)
        // log P(x) = log C(row1, x) + log C(row2, column1 − x) − log C(total, column1)
        let denominator = logChoose(total, column1)
        func logP(_ x: Int) -> Double { logChoose(row1, x) + logChoose(row2, column1 - x) - denominator }
        let observed = logP(a)
        let threshold = observed + log1p(1e-7)
        var p = 0.0
        for x in low...high {
            let value = logP(x)
            if value <= threshold { p += exp(value) }
        }
        return min(1, p)
    }

    private static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
