import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct KeywordRulesCLITests {
    @Test func eachRuleErrorIsPrintedOnceByEveryCommand() throws {
        let project = try TemporaryProject(["Corpus/a.txt": "R: ja goed #alpha\n"],
                                           codebook: "# T\n## Thema {#thema}\n### Alpha {#alpha}\ntrefwoorden: goed, \"half open\nuitsluiten: a,,b\n### Beta {#beta}\ntrefwoorden: zorg.\n")
        defer { project.remove() }
        let errors = [
            "Codebooks/codeboom.md:4:20: error: trefwoorden of \"alpha\": this quote opens a phrase that is never closed — add the closing \"",
            "Codebooks/codeboom.md:5:15: error: uitsluiten of \"alpha\": empty keyword — remove the extra comma or write a keyword in its place",
            "Codebooks/codeboom.md:7:18: error: trefwoorden of \"beta\": a keyword must start and end with a letter or digit — remove the punctuation here",
        ]
        for arguments in [["check"], ["autocode"], ["autocode", "--evaluate", "--against", "inline"], ["search", "goed"]] {
            let result = try runCodeboom(arguments + ["--project", project.path])
            let lines = (result.stdout + result.stderr).components(separatedBy: "\n")
            for error in errors {
                #expect(lines.filter { $0 == error }.count == 1, "\(arguments): \(error)")
            }
            #expect(result.status == (arguments == ["search", "goed"] ? 0 : 1), "\(arguments)")
        }
    }

    @Test func aTermOverTheLimitIsARuleErrorAtItsLineAndColumn() throws {
        // One term of two million characters: refused as quickly as a short list is read.
        let huge = String(repeating: "zorg ", count: 400_000)
        let project = try TemporaryProject(["Corpus/a.txt": "R: ja\n"],
                                           codebook: "# T\n## Thema {#thema}\n### Alpha {#alpha}\ntrefwoorden: zorg, \(huge)\n")
        defer { project.remove() }
        let result = try runCodeboom(["check", "--project", project.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Codebooks/codeboom.md:4:20: error: trefwoorden of \"alpha\": keyword of 1999999 characters is longer than the limit of 200 — shorten it"))
    }

    @Test func aCodebookWithMoreKeywordsThanMatchingMayHoldIsRefusedWithoutRunningAway() throws {
        // 40,000 keywords of ten random letters (440 KB) need more than 32 MB of tables.
        var random = SplitMix64(seed: 12)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var codebook = "# T\n## Thema {#thema}\n"
        for code in 0..<400 {
            let terms = (0..<100).map { _ in String((0..<10).map { _ in letters[Int(random.next() % 26)] }) }
            codebook += "### Code \(code) {#code-\(code)}\ntrefwoorden: \(terms.joined(separator: ", "))\n"
        }
        let project = try TemporaryProject(["Corpus/a.txt": "R: ja\n"], codebook: codebook)
        defer { project.remove() }
        let result = try runCodeboom(["autocode", "--project", project.path])
        #expect(result.status == 1)
        let lines = result.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 1)
        #expect(lines.first?.contains(": error: trefwoorden of \"code-") == true)
        #expect(lines.first?.contains("need more than the 32 MB that matching may take — use fewer or shorter keywords") == true)
    }
}
