import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct AgreementTableCLITests {
    @Test("agree prints the CSV contract and the disagreements")
    func cli() throws {
        let csv = try runCodeboom(["agree", "--coders", "inline,TS", "--format", "csv"], in: TestPaths.miniStudy)
        #expect(csv.status == 0)
        #expect(csv.stdout == """
        code,units,percent_agreement,cohen_kappa,krippendorff_alpha
        klik,9,88.9,0.727,0.738
        korte-lijnen,9,100.0,1.000,1.000
        snel-antwoord,9,77.8,0.000,-0.062
        agendadruk,9,77.8,0.500,0.528

        """)
        let markdown = try runCodeboom(["agree", "--coders", "inline,TS", "--disagreements"], in: TestPaths.miniStudy)
        expectGolden(markdown.stdout, "mini-study/agree.md")
    }
}
