import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

// Expected values below were computed once in Python 3.11 with krippendorff 0.9.0 and
// scikit-learn 1.9.1 (`pip install krippendorff scikit-learn`), printed with repr(), e.g.
//
//     import numpy as np, krippendorff
//     from sklearn.metrics import cohen_kappa_score
//     krippendorff.alpha(reliability_data=rows, level_of_measurement='nominal')  # rows: one list per coder, np.nan = missing
//     cohen_kappa_score(coder1, coder2)
//
// Each test names its exact inputs; percentages were computed with the plain Python function
//
//     def pa(units):
//         comp = [[v for v in u if v is not None] for u in units]
//         comp = [u for u in comp if len(u) >= 2]
//         return 100 * sum(len(set(u)) == 1 for u in comp) / len(comp)

private let tolerance = 1e-9

private func isClose(_ actual: Double?, _ expected: Double) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance
}

/// Turns one row per coder into one array per unit, the shape the statistics take.
private func units<Value>(coders rows: [[Value?]]) -> [[Value?]] {
    guard let width = rows.first?.count else { return [] }
    return (0..<width).map { unit in rows.map { $0[unit] } }
}

private func units(coders rows: [[Int]]) -> [[Int?]] {
    units(coders: rows.map { $0.map(Optional.some) })
}

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders, 12 units, missing values.
private let krippendorffExample: [[Int?]] = units(coders: [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],  // A
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],  // B
    [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],  // C
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],  // D
])

/// Two coders, 14 units, a present/absent judgement with unequal marginals, so kappa and alpha differ.
private let binaryFirst: [Int] = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0]
private let binarySecond: [Int] = [1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1]
private let binaryPairs: [(Bool, Bool)] = zip(binaryFirst, binarySecond).map { ($0 == 1, $1 == 1) }

/// Three coders, 12 units, categories 1–3, missing values; the last unit has one value and is not pairable.
private let threeCoders: [[Int?]] = units(coders: [
    [1, 2, 2, 3, 1, nil, 2, 3, 3, 1, 2, nil],
    [1, 2, 3, 3, nil, 1, 2, 3, 1, 1, nil, 2],
    [nil, 2, 3, 3, 1, 1, 1, nil, 3, 2, 2, nil],
])

@Suite struct KrippendorffAlphaTests {
    @Test("reproduces the 0.743 of Krippendorff's worked nominal example")
    func workedExample() {
        // Paper reports 0.743; krippendorff.alpha(...) on the matrix above gives 0.743421052631579.
        #expect(isClose(KrippendorffAlpha.nominal(krippendorffExample), 0.743421052631579))
    }

    @Test("matches Python for two binary coders")
    func binaryCoders() {
        // krippendorff.alpha(reliability_data=[binaryFirst, binarySecond], level_of_measurement='nominal') == 0.4
        #expect(isClose(KrippendorffAlpha.nominal(units(coders: [binaryFirst, binarySecond])), 0.4))
    }

    @Test("matches Python for three coders with missing values")
    func threeCodersWithMissingValues() {
        // krippendorff.alpha(reliability_data=threeCoders rows with np.nan, level_of_measurement='nominal') == 0.5862068965517242
        #expect(isClose(KrippendorffAlpha.nominal(threeCoders), 0.5862068965517242))
    }

    @Test("is 1 when coders agree perfectly on more than one category")
    func perfectAgreement() {
        // krippendorff.alpha(reliability_data=[[1,0,1,1,0],[1,0,1,1,0]], level_of_measurement='nominal') == 1.0
        #expect(isClose(KrippendorffAlpha.nominal(units(coders: [[1, 0, 1, 1, 0], [1, 0, 1, 1, 0]])), 1))
    }

    @Test("is undefined when every value falls in one category")
    func singleCategory() {
        // Python's krippendorff raises ValueError("There has to be more than one value in the domain.").
        #expect(KrippendorffAlpha.nominal(units(coders: [[1, 1, 1], [1, 1, 1]])) == nil)
    }

    @Test("is slightly negative when one coder always gives the same code")
    func constantCoder() {
        // krippendorff.alpha(reliability_data=[[1]*10, [1,1,1,0,1,1,0,1,1,1]], level_of_measurement='nominal') == -0.05555555555555558
        let data = units(coders: [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 0, 1, 1, 0, 1, 1, 1]])
        #expect(isClose(KrippendorffAlpha.nominal(data), -0.05555555555555558))
    }

    @Test("is undefined when no unit has two values")
    func nothingPairable() {
        #expect(KrippendorffAlpha.nominal([[1, nil], [nil, 2], [nil, nil]]) == nil)
        #expect(KrippendorffAlpha.nominal([[Int?]]()) == nil)
    }

    @Test("ignores units that cannot be paired")
    func unpairableUnitsAreDropped() {
        let withLoneValues = krippendorffExample + [[7, nil, nil, nil], [nil, nil, nil, nil]]
        #expect(KrippendorffAlpha.nominal(withLoneValues) == KrippendorffAlpha.nominal(krippendorffExample))
    }

    @Test("works on any hashable category, such as code ids")
    func stringCategories() {
        let data = units(coders: [["a", "b", "a", "a", "b"], ["a", "b", "a", "a", "b"]])
        #expect(isClose(KrippendorffAlpha.nominal(data), 1))
    }
}

