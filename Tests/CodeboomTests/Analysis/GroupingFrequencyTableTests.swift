import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct GroupingFrequencyTableTests {
    func counts(_ table: FrequencyTable, _ code: String, _ group: String?) -> [Int] {
        let row = table.row(code: code, perspective: group.map(Perspective.init))
        return row.map { [$0.segments, $0.documents, $0.respondents, $0.respondentsInPerspective] } ?? []
    }

    func rendered(_ table: FrequencyTable, _ codebook: Codebook) -> [String] {
        [FrequencyCSVRenderer.render(table), FrequencyJSONRenderer.render(table), FrequencyMarkdownRenderer.render(table, codebook: codebook)]
    }

    @Test("grouped by perspectief it is today's freq, byte for byte, on the mini study, the example study and generated ones")
    func byPerspectiveIsFreq() throws {
        var projects = [try loadProject(TestPaths.miniStudy).project, try loadProject(TestPaths.packageRoot.path).project]
        var generator = SplitMix64(seed: 7)
        var folders: [TemporaryProject] = []
        defer { for folder in folders { folder.remove() } }
        for _ in 0..<6 {
            let folder = try TemporaryProject(GeneratedStudy.files(&generator), codebook: nil)
            folders.append(folder)
            projects.append(try loadProject(folder.path).project)
        }
        for project in projects {
            for coder in project.coders {
                let grouped = FrequencyTable(project: project, coder: coder, groupedBy: try GroupingVariable("perspective", in: project))
                #expect(rendered(grouped, project.codebook) == rendered(FrequencyTable(project: project, coder: coder), project.codebook))
            }
        }
    }

    @Test("the mini study by type matches the hand count; V1 speaks in a focusgroep and an interview and counts in both")
    func miniStudyByType() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let table = FrequencyTable(project: project, coder: "inline", groupedBy: try GroupingVariable("type", in: project))
        #expect(table.columns.map(\.name) == ["focusgroep", "interview", "notities"])
        // agendadruk: focusgroep §2 (Anna = V1) and §3 (Piet = P1) of the focusgroep's V1, P1 and Kees; interview-b §2 (V1)
        // of the interviews' C1 and V1 (interview-a's tag is on an interviewer turn); the notes' paragraph, no respondent.
        #expect(counts(table, "agendadruk", "focusgroep") == [2, 1, 2, 3])
        #expect(counts(table, "agendadruk", "interview") == [1, 1, 1, 2])
        #expect(counts(table, "agendadruk", "notities") == [1, 1, 0, 0])
        #expect(counts(table, "agendadruk", nil) == [4, 3, 2, 4])
        // klik: interview-a §2 (C1), interview-b §4 (V1), focusgroep §4 (Kees).
        #expect(counts(table, "klik", "interview") == [2, 2, 2, 2])
        #expect(counts(table, "klik", "focusgroep") == [1, 1, 1, 3])
    }

    @Test("the mini study filtered to interviews matches the hand count")
    func miniStudyFiltered() throws {
        let project = try loadProject(TestPaths.miniStudy).project.filtered(by: [FilterCondition(parsing: "type=interview")!])
        #expect(project.documents.map(\.id) == ["interview-a", "interview-b"])
        #expect(project.respondents.keys.sorted() == ["C1", "V1"])
        #expect(project.respondents["V1"]?.documentIDs == ["interview-b"])
        let table = FrequencyTable(project: project, coder: "inline")
        #expect(counts(table, "agendadruk", nil) == [1, 1, 1, 2])
        #expect(counts(table, "klik", nil) == [2, 2, 2, 2])
        // snel-antwoord: interview-a §4 only; the focusgroep's offset coding is left out with its document.
        #expect(counts(table, "snel-antwoord", nil) == [1, 1, 1, 2])
        // A respondent variable keeps respondents, not documents: P1 (Piet) alone, in the focusgroep.
        let professionals = try loadProject(TestPaths.miniStudy).project.filtered(by: [FilterCondition(variable: "Perspectief", value: "PROFESSIONAL")])
        #expect(professionals.respondents.keys.sorted() == ["P1"])
        #expect(counts(FrequencyTable(project: professionals, coder: "inline"), "agendadruk", nil) == [2, 2, 1, 1])
    }

    @Test("on generated studies each group of organisatie counts what the study filtered to it counts in total")
    func groupsAreFilters() throws {
        var generator = SplitMix64(seed: 31)
        for _ in 0..<6 {
            let folder = try TemporaryProject(GeneratedStudy.files(&generator), codebook: nil)
            defer { folder.remove() }
            let project = try loadProject(folder.path).project
            for name in ["organisatie", "type", "perspectief"] {
                let table = FrequencyTable(project: project, coder: "inline", groupedBy: try GroupingVariable(name, in: project))
                for group in table.perspectives {
                    let filtered = FrequencyTable(project: try project.filtered(by: [FilterCondition(variable: name, value: group.name)]), coder: "inline")
                    for code in project.codebook.codes {
                        let row = table.row(code: code.id, perspective: group)!, whole = filtered.row(code: code.id, perspective: nil)!
                        #expect([row.segments, row.documents, row.respondents, row.respondentsInPerspective, row.respondentIDs.count] as [Int]
                                == [whole.segments, whole.documents, whole.respondents, whole.respondentsInPerspective, whole.respondentIDs.count],
                                "\(name) = \(group.name), \(code.id)")
                        #expect(row.respondentIDs == whole.respondentIDs)
                    }
                }
            }
        }
    }

    @Test("a variable no document or respondent has is an error that lists those there are")
    func unknownVariable() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        #expect(throws: GroupingVariableError(variable: "regio", known: ["datum", "perspectief", "type"])) {
            try GroupingVariable("regio", in: project)
        }
        #expect(throws: GroupingVariableError.self) { try project.filtered(by: [FilterCondition(variable: "regio", value: "x")]) }
        // A value no words have is no table of zeros either.
        #expect(throws: GroupingVariableError(variable: "type", value: "interviews", known: ["focusgroep", "interview", "notities"])) {
            try project.filtered(by: [FilterCondition(variable: "type", value: "interviews")])
        }
        #expect(GroupingVariableError(variable: "type", value: "interviews", known: ["focusgroep", "interview", "notities"]).description
                == "error: no words in this project have type \"interviews\" — did you mean \"interview\"? Use --where type=VALUE with one of: focusgroep, interview, notities")
        // The day names a date as well as the year.
        #expect(try project.filtered(by: [FilterCondition(variable: "datum", value: "2016-02-01")]).documents.map(\.id) == ["interview-a"])
        // English keys mean the Dutch ones; datum groups by year.
        #expect(try GroupingVariable("date", in: project).name == "datum")
        let years = FrequencyTable(project: project, coder: "inline", groupedBy: try GroupingVariable("datum", in: project))
        #expect(years.columns.map(\.name) == ["2016", "zonder datum"])
    }
}
