import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct AgreementTableTests {
    // Units of the mini study coded by both inline and TS: interview-a §2 §4 §6, interview-b §2 §4,
    // focusgroep §2 §3 §4 §5 (notities is coded by inline only, so it is left out).
    // Expected values computed once with Python:
    //   a = inline, b = TS over those 9 units, e.g. klik: a=[1,0,0,0,1,0,0,1,0], b=[1,0,0,0,0,0,0,1,0]
    //   sklearn.metrics.cohen_kappa_score(a, b) → 0.7272727272727273
    //   krippendorff.alpha(reliability_data=[a, b], level_of_measurement='nominal') → 0.7384615384615385
    //   snel-antwoord: a=[0,1,0,0,0,0,0,0,1], b=[0]*9 → kappa 0.0, alpha -0.0625
    //   agendadruk: a=[0,0,0,1,0,1,1,0,0], b=[0,0,0,1,1,1,0,0,0] → kappa 0.5, alpha 0.5277777777777778
    @Test("per-code statistics on the mini study match independently computed values")
    func miniStudy() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let table = AgreementTable(project: project, coders: ["inline", "TS"])
        #expect(table.unitCount == 9)
        #expect(table.documentIDs == ["focusgroep", "interview-a", "interview-b"])
        #expect(table.rows.map(\.codeID) == ["klik", "korte-lijnen", "snel-antwoord", "agendadruk"])
        let klik = table.rows[0]
        #expect(klik.units == 9)
        #expect(abs(klik.percentAgreement! - 800.0 / 9) < 1e-9)
        #expect(abs(klik.cohenKappa! - 0.7272727272727273) < 1e-9)
        #expect(abs(klik.krippendorffAlpha! - 0.7384615384615385) < 1e-9)
        #expect(abs(table.rows[2].cohenKappa! - 0.0) < 1e-9)
        #expect(abs(table.rows[2].krippendorffAlpha! - -0.0625) < 1e-9)
        #expect(abs(table.rows[3].krippendorffAlpha! - 0.5277777777777778) < 1e-9)
        #expect(table.disagreements.map { "\($0.codeID) \($0.unit.description)" } == [
            "klik interview-b §4", "snel-antwoord focusgroep §5", "snel-antwoord interview-a §4",
            "agendadruk focusgroep §3", "agendadruk interview-b §4",
        ])
    }

    @Test("with --unit document a document counts as coded when the code occurs anywhere in it")
    func documentUnit() throws {
        let table = AgreementTable(project: try loadProject(TestPaths.miniStudy).project, coders: ["inline", "TS"], unit: .document)
        #expect(table.unitCount == 3)
        // agendadruk: inline in focusgroep and interview-b, TS in the same two → perfect.
        #expect(table.rows.first { $0.codeID == "agendadruk" }?.percentAgreement == 100)
        // snel-antwoord: inline in focusgroep and interview-a, TS nowhere → TS is constant, kappa 0.
        #expect(table.rows.first { $0.codeID == "snel-antwoord" }?.cohenKappa == 0)
    }

    @Test("a coder who did not code a document is missing there, not 0")
    func missingCoder() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": "---\nrespondent: R1\nperspectief: p\n---\nR: een #alpha\nI: vraag\nR: twee\n",
            "Corpus/b.txt": "---\nrespondent: R2\nperspectief: p\n---\nR: drie #alpha\n",
            "Corpus/codings/X.csv": "document,segment,code\na,1,alpha\nb,1,beta\n",
            "Corpus/codings/Y.csv": "document,segment,code\na,3,alpha\n",
        ])
        defer { project.remove() }
        let table = AgreementTable(project: try loadProject(project.path).project, coders: ["inline", "X", "Y"])
        // a is coded by all three, b by inline and X. Units: a §1, a §3, b §1.
        #expect(table.unitCount == 3)
        let alpha = try #require(table.rows.first { $0.codeID == "alpha" })
        // Values (inline, X, Y): a §1 (1,1,0), a §3 (0,0,1), b §1 (1,0,missing).
        #expect(alpha.units == 3)
        #expect(alpha.cohenKappa == nil)
        #expect(abs(alpha.percentAgreement! - 0) < 1e-9)
        // krippendorff.alpha(reliability_data=[[1,0,1],[1,0,0],[0,1,nan]], level_of_measurement='nominal') → -0.3125
        #expect(abs(alpha.krippendorffAlpha! - -0.3125) < 1e-9)
    }
}
