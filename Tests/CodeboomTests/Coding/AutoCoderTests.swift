import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct AutoCoderTests {
    func hits(_ project: Project, includeInterviewer: Bool = false) -> [String] {
        let rules = KeywordRules(codebook: project.codebook)
        return AutoCoder(rules: rules, includeInterviewer: includeInterviewer).hits(in: project)
            .map { "\($0.documentID) §\($0.segmentNumber) \($0.codeID) \($0.firstTerm)" }
    }

    @Test("the mini study's rules code the respondent segments a person would expect, not labels or tags")
    func miniStudy() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        #expect(hits(project) == [
            "focusgroep §2 agendadruk \"geen tijd\"",
            "focusgroep §3 agendadruk agenda*",
            "focusgroep §4 klik match*",
            "focusgroep §5 snel-antwoord snel*",
            "interview-a §2 klik \"het klikt\"",
            // "#snel-antwoord" is a tag, not words: snel* does not match it.
            "interview-a §4 korte-lijnen bereikbaar",
            "interview-b §2 agendadruk agenda*",
            "interview-b §4 klik klik",
            "notities §1 agendadruk agenda*",
        ])
    }

    @Test("a hit keeps the range of its first match, as the sidecar's start,end")
    func ranges() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let rules = KeywordRules(codebook: project.codebook)
        let document = try #require(project.fullDocument(id: "interview-b"))
        let hit = try #require(AutoCoder(rules: rules).hits(in: document).first)
        let scalars = Array(document.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[hit.range])) == "agenda")
    }

    @Test("exclusions, interviewer turns, phrases across line breaks but not across turns")
    func rules() throws {
        let codebook = """
        # T
        ## Thema {#thema}
        ### Agendadruk {#agendadruk}
        trefwoorden: agenda*, "geen tijd"
        uitsluiten: vakantie
        ### Vrijwilliger {#vrijwilliger}
        trefwoorden: vrijwilliger

        """
        let project = try TemporaryProject([
            "Corpus/a.txt": """
            ---
            respondent: R1
            perspectief: p
            ---
            I: Heeft u een volle agenda?
            R: Nee, ik heb wel geen
            tijd, maar dat komt door de vakantie.
            R: Echt geen
            Vrijwilliger: tijd hoor, de agenda.

            """,
        ], codebook: codebook)
        defer { project.remove() }
        let loaded = try loadProject(project.path).project
        // §2: the phrase spans a line break, but "vakantie" excludes it. §3 ends in "geen", §4 starts with "tijd":
        // no phrase across turns; the label "Vrijwilliger" is not the respondent's words.
        #expect(hits(loaded) == ["a §4 agendadruk agenda*"])
        #expect(hits(loaded, includeInterviewer: true) == ["a §1 agendadruk agenda*", "a §4 agendadruk agenda*"])
    }

    @Test("hits are the same in parallel and one document at a time, run after run")
    func determinism() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let coder = AutoCoder(rules: KeywordRules(codebook: project.codebook))
        let sequential = project.fullDocuments.flatMap { coder.hits(in: $0) }
        for _ in 0..<5 { #expect(coder.hits(in: project) == sequential) }
    }

    @Test("a broken rule is a check error at its line and column")
    func ruleErrors() throws {
        let project = try TemporaryProject(["Corpus/a.txt": "R: ja #alpha\n"], codebook: "# T\n## Thema {#thema}\n### Alpha {#alpha}\ntrefwoorden: goed, \"half open\n### Beta {#beta}\ntrefwoorden: a,,b\n")
        defer { project.remove() }
        let errors = try loadProject(project.path).errors.map(\.description)
        #expect(errors.count == 2)
        #expect(errors[0].hasPrefix("Codebooks/codeboom.md:4:20: error: trefwoorden of \"alpha\": "))
        #expect(errors[1].hasPrefix("Codebooks/codeboom.md:6:16: error: trefwoorden of \"beta\": "))
    }

    @Test("evaluation against the mini study's inline coding: hand-counted")
    func evaluation() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let rules = KeywordRules(codebook: project.codebook)
        let evaluation = AutoCodeEvaluation(project: project, hits: AutoCoder(rules: rules).hits(in: project), rules: rules, against: "inline")
        #expect(evaluation.rows.map { [$0.both, $0.autoOnly, $0.humanOnly] } == [[3, 0, 0], [1, 0, 0], [1, 0, 1], [4, 0, 0]])
        #expect(evaluation.overall.precision == 1)
        #expect(evaluation.overall.recall == 0.9)
        #expect(abs(evaluation.overall.f1! - 18.0 / 19.0) < 1e-12)
        // Against TS (who coded interview-b §4 as agendadruk, not klik): auto's klik there is a false positive.
        let againstTS = AutoCodeEvaluation(project: project, hits: AutoCoder(rules: rules).hits(in: project), rules: rules, against: "TS")
        #expect(againstTS.rows.first { $0.codeID == "klik" }.map { [$0.both, $0.autoOnly, $0.humanOnly] } == [2, 1, 0])
        #expect(againstTS.falsePositiveTerms.contains { $0.codeID == "klik" && $0.term == "klik" && $0.count == 1 })
    }

    @Test("the sidecar rows say what the hits say, row for row, with the counts per code")
    func sidecarRowsMatchHits() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let rules = KeywordRules(codebook: project.codebook)
        let coder = AutoCoder(rules: rules)
        var total = 0
        for document in project.fullDocuments {
            let hits = coder.hits(in: document)
            let rows = coder.sidecarRows(in: document)
            let expected = hits.map { hit in
                [hit.documentID, String(hit.segmentNumber), hit.codeID, String(hit.range.lowerBound), String(hit.range.upperBound),
                 hit.firstTerm].map(CSVTable.escape).joined(separator: ",") + "\n"
            }.joined()
            #expect(String(decoding: rows.rows, as: UTF8.self) == expected, "\(document.id)")
            #expect(rows.counts == rules.codeIDs.map { code in hits.filter { $0.codeID == code }.count })
            total += hits.count
        }
        #expect(total == 9)
    }

    @Test("the row writer never writes past its buffer: a number longer than it made room for costs a second pass")
    func rowsLongerThanTheirRoom() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let coder = AutoCoder(rules: KeywordRules(codebook: project.codebook))
        var document = try #require(project.fullDocument(id: "interview-b"))
        // Room is made for numbers as long as the document's length; this one is far longer.
        for index in document.segments.indices { document.segments[index].number = 9_000_000_000_000_000_000 + index }
        let hits = coder.hits(in: document)
        #expect(hits.count == 2)
        let expected = hits.map { hit in
            [hit.documentID, String(hit.segmentNumber), hit.codeID, String(hit.range.lowerBound), String(hit.range.upperBound),
             hit.firstTerm].map(CSVTable.escape).joined(separator: ",") + "\n"
        }.joined()
        #expect(String(decoding: coder.sidecarRows(in: document).rows, as: UTF8.self) == expected)
        #expect(expected.contains("interview-b,9000000000000000001,agendadruk,"))
    }

    @Test("autocode folds case and diacritics in Cyrillic, Greek and Turkish, and codes one huge segment")
    func otherScripts() throws {
        let codebook = """
        # T
        ## Thema {#thema}
        ### Moskou {#moskou}
        trefwoorden: москв*
        ### Athene {#athene}
        trefwoorden: αθήνα, οδυσσευς
        ### Vrouw {#vrouw}
        trefwoorden: kadın
        ### Istanbul {#istanbul}
        trefwoorden: İstanbul

        """
        let filler = String(repeating: "слово λέξη kelime ", count: 20_000)
        let project = try TemporaryProject([
            "Corpus/a.txt": """
            ---
            respondent: R1
            perspectief: p
            ---
            R: Я жил в МОСКВЕ.
            R: Ο ΟΔΥΣΣΕΥΣ στην ΑΘΗΝΑ.
            R: Bir KADIN ve ISTANBUL.
            R: Bir kadin, istanbul.

            """,
            // One segment of 600 KB: no speaker turns, no blank lines.
            "Corpus/b.txt": "---\ntype: notities\nperspectief: p\n---\n" + filler + "ΜΟΣΚΒΑ? Нет, МОСКВА. " + filler + "kadın\n",
        ], codebook: codebook)
        defer { project.remove() }
        let loaded = try loadProject(project.path).project
        #expect(hits(loaded) == [
            "a §1 moskou москв*", "a §2 athene οδυσσευς", "a §3 vrouw kadın", "a §3 istanbul İstanbul",
            "a §4 vrouw kadın", "a §4 istanbul İstanbul", "b §1 moskou москв*", "b §1 vrouw kadın",
        ])
        let b = try #require(loaded.fullDocument(id: "b"))
        let first = try #require(AutoCoder(rules: KeywordRules(codebook: loaded.codebook)).hits(in: b).first)
        #expect(String(String.UnicodeScalarView(Array(b.text.unicodeScalars)[first.range])) == "МОСКВА")
    }

    @Test("streamed search gives the same hits as search over a loaded project")
    func streamedSearch() throws {
        let terms = try KeywordTermParser.parse("agenda*, \"geen tijd\", klik, snel*")
        let project = try loadProject(TestPaths.miniStudy).project
        var diagnostics: [Diagnostic] = []
        let scan = try CorpusScanner.scan(directory: TestPaths.miniStudy)
        for perspective in [nil, Perspective("vrijwilliger")] {
            let streamed = KeywordSearch(corpus: CorpusReader(scan), pseudonyms: scan.pseudonyms, matcher: KeywordMatcher(terms: terms),
                                         perspective: perspective, diagnostics: &diagnostics)
            #expect(streamed.hits == KeywordSearch(project: project, terms: terms, perspective: perspective).hits)
            #expect(!streamed.hits.isEmpty)
        }
    }
}
