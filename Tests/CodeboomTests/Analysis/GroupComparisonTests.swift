import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct FisherExactTests {
    /// Reference values computed once with SciPy 1.17.1:
    ///
    ///     from scipy.stats import fisher_exact
    ///     for t in [[[7,3],[2,8]], [[0,5],[5,0]], [[0,10],[0,4]], [[3,0],[0,3]], [[1,9],[11,3]], [[10,2],[3,15]],
    ///               [[8,2],[1,5]], [[0,7],[2,3]], [[4,6],[4,7]], [[5,0],[7,0]], [[2,8],[5,5]], [[12,5],[9,7]]]:
    ///         print(t, repr(fisher_exact(t, alternative='two-sided')[1]))
    static let scipy: [([Int], Double)] = [
        ([7, 3, 2, 8], 0.06977851869492736),
        ([0, 5, 5, 0], 0.007936507936507938),
        ([0, 10, 0, 4], 1.0),
        ([3, 0, 0, 3], 0.10000000000000002),
        ([1, 9, 11, 3], 0.0027594561852200836),
        ([10, 2, 3, 15], 0.0005367241191434357),
        ([8, 2, 1, 5], 0.034965034965034975),
        ([0, 7, 2, 3], 0.15151515151515152),
        ([4, 6, 4, 7], 1.0),
        ([5, 0, 7, 0], 1.0),
        ([2, 8, 5, 5], 0.34984520123839014),
        ([12, 5, 9, 7], 0.4812658187035515),
    ]

    @Test("two-sided p equals SciPy's fisher_exact, tables with 0 cells included", arguments: scipy)
    func matchesSciPy(table: [Int], expected: Double) {
        let p = FisherExact.twoSidedP(table[0], table[1], table[2], table[3])
        #expect(abs(p - expected) <= 1e-12 * max(1, expected), "\(table): \(p) against \(expected)")
    }

    @Test("p does not change when the rows or columns change places")
    func symmetric() {
        for (table, _) in Self.scipy {
            let p = FisherExact.twoSidedP(table[0], table[1], table[2], table[3])
            #expect(abs(FisherExact.twoSidedP(table[2], table[3], table[0], table[1]) - p) < 1e-12)
            #expect(abs(FisherExact.twoSidedP(table[1], table[0], table[3], table[2]) - p) < 1e-12)
        }
    }
}

@Suite struct GroupComparisonTests {
    @Test("the mini study's comparison of vrijwilligers and the cliënt matches the hand count")
    func miniStudy() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let table = FrequencyTable(project: project, coder: "inline")
        let comparison = GroupComparison(table: table, codebook: project.codebook, groupA: Perspective("vrijwilliger"), groupB: Perspective("cliënt"))
        // vrijwilligers V1 and Kees (N=2), cliënt C1 (N=1). agendadruk: V1 only → 1/2 against 0/1, +50.0;
        // klik: both vrijwilligers and C1 → 0; korte-lijnen and snel-antwoord: V1 (focusgroep §5) and C1 → 50 − 100 = −50.0.
        // Categories (succes, spanningen) are no themes; equal sizes of difference keep codebook order.
        let csv = GroupComparisonCSVRenderer.render(comparison)
        #expect(csv == """
        code,n_a,N_a,n_b,N_b,difference_pp,fisher_p
        korte-lijnen,1,2,1,1,-50.0,1.0000
        snel-antwoord,1,2,1,1,-50.0,1.0000
        agendadruk,1,2,0,1,50.0,1.0000
        klik,2,2,1,1,0.0,1.0000

        """)
        expectGolden(GroupComparisonPage.render(comparison, codebook: project.codebook), "mini-study/compare-vrijwilliger-client.md")
    }

    @Test("on the example study, vrijwilligers against professionals: counts from freq, p from the 2 × 2 table")
    func exampleStudy() throws {
        let project = try loadProject(TestPaths.packageRoot.path).project
        let table = FrequencyTable(project: project, coder: "inline")
        let comparison = GroupComparison(table: table, codebook: project.codebook, groupA: Perspective("vrijwilliger"), groupB: Perspective("professional"))
        for row in comparison.rows {
            let a = table.row(code: row.codeID, perspective: Perspective("vrijwilliger"))!, b = table.row(code: row.codeID, perspective: Perspective("professional"))!
            #expect([row.countA, row.sizeA, row.countB, row.sizeB] as [Int] == [a.respondents, 10, b.respondents, 7])
        }
        // Ordered by the size of the difference.
        let sizes = comparison.rows.map { abs($0.differencePercentagePoints) }
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 >= $1 - 1e-9 })
        // informatiebeperking: 7 of 10 vrijwilligers, 1 of 7 professionals; SciPy: fisher_exact([[7,3],[1,6]]) → 0.04977375565610859.
        let information = try #require(comparison.rows.first { $0.codeID == "informatiebeperking" })
        #expect([information.countA, information.countB] as [Int] == [7, 1])
        #expect(abs(information.fisherP - 0.04977375565610859) < 1e-12)
    }
}
