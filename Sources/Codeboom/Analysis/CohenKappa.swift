/// Cohen's kappa, the chance-corrected agreement between exactly two coders who both coded every unit.
public enum CohenKappa {
    /// Kappa for a present/absent judgement, so two coders' use of one code can be compared beyond chance.
    ///
    /// Each pair is one unit: the first coder's judgement, then the second's.
    ///
    /// - Returns: kappa, 1 for perfect agreement and 0 for chance-level agreement; `nil` when it is undefined
    ///   (no units, or both coders gave the same single answer everywhere, so chance agreement is 1).
    /// - Complexity: O(*n*) for *n* pairs.
    public static func binary(_ pairs: [(Bool, Bool)]) -> Double? {
        nominal(pairs)
    }

    /// Kappa for any set of categories, so two coders' choice among exclusive codes can be compared beyond chance.
    ///
    /// Each pair is one unit: the first coder's category, then the second's.
    ///
    /// - Returns: kappa, 1 for perfect agreement and 0 for chance-level agreement; `nil` when it is undefined
    ///   (no units, or chance agreement p_e is 1).
    /// - Complexity: O(*n*) for *n* pairs.
    public static func nominal<Value: Hashable>(_ pairs: [(Value, Value)]) -> Double? {
        nominal(weighted: pairs.map { ($0, 1) })
    }

    /// The same over distinct pairs with how often each occurs.
    public static func nominal<Value: Hashable>(weighted pairs: [(pair: (Value, Value), count: Int)]) -> Double? {
        var firstMarginals: [Value: Int] = [:]
        var secondMarginals: [Value: Int] = [:]
        var agreements = 0
        var n = 0
        for ((first, second), occurrences) in pairs {
            firstMarginals[first, default: 0] += occurrences
            secondMarginals[second, default: 0] += occurrences
            if first == second { agreements += occurrences }
            n += occurrences
        }

        // Scaled by n² so everything stays integral: p_o·n² = agreements·n, p_e·n² = Σ r_c·c_c.
        let chanceProducts = firstMarginals.reduce(0) { sum, entry in
            sum + entry.value * (secondMarginals[entry.key] ?? 0)
        }
        let denominator = n * n - chanceProducts
        guard n > 0, denominator != 0 else { return nil }
        return Double(agreements * n - chanceProducts) / Double(denominator)
    }
}
