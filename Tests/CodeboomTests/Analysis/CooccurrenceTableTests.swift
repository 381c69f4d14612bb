import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct CooccurrenceTableTests {
    func both(_ table: CooccurrenceTable, _ a: String, _ b: String, _ perspective: String?) -> Int {
        table.both(table.codeIDs.firstIndex(of: a)!, table.codeIDs.firstIndex(of: b)!, in: perspective.map(Perspective.init))
    }

    @Test("the mini study's co-occurrences match the hand count")
    func miniStudy() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let segments = CooccurrenceTable(project: project, coder: "inline", unit: .segment)
        // interview-a §4 (C1) holds korte-lijnen and its sub-code snel-antwoord, so succes too.
        #expect(both(segments, "korte-lijnen", "snel-antwoord", "cliënt") == 1)
        // focusgroep §5 (Anna = V1) holds snel-antwoord only, and so its parent korte-lijnen.
        #expect(both(segments, "korte-lijnen", "snel-antwoord", nil) == 2)
        #expect(both(segments, "succes", "snel-antwoord", nil) == 2)
        // No segment holds klik and agendadruk.
        #expect(both(segments, "klik", "agendadruk", nil) == 0)
        let documents = CooccurrenceTable(project: project, coder: "inline", unit: .document)
        // klik and agendadruk: interview-b (V1, §2 and §4) and the focusgroep (§2 Anna = V1, §3 Piet = P1, §4 Kees);
        // in the focusgroep the vrijwilligers' words hold both, the professional's only agendadruk.
        #expect(both(documents, "klik", "agendadruk", nil) == 2)
        #expect(both(documents, "klik", "agendadruk", "vrijwilliger") == 2)
        #expect(both(documents, "klik", "agendadruk", "professional") == 0)
        #expect(both(documents, "snel-antwoord", "agendadruk", nil) == 1)
        let respondents = CooccurrenceTable(project: project, coder: "inline", unit: .respondent)
        // V1 alone has klik (interview-b §4) and agendadruk (interview-b §2, focusgroep §2); Kees klik only.
        #expect(both(respondents, "klik", "agendadruk", nil) == 1)
        #expect(both(respondents, "klik", "klik", nil) == 3)
        // V1 has snel-antwoord (focusgroep §5, an offset coding) and agendadruk.
        #expect(both(respondents, "snel-antwoord", "agendadruk", "vrijwilliger") == 1)
        // Jaccard: klik × agendadruk over respondents = 1 / (3 + 2 − 1).
        let klik = respondents.codeIDs.firstIndex(of: "klik")!, agenda = respondents.codeIDs.firstIndex(of: "agendadruk")!
        #expect(respondents.row(klik, agenda, in: nil).jaccard == 0.25)
    }

    @Test("the CSV follows the contract: header, pair × perspective order, three decimals, empty Jaccard for nothing")
    func csvContract() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let csv = CooccurrenceCSVRenderer.render(CooccurrenceTable(project: project, coder: "inline", unit: .respondent))
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0] == "code_a,code_b,perspective,both,jaccard")
        // 6 codes × 6 codes × (3 perspectives + totaal).
        #expect(lines.count == 1 + 6 * 6 * 4)
        #expect(lines[1...4] == ["succes,succes,cliënt,1,1.000", "succes,succes,professional,0,", "succes,succes,vrijwilliger,2,1.000",
                                 "succes,succes,totaal,3,1.000"])
        #expect(lines.contains("klik,agendadruk,totaal,1,0.250"))
        #expect(lines.contains("agendadruk,klik,totaal,1,0.250"))
        // succes × spanningen among the professionals: neither occurs… spanningen does (P1): 0 of 1.
        #expect(lines.contains("succes,spanningen,professional,0,0.000"))
        #expect(lines.contains("succes,klik,professional,0,"))
        expectGolden(csv, "mini-study/cooc-respondent.csv")
        expectGolden(CooccurrenceMarkdownRenderer.render(CooccurrenceTable(project: project, coder: "inline", unit: .document),
                                                         codebook: project.codebook), "mini-study/cooc-document.md")
    }

    /// Every unit's co-occurrence computed the slow way, from the codings as values: sets per segment.
    func reference(_ project: Project, unit: CooccurrenceTable.Unit) -> [String: Int] {
        var bySegment: [SegmentReference: Set<String>] = [:]
        for coding in project.codings(by: "inline") {
            guard let position = project.position(ofDocument: coding.documentID), project.codebook.code(id: coding.codeID) != nil else { continue }
            for number in coding.segments {
                guard let segment = project.documents[position].segment(number: number), !segment.isInterviewer else { continue }
                bySegment[SegmentReference(document: position, number: number), default: []].formUnion(project.codebook.path(of: coding.codeID))
            }
        }
        var units: [(column: String, codes: Set<String>)] = []
        var grouped: [String: Set<String>] = [:]
        for (reference, codes) in bySegment {
            let document = project.documents[reference.document]
            let segment = document.segment(number: reference.number)!
            let column = project.perspective(of: segment, in: document)?.key ?? Perspective.unassigned.key
            switch unit {
            case .segment: units.append((column, codes))
            case .document:
                grouped["\(reference.document)\u{1}\(column)", default: []].formUnion(codes)
                grouped["\(reference.document)\u{1}total", default: []].formUnion(codes)
            case .respondent:
                guard let id = segment.respondentID else { continue }
                grouped[id, default: []].formUnion(codes)
            }
        }
        var counts: [String: Int] = [:]
        func add(_ column: String, _ codes: Set<String>) {
            for a in codes { for b in codes { counts["\(a) \(b) \(column)", default: 0] += 1 } }
        }
        switch unit {
        case .segment: for unit in units { add(unit.column, unit.codes); add("total", unit.codes) }
        case .document: for (key, codes) in grouped { add(String(key.split(separator: "\u{1}").last!), codes) }
        case .respondent:
            for (id, codes) in grouped {
                add(project.respondents[id]?.perspective.map { Perspective($0).key } ?? Perspective.unassigned.key, codes)
                add("total", codes)
            }
        }
        return counts
    }

    @Test("on generated studies: equal to counting sets, symmetric, and a code with itself is its count in freq",
          arguments: CooccurrenceTable.Unit.allCases)
    func generated(unit: CooccurrenceTable.Unit) throws {
        var generator = SplitMix64(seed: 15)
        for _ in 0..<6 {
            let folder = try TemporaryProject(GeneratedStudy.files(&generator), codebook: nil)
            defer { folder.remove() }
            let load = try loadProject(folder.path)
            #expect(load.errors.isEmpty, "\(load.errors)")
            let project = load.project
            let table = CooccurrenceTable(project: project, coder: "inline", unit: unit)
            let freq = FrequencyTable(project: project, coder: "inline")
            #expect(table.columns == freq.columns)
            let expected = reference(project, unit: unit)
            for column in table.columns.map({ Optional($0) }) + [nil] {
                for (a, codeA) in table.codeIDs.enumerated() {
                    for (b, codeB) in table.codeIDs.enumerated() {
                        let count = table.both(a, b, in: column)
                        #expect(count == table.both(b, a, in: column))
                        #expect(count == expected["\(codeA) \(codeB) \(column?.key ?? "total")", default: 0], "\(codeA) \(codeB) \(column?.name ?? "totaal")")
                    }
                    let row = freq.row(code: codeA, perspective: column)!
                    let own = unit == .segment ? row.segments : unit == .document ? row.documents : row.respondents
                    #expect(table.both(a, a, in: column) == own, "\(codeA) in \(column?.name ?? "totaal")")
                }
            }
        }
    }
}
