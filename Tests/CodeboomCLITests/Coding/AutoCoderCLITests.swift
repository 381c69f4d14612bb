import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct AutoCoderCLITests {
    @Test("autocode writes Corpus/codings/auto.csv that check reads back, and never overwrites a person's file")
    func cli() throws {
        let project = try TemporaryProject([:], codebook: nil)
        defer { project.remove() }
        try FileManager.default.removeItem(at: project.root)
        try FileManager.default.copyItem(atPath: TestPaths.miniStudy, toPath: project.path)
        let result = try runCodeboom(["autocode", "--project", project.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("9 codings in 4 documents written to Corpus/codings/auto.csv"))
        let written = try String(contentsOf: project.root.appendingPathComponent("Corpus/codings/auto.csv"), encoding: .utf8)
        #expect(written.components(separatedBy: "\n")[1] == "focusgroep,2,agendadruk,113,122,\"\"\"geen tijd\"\"\"")
        let load = try loadProject(project.path)
        #expect(load.errors.isEmpty)
        #expect(load.project.codings(by: "auto").count == 9)
        let refused = try runCodeboom(["autocode", "--coder", "TS", "--project", project.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already has codings of a person"))
        let again = try runCodeboom(["autocode", "--project", project.path])
        #expect(again.status == 0)
        #expect(try String(contentsOf: project.root.appendingPathComponent("Corpus/codings/auto.csv"), encoding: .utf8) == written)
    }

    @Test("search shows each hit in context with who said it, filtered by perspective or code")
    func search() throws {
        let all = try runCodeboom(["search", "agenda*", "\"geen tijd\""], in: TestPaths.miniStudy)
        #expect(all.status == 0)
        expectGolden(all.stdout, "mini-study/search.md")
        let volunteers = try runCodeboom(["search", "agenda*", "--perspective", "vrijwilliger", "--format", "csv"], in: TestPaths.miniStudy)
        #expect(volunteers.stdout == """
        document,segment,respondent,perspective,term,start,end,left,match,right
        interview-b,2,V1,vrijwilliger,agenda*,124,130,"Er is nooit tijd, de",agenda,van [professional] zit vol.

        """)
        #expect(!volunteers.stdout.contains("P1"))
        let coded = try runCodeboom(["search", "klik", "--code", "klik", "--coder", "TS", "--format", "csv"], in: TestPaths.miniStudy)
        #expect(coded.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 2)
    }
}