@Suite struct CohenKappaTests {
    @Test("matches scikit-learn for two binary coders and differs from alpha")
    func binaryCoders() {
        // cohen_kappa_score(binaryFirst, binarySecond) == 0.37777777777777777
        #expect(isClose(CohenKappa.binary(binaryPairs), 0.37777777777777777))
        #expect(isClose(CohenKappa.nominal(zip(binaryFirst, binarySecond).map { ($0, $1) }), 0.37777777777777777))
        #expect(CohenKappa.binary(binaryPairs) != KrippendorffAlpha.nominal(units(coders: [binaryFirst, binarySecond])))
    }

    @Test("matches scikit-learn for three categories")
    func threeCategories() {
        // cohen_kappa_score(list("aabbccabcabcaab"), list("abbbcaabccbcabb")) == 0.6
        let pairs = zip("aabbccabcabcaab", "abbbcaabccbcabb").map { ($0, $1) }
        #expect(isClose(CohenKappa.nominal(pairs), 0.6))
    }

    @Test("is 1 when coders agree perfectly on both answers")
    func perfectAgreement() {
        // cohen_kappa_score([1,0,1,1,0], [1,0,1,1,0]) == 1.0
        #expect(isClose(CohenKappa.binary([(true, true), (false, false), (true, true), (true, true), (false, false)]), 1))
    }

    @Test("is undefined when both coders give one answer everywhere")
    func singleCategory() {
        // cohen_kappa_score([1,1,1], [1,1,1]) is nan (p_e == 1).
        #expect(CohenKappa.binary([(true, true), (true, true), (true, true)]) == nil)
        #expect(CohenKappa.nominal([("x", "x")]) == nil)
    }

    @Test("is 0 when one coder always gives the same answer")
    func constantCoder() {
        // cohen_kappa_score([1]*10, [1,1,1,0,1,1,0,1,1,1]) == 0.0
        let second = [1, 1, 1, 0, 1, 1, 0, 1, 1, 1]
        #expect(isClose(CohenKappa.binary(second.map { (true, $0 == 1) }), 0))
    }

    @Test("is undefined without units")
    func empty() {
        #expect(CohenKappa.binary([]) == nil)
    }
}

@Suite struct PercentAgreementTests {
    @Test("counts units whose present values all agree", arguments: [
        // pa(list(zip(*rows))) with None for missing, for each data set above.
        (krippendorffExample, 72.72727272727273),
        (threeCoders, 63.63636363636363),
        (units(coders: [binaryFirst, binarySecond]), 71.42857142857143),
    ])
    func matchesPython(data: [[Int?]], expected: Double) {
        #expect(isClose(PercentAgreement.of(data), expected))
    }

    @Test("is 100 when coders agree even on a single category")
    func perfectAgreement() {
        #expect(PercentAgreement.of([[1, 1], [1, 1, nil]]) == 100)
    }

    @Test("is 0 when no comparable unit agrees")
    func noAgreement() {
        #expect(PercentAgreement.of([["a", "b"], ["b", nil, "a"]]) == 0)
    }

    @Test("is undefined when no unit has two values")
    func nothingComparable() {
        #expect(PercentAgreement.of([[1, nil], [nil, nil]]) == nil)
        #expect(PercentAgreement.of([[String?]]()) == nil)
    }

    @Test("counted units give what the same units listed one by one give")
    func countedUnitsMatchListedUnits() {
        var generator = SplitMix64(seed: 17)
        for round in 0..<200 {
            let coderCount = 2 + Int(generator.next() % 3)
            var counted: [[Bool?]: Int] = [:]
            var listed: [[Bool?]] = []
            for _ in 0..<Int(1 + generator.next() % 40) {
                let unit: [Bool?] = (0..<coderCount).map { _ in
                    switch generator.next() % 5 { case 0: nil; case 1, 2: true; default: false }
                }
                let times = Int(1 + generator.next() % 4)
                counted[unit, default: 0] += times
                listed += Array(repeating: unit, count: times)
            }
            let weighted = counted.map { (unit: $0.key, count: $0.value) }
            #expect(PercentAgreement.of(weighted: weighted) == PercentAgreement.of(listed), "round \(round)")
            switch (KrippendorffAlpha.nominal(weighted: weighted), KrippendorffAlpha.nominal(listed)) {
            case (nil, nil): break
            case let (weightedAlpha?, listedAlpha?): #expect(abs(weightedAlpha - listedAlpha) < tolerance, "round \(round)")
            default: Issue.record("round \(round): alpha defined for one form only")
            }
            let pairs = listed.compactMap { unit -> (Bool, Bool)? in unit[0].flatMap { first in unit[1].map { (first, $0) } } }
            var countedPairs: [[Bool]: Int] = [:]
            for (first, second) in pairs { countedPairs[[first, second], default: 0] += 1 }
            #expect(CohenKappa.nominal(weighted: countedPairs.map { (($0.key[0], $0.key[1]), $0.value) }) == CohenKappa.nominal(pairs),
                    "round \(round)")
        }
    }
}
