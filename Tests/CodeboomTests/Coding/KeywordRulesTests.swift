import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct KeywordRulesTests {
    @Test func anUnquotedPhraseInACodebookCodesLikeAQuotedOne() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": "---\nrespondent: R1\nperspectief: p\n---\nR: Hier zijn de korte\nlijnen goed.\nR: Kort en bereikbaar.\nR: Lijnen, korte.\n",
        ], codebook: "# T\n## Thema {#thema}\n### Korte lijnen {#korte-lijnen}\ntrefwoorden: korte lijnen, bereikbaar\n### Quoted {#quoted}\ntrefwoorden: \"korte lijnen\"\n")
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.errors.isEmpty)
        let rules = KeywordRules(codebook: load.project.codebook)
        #expect(rules.matcher.terms.map(\.form) == [.phrase, .word, .phrase])
        let hits = AutoCoder(rules: rules).hits(in: load.project).map { "§\($0.segmentNumber) \($0.codeID) \($0.firstTerm)" }
        #expect(hits == ["§1 korte-lijnen korte lijnen", "§1 quoted \"korte lijnen\"", "§2 korte-lijnen bereikbaar"])
    }

    @Test func aKeywordSetOverTheMemoryLimitIsARuleErrorAtTheTermThatPassesIt() throws {
        // Each term below adds states; with room for 1,600 bytes of tables the set stops fitting
        // in the second code's list. The first code holds every letter, so every prefix of the
        // set has the same symbol classes and the limit can be found by building prefixes.
        let beta = "abba, bead, cede, dace, ebbed, added, baaed, ceded, decade, faded, abed, bade, cab, dab, dead"
        let codebook = Codebook.parseForTest("""
            # T
            ## Thema {#thema}
            ### Alpha {#alpha}
            trefwoorden: abcdef
            ### Beta {#beta}
            trefwoorden: \(beta)
            """)
        let small = KeywordRules(codebook: codebook, tableLimit: 1_600)
        #expect(small.codeIDs.isEmpty)
        let terms = try KeywordTermParser.parse("abcdef") + KeywordTermParser.parse(beta, firstColumn: 14)
        let firstTooMany = try #require((1...terms.count).first { count in
            (try? KeywordMatcher(checking: Array(terms.prefix(count)), tableLimit: 1_600)) == nil
        })
        #expect(firstTooMany > 2 && firstTooMany < terms.count)
        let column = terms[firstTooMany - 1].column
        #expect(small.problems == [
            .keywordRule(SourceLocation(file: "Codebooks/codeboom.md", line: 6, column: column), key: "trefwoorden", codeID: "beta",
                         .keywordSetTooLarge(column: column, termIndex: firstTooMany - 1, limitMegabytes: 1)),
        ])
        #expect(small.diagnostics.map(\.message) == ["trefwoorden of \"beta\": the keywords up to here need more than the 1 MB that matching may take"])
        // With the standard limit the same rules are fine.
        #expect(KeywordRules(codebook: codebook).problems.isEmpty)
    }
}

extension Codebook {
    /// A codebook from Markdown text, for tests that need no project.
    static func parseForTest(_ text: String) -> Codebook {
        CodebookParser.parse(text, file: "Codebooks/codeboom.md").codebook
    }
}
