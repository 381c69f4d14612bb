import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct FrequencyTableTests {
    /// (segments, documents, respondents, respondents_in_perspective) of a code in a perspective.
    func counts(_ table: FrequencyTable, _ code: String, _ perspective: String?) -> [Int] {
        let row = table.row(code: code, perspective: perspective.map(Perspective.init))
        return row.map { [$0.segments, $0.documents, $0.respondents, $0.respondentsInPerspective] } ?? []
    }

    @Test("the mini study's counts match the hand count")
    func miniStudy() throws {
        let load = try loadProject(TestPaths.miniStudy)
        #expect(load.errors.isEmpty)
        let table = FrequencyTable(project: load.project, coder: "inline")
        #expect(table.perspectives.map(\.name) == ["cliënt", "professional", "vrijwilliger"])
        // klik: interview-a §2 (C1), interview-b §4 (V1), focusgroep §4 (Kees, unmapped → focusgroep/Kees).
        #expect(counts(table, "klik", "client") == [1, 1, 1, 1])
        #expect(counts(table, "klik", "vrijwilliger") == [2, 2, 2, 2])
        #expect(counts(table, "klik", nil) == [3, 3, 3, 4])
        // agendadruk: b §2 and focusgroep §2 (both V1), focusgroep §3 (P1), the notes paragraph (professional,
        // no respondent); the interviewer turn in interview-a is not counted.
        #expect(counts(table, "agendadruk", "vrijwilliger") == [2, 2, 1, 2])
        #expect(counts(table, "agendadruk", "professional") == [2, 2, 1, 1])
        #expect(counts(table, "agendadruk", "cliënt") == [0, 0, 0, 1])
        #expect(counts(table, "agendadruk", nil) == [4, 3, 2, 4])
    }

    @Test("a parent counts each segment once, however many of its children code it")
    func parentAggregation() throws {
        let table = FrequencyTable(project: try loadProject(TestPaths.miniStudy).project, coder: "inline")
        // interview-a §4 carries both korte-lijnen and its child snel-antwoord: one segment.
        #expect(counts(table, "korte-lijnen", "cliënt") == [1, 1, 1, 1])
        // succes = klik ∪ korte-lijnen ∪ snel-antwoord: a §2, a §4, b §4, focusgroep §4 and §5.
        #expect(counts(table, "succes", nil) == [5, 3, 3, 4])
        #expect(counts(table, "succes", "vrijwilliger") == [3, 2, 2, 2])
    }

    @Test("inline tags and a sidecar offset coding of the same coder add up")
    func inlineAndSidecar() throws {
        let table = FrequencyTable(project: try loadProject(TestPaths.miniStudy).project, coder: "inline")
        // snel-antwoord: the inline tag in interview-a and the offset coding in focusgroep §5 (V1).
        #expect(counts(table, "snel-antwoord", nil) == [2, 2, 2, 4])
        #expect(counts(table, "snel-antwoord", "vrijwilliger") == [1, 1, 1, 2])
    }

    @Test("another coder's sidecar is counted on its own")
    func secondCoder() throws {
        let table = FrequencyTable(project: try loadProject(TestPaths.miniStudy).project, coder: "TS")
        #expect(counts(table, "agendadruk", nil) == [3, 2, 1, 4])
        #expect(counts(table, "klik", nil) == [2, 2, 2, 4])
    }

    @Test("a respondent who speaks in two documents is one respondent")
    func respondentAcrossDocuments() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        #expect(project.respondents["V1"]?.documentIDs == ["focusgroep", "interview-b"])
        #expect(project.respondents.keys.sorted() == ["C1", "P1", "V1", "focusgroep/Kees"])
    }

    @Test("counts never depend on document order, and a parent is never below a child (seeded random projects)")
    func properties() throws {
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<5 {
            var files: [String: String] = [:]
            let codes = ["alpha", "beta", "beta-een", "thema"]
            let perspectives = ["cliënt", "vrijwilliger", "professional"]
            for documentIndex in 0..<8 {
                var text = "---\ntype: interview\nperspectief: \(perspectives[Int(generator.next() % 3)])\nrespondent: R\(generator.next() % 5)\n---\n"
                for turn in 0..<6 {
                    text += turn % 2 == 0 ? "I: vraag\n" : "R: antwoord"
                    if turn % 2 == 1 {
                        for code in codes where generator.next() % 3 == 0 { text += " #\(code)" }
                        text += "\n"
                    }
                }
                files["Corpus/d\(documentIndex).txt"] = text
            }
            // The same respondent must keep one perspective; give each its own by id.
            let project = try TemporaryProject(files.mapValues { text in
                text.replacingOccurrences(of: #"perspectief: \w+\nrespondent: R(\d)"#, with: "perspectief: p$1\nrespondent: R$1", options: .regularExpression)
            })
            defer { project.remove() }
            let load = try loadProject(project.path)
            #expect(load.errors.isEmpty)
            let table = FrequencyTable(project: load.project, coder: "inline")
            let original = load.project
            let reversed = Project(directory: original.directory, codebook: original.codebook, documents: original.documents.reversed(),
                                   respondents: original.respondents, codings: Array(original.codings.reversed()),
                                   respondentTable: original.respondentTable)
            #expect(FrequencyTable(project: reversed, coder: "inline").rows == table.rows)
            for row in table.rows {
                guard let parent = load.project.codebook.code(id: row.codeID)?.parentID,
                      let parentRow = table.row(code: parent, perspective: row.perspective) else { continue }
                #expect(parentRow.segments >= row.segments)
                #expect(parentRow.respondents >= row.respondents)
                #expect(parentRow.documents >= row.documents)
            }
        }
    }
}
