import Foundation
import Testing
@testable import CodeboomTestSupport

/// A researcher's own first study (`Fixtures/first-study`), with the small mistakes everyone makes
/// (issue 20): a misspelt perspective (`vrijwiliger`, `profesional`), one written in another case
/// (`Client`), English front-matter keys, a misspelt key (`perpectief`), a transcript without front
/// matter, tags in brackets, after a full stop and in another case, and a codebook without deelvragen.
/// Every one is a `check` diagnostic that does not stop counting, and no count is lost.
@Suite struct FirstStudyCLITests {
    static let study = TestPaths.fixtures.appendingPathComponent("first-study").path

    @Test("check names every mistake at its file and line, with what to do, and exits 0 (warnings do not stop)")
    func check() throws {
        let result = try runCodeboom(["check", "--project", Self.study])
        #expect(result.status == 0)
        expectGolden(result.stdout, "first-study/check.txt")
    }

    @Test("freq counts every coded respondent turn, those without a perspective under \"zonder perspectief\", in every format")
    func freq() throws {
        for format in ["md", "csv", "json"] {
            let result = try runCodeboom(["freq", "--format", format, "--project", Self.study])
            #expect(result.status == 0)
            expectGolden(result.stdout, "first-study/freq.\(format)")
        }
        let csv = try runCodeboom(["freq", "--format", "csv", "--project", Self.study]).stdout
        // Counted by hand from the transcripts: klik in 01 (V1, `(#klik)`), 02 (V2, `#Klik.`), 03 (V3, `,#klik`,
        // vrijwiliger), 04 (C1, the label's slug) and 11 (C4, whose key `perpectief` is misspelt).
        for line in ["klik,wat-goed-gaat/klik,vrijwilliger,2,2,2,2",
                     "klik,wat-goed-gaat/klik,vrijwiliger,1,1,1,1",
                     "klik,wat-goed-gaat/klik,cliënt,1,1,1,3",
                     "klik,wat-goed-gaat/klik,zonder perspectief,1,1,1,2",
                     "klik,wat-goed-gaat/klik,totaal,5,5,5,11",
                     // 01 (V1, `tijd.#agendadruk`), 05 (C2 `Client`, `(#agendadruk)`), 10 (no front matter).
                     "agendadruk,wat-lastig-is/agendadruk,cliënt,1,1,1,3",
                     "agendadruk,wat-lastig-is/agendadruk,zonder perspectief,1,1,1,2",
                     "agendadruk,wat-lastig-is/agendadruk,totaal,3,3,3,11",
                     // 02 (V2, `#Korte-Lijnen`) and 07 (P1, given with `perspective:`).
                     "korte-lijnen,wat-goed-gaat/korte-lijnen,professional,1,1,1,2"] {
            #expect(csv.contains("\n" + line + "\n"), "\(line)")
        }
        // The columns add up to the total: every respondent is in exactly one column.
        var sums: [String: (columns: Int, total: Int)] = [:]
        for row in csv.split(separator: "\n").dropFirst().map({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let code = String(row[0]), respondents = Int(row[5])!, size = Int(row[6])!
            if row[2] == "totaal" {
                sums[code, default: (0, 0)].total = respondents * 1000 + size
            } else {
                sums[code, default: (0, 0)].columns += respondents * 1000 + size
            }
        }
        #expect(sums.count == 5)
        #expect(sums.values.allSatisfy { $0.columns == $0.total })
    }

    @Test("the report is written despite the warnings; every perspective page holds themes, grouped by category")
    func report() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-first-study-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try runCodeboom(["report", "--out", output.path, "--project", Self.study])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") && ReportFiles.isPage($0) }.sorted()
        #expect(pages.filter { $0.hasPrefix("perspectief-") } == ["perspectief-client.md", "perspectief-profesional.md", "perspectief-professional.md",
                                                                  "perspectief-vrijwiliger.md", "perspectief-vrijwilliger.md"])
        for page in pages {
            let text = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            expectGolden(text, "first-study/report/\(page)")
            if page.hasPrefix("perspectief-") {
                #expect(text.contains("## Wat goed gaat") && text.contains("## Wat lastig is"), "\(page)")
            }
        }
        let results = try String(contentsOf: output.appendingPathComponent("tabel-met-resultaten.md"), encoding: .utf8)
        #expect(results.contains("Zonder perspectief (N=2)"))
    }
}
