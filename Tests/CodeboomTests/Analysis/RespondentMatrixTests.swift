import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct RespondentMatrixTests {
    @Test("the mini study's respondent matrix matches the hand count")
    func miniStudy() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let csv = RespondentMatrixCSVRenderer.render(RespondentMatrix(project: project, coder: "inline", unit: .respondent))
        // V1 speaks in interview-b (klik §4, agendadruk §2) and the focusgroep (Anna: agendadruk §2, the
        // offset coding of snel-antwoord in §5); Kees (unmapped) only klik; P1 (Piet) agendadruk.
        #expect(csv == """
        respondent,perspective,documents,succes,klik,korte-lijnen,snel-antwoord,spanningen,agendadruk
        C1,cliënt,1,1,1,1,1,0,0
        P1,professional,1,0,0,0,0,1,1
        V1,vrijwilliger,2,1,1,1,1,1,1
        focusgroep/Kees,vrijwilliger,1,1,1,0,0,0,0

        """)
        let counts = RespondentMatrix(project: project, coder: "inline", unit: .respondent, counts: true)
        // V1's succes: interview-b §4 and focusgroep §5; agendadruk: interview-b §2 and focusgroep §2.
        #expect(counts.rows[2].values == [2, 1, 1, 1, 2, 2])
        let documents = RespondentMatrix(project: project, coder: "inline", unit: .document, counts: true)
        #expect(documents.header == ["document", "type", "perspective", "respondents", "datum", "succes", "klik", "korte-lijnen",
                                     "snel-antwoord", "spanningen", "agendadruk"])
        // The notes: one paragraph with agendadruk and no respondent.
        #expect(documents.rows[3].variables == ["notities", "notities", "professional", "0", ""])
        #expect(documents.rows[3].values == [0, 0, 0, 0, 1, 1])
    }

    @Test("respondenten.csv's own columns follow documents; two values of one respondent are joined")
    func respondentVariables() throws {
        var generator = SplitMix64(seed: 1)
        var files = GeneratedStudy.files(&generator)
        files["Corpus/respondenten.csv"] = "respondent,perspectief,document,spreker,organisatie,leeftijd\n"
            + "R1,p1,focusgroep,Anna,Org Noord,34\nR2,p2,focusgroep,Piet,\"Op Orde; Org Zuid\",\nR1,p1,interview-0,R,Org Zuid,34\n"
            + "R3,p2,interview-1,R,\"=HYPERLINK(\"\"http://x\"\"), Zuid\",\n"
        let folder = try TemporaryProject(files, codebook: nil)
        defer { folder.remove() }
        let project = try loadProject(folder.path).project
        let matrix = RespondentMatrix(project: project, coder: "inline", unit: .respondent)
        #expect(matrix.variableHeader == ["respondent", "perspective", "documents", "organisatie", "leeftijd"])
        let byID = Dictionary(uniqueKeysWithValues: matrix.rows.map { ($0.variables[0], $0.variables) })
        #expect(byID["R1"]?[3...] == ["Org Noord; Org Zuid", "34"])
        #expect(byID["R2"]?[3...] == ["Op Orde; Org Zuid", ""])
        // Excel: `;` between fields, so a value with `;` is quoted, and a byte order mark first.
        let excel = RespondentMatrixCSVRenderer.render(matrix, dialect: .excel)
        #expect(excel.hasPrefix("\u{FEFF}respondent;perspective;documents;organisatie;leeftijd;cat-a;a1;a1x;a2;cat-b;b1;b2\n"))
        #expect(excel.contains(";\"Op Orde; Org Zuid\";;"))
        // A cell Excel would run as a formula gets a leading `'` (inside the quotes its `"` needs).
        #expect(excel.contains(";\"'=HYPERLINK(\"\"http://x\"\"), Zuid\";"), "\(excel)")
        // Plain CSV keeps the text exactly, quoted for its `,` and `"`.
        #expect(RespondentMatrixCSVRenderer.render(matrix).contains(",\"=HYPERLINK(\"\"http://x\"\"), Zuid\","))
    }

    @Test("on generated studies a code's column sums to its respondents (0/1) and segments (counts) in freq")
    func columnSums() throws {
        var generator = SplitMix64(seed: 99)
        for _ in 0..<6 {
            let folder = try TemporaryProject(GeneratedStudy.files(&generator), codebook: nil)
            defer { folder.remove() }
            let project = try loadProject(folder.path).project
            let freq = FrequencyTable(project: project, coder: "inline")
            let byRespondent = RespondentMatrix(project: project, coder: "inline", unit: .respondent)
            let byDocument = RespondentMatrix(project: project, coder: "inline", unit: .document, counts: true)
            let presence = RespondentMatrix(project: project, coder: "inline", unit: .document)
            #expect(byRespondent.rows.map { $0.variables[0] } == project.respondents.keys.sorted { $0.precedesNaturally($1) })
            for (position, code) in byRespondent.codeIDs.enumerated() {
                let total = freq.row(code: code, perspective: nil)!
                #expect(byRespondent.rows.map { $0.values[position] }.reduce(0, +) == total.respondents, "\(code)")
                #expect(byDocument.rows.map { $0.values[position] }.reduce(0, +) == total.segments, "\(code)")
                #expect(presence.rows.map { $0.values[position] }.reduce(0, +) == total.documents, "\(code)")
            }
            // `documents` is how many documents each respondent speaks in.
            for row in byRespondent.rows { #expect(Int(row.variables[2]) == project.respondents[row.variables[0]]?.documentIDs.count) }
        }
    }
}
