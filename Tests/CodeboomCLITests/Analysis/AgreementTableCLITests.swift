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

    /// Counted by hand from the mini study. The documents both coders coded: focusgroep, interview-a and interview-b
    /// (TS did not code notities). Per document, 1 when the coder gave exactly that code in a respondent's turn
    /// (interview-a's `#agendadruk` stands in the interviewer's turn), as (inline, TS) for focusgroep, interview-a, interview-b:
    /// - klik (1,1) (1,1) (1,0): 2 of 3 agree, 66,7%; kappa: p_o = 2/3, p_e = 1 · 2/3 = 2/3, so 0; alpha: D_o = 2/6, D_e = 2·5·1/(6·5) = 1/3, so 0.
    /// - korte-lijnen (0,0) (1,1) (0,0): 100%; kappa and alpha 1.
    /// - snel-antwoord (1,0) (1,0) (0,0): 1 of 3, 33,3%; kappa: p_o = 1/3, p_e = 1/3 · 1, so 0; alpha: D_o = 4/6, D_e = 2·2·4/30, so -0,250.
    /// - agendadruk (1,1) (0,0) (1,1): 100%; kappa and alpha 1.
    /// - all 12 decisions: 9 agree, 75,0%; kappa: inline 8/12 ones, TS 5/12, p_e = (40 + 28)/144, (108 − 68)/(144 − 68) = 0,526;
    ///   alpha: D_o = 6/24, D_e = 2·13·11/(24·23) = 286/552, 1 − 0,25/0,518 = 0,517.
    @Test("agree --unit document: the page names the unit as rapport.html does and counts documents, not \"3 documenten in 3 documenten\"")
    func byDocument() throws {
        let markdown = try runCodeboom(["agree", "--coders", "inline,TS", "--unit", "document"], in: TestPaths.miniStudy)
        #expect(markdown.status == 0)
        #expect(markdown.stdout == """
        # Overeenstemming tussen codeurs: inline, TS

        Eenheid: document (of een codeur de code ergens in het document gaf). 3 documenten die minstens twee codeurs codeerden.

        | Code | Eenheden | Overeenstemming | Cohen's kappa | Krippendorff's alpha |
        | --- | ---: | ---: | ---: | ---: |
        | Een goede klik (`klik`) | 3 | 66,7% | 0,000 | 0,000 |
        | Korte lijnen (`korte-lijnen`) | 3 | 100,0% | 1,000 | 1,000 |
        | Snel antwoord (`snel-antwoord`) | 3 | 33,3% | 0,000 | -0,250 |
        | Agendadruk (`agendadruk`) | 3 | 100,0% | 1,000 | 1,000 |
        | **Alle codes samen** | 12 | 75,0% | 0,526 | 0,517 |

        Per code telt een eenheid als 1 wanneer de codeur precies die code gaf (niet een subcode). “Alle codes samen” telt elke combinatie van eenheid en code als één beslissing. Een leeg vak (–) betekent: niet gedefinieerd.

        """)
        // By segment the sentence stays as it was: "Eenheid: segment (…). 9 segmenten in 3 documenten die …".
        let bySegment = try runCodeboom(["agree", "--coders", "inline,TS"], in: TestPaths.miniStudy)
        #expect(bySegment.stdout.contains("\n\nEenheid: segment (interviewerbeurten niet meegeteld). 9 segmenten in 3 documenten die minstens twee codeurs codeerden.\n\n"))
    }
}
