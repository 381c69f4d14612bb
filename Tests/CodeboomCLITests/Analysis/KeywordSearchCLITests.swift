import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct KeywordSearchCLITests {
    @Test func searchFoldsCaseAndDiacriticsInCyrillicGreekAndTurkish() throws {
        let project = try TemporaryProject(["Corpus/a.txt": """
            ---
            respondent: R1
            perspectief: p
            ---
            R: Я жил в МОСКВЕ, потом в Москве.
            R: Στην ΑΘΗΝΑ και στην Αθήνα, ο ΟΔΥΣΣΕΥΣ.
            R: İSTANBUL'da bir KADIN, istanbul'da bir kadın.

            """])
        defer { project.remove() }
        let result = try runCodeboom(["search", "москве", "αθήνα", "οδυσσευς", "istanbul", "kadın", "--format", "csv",
                                      "--project", project.path])
        #expect(result.status == 0)
        #expect(CSVTable(text: result.stdout).rows.map { $0["match"] ?? "" } == ["МОСКВЕ", "Москве", "ΑΘΗΝΑ", "Αθήνα", "ΟΔΥΣΣΕΥΣ", "İSTANBUL", "KADIN", "istanbul", "kadın"])
    }

    @Test func searchTermsBeyondTheLimitsAreAUsageError() throws {
        let long = String(repeating: "a", count: 201)
        let result = try runCodeboom(["search", "zorg", long, "--project", TestPaths.miniStudy])
        #expect(result.status == 64)
        #expect(result.stderr == "error: search terms, column 7: keyword of 201 characters is longer than the limit of 200 — shorten it to the words that matter, or separate keywords with commas\n")
    }
}
