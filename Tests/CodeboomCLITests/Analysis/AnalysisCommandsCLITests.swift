import Foundation
import Testing
@testable import CodeboomTestSupport

/// `cooc`, `matrix`, `compare`, `memos`, and `--by` and `--where`, run as a researcher runs them.
@Suite struct AnalysisCommandsCLITests {
    let mini = TestPaths.miniStudy

    @Test("cooc, matrix and compare print their contracts on the mini study")
    func contracts() throws {
        func coocOutput(_ arguments: [String]) -> String { (try? runCodeboom(["cooc"] + arguments + ["--project", mini]).stdout) ?? "" }
        let cooc = try runCodeboom(["cooc", "--by", "respondent", "--format", "csv", "--project", mini])
        #expect(cooc.status == 0)
        expectGolden(cooc.stdout, "mini-study/cooc-respondent.csv")
        let perspective = try runCodeboom(["cooc", "--perspective", "Client", "--format", "csv", "--project", mini])
        #expect(perspective.status == 0)
        // The same rows as the cliënt rows of the whole table, and there are some (allSatisfy holds for none).
        let clientRows = coocOutput(["--format", "csv"]).split(separator: "\n").filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == "cliënt" }
        #expect(!clientRows.isEmpty)
        #expect(Array(perspective.stdout.split(separator: "\n").dropFirst()) == clientRows)
        #expect(perspective.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == "cliënt" })
        let matrix = try runCodeboom(["matrix", "--project", mini])
        #expect(matrix.stdout.hasPrefix("respondent,perspective,documents,succes,klik,korte-lijnen,snel-antwoord,spanningen,agendadruk\nC1,cliënt,1,1,1,1,1,0,0\n"))
        let excel = try runCodeboom(["matrix", "--by", "document", "--excel", "--project", mini])
        #expect(excel.stdout.hasPrefix("\u{FEFF}document;type;perspective;respondents;datum;succes;"))
        let compare = try runCodeboom(["compare", "--perspectives", "vrijwilliger,cliënt", "--format", "csv", "--project", mini])
        #expect(compare.stdout.hasPrefix("code,n_a,N_a,n_b,N_b,difference_pp,fisher_p\nkorte-lijnen,1,2,1,1,-50.0,1.0000\n"))
        let memos = try runCodeboom(["memos", "--project", mini])
        #expect(memos.stdout.contains("- **focusgroep §5**, in de tekst, code `snel-antwoord`: offset coding beside the inline tags"))
    }

    @Test("values that match nothing are errors (exit 1), malformed options usage errors (exit 64)")
    func errors() throws {
        let perspective = try runCodeboom(["compare", "--perspectives", "vrijwilliger,clint", "--project", mini])
        #expect(perspective.status == 1)
        #expect(perspective.stderr.contains("perspective \"clint\" is not a perspective in this project — did you mean \"cliënt\"?"))
        #expect(try runCodeboom(["compare", "--perspectives", "vrijwilliger", "--project", mini]).status == 64)
        #expect(try runCodeboom(["compare", "--perspectives", "cliënt,Client", "--project", mini]).status == 64)
        #expect(try runCodeboom(["cooc", "--by", "zin", "--project", mini]).status == 64)
        #expect(try runCodeboom(["matrix", "--by", "code", "--project", mini]).status == 64)
        #expect(try runCodeboom(["matrix", "--excel", "--format", "md", "--project", mini]).status == 64)
        #expect(try runCodeboom(["freq", "--where", "organisatie", "--project", mini]).status == 64)
        #expect(try runCodeboom(["segments", "interview-a", "--where", "type=interview", "--project", mini]).status == 64)
        let variable = try runCodeboom(["freq", "--by", "regio", "--project", mini])
        #expect(variable.status == 1)
        #expect(variable.stderr == "error: variable \"regio\" is in no document's front matter, documenten.csv or respondenten.csv — use one of: datum, perspectief, type\n")
        let code = try runCodeboom(["memos", "--code", "klk", "--project", mini])
        #expect(code.status == 1)
        #expect(code.stderr.contains("did you mean \"klik\"?"))
    }

    @Test("freq --by perspectief prints today's freq; --by and --where are stated first on a Markdown page")
    func groupsAndFilters() throws {
        for format in ["csv", "json", "md"] {
            let plain = try runCodeboom(["freq", "--format", format, "--project", mini])
            let grouped = try runCodeboom(["freq", "--by", "perspectief", "--format", format, "--project", mini])
            #expect(grouped.stdout == plain.stdout)
        }
        let byType = try runCodeboom(["freq", "--by", "type", "--project", mini])
        #expect(byType.stdout.hasPrefix("*Groepen: de waarden van type in plaats van de perspectieven. Een respondent met twee waarden"))
        let filtered = try runCodeboom(["freq", "--where", "type=interview", "--where", "datum=2016", "--format", "csv", "--project", mini])
        // Both conditions: interview-a alone (interview-b has no datum).
        #expect(filtered.stdout.contains("agendadruk,spanningen/agendadruk,totaal,0,0,0,1\n"))
        #expect(filtered.stdout.contains("klik,succes/klik,totaal,1,1,1,1\n"))
        let agree = try runCodeboom(["agree", "--coders", "inline,TS", "--where", "type=interview", "--project", mini])
        #expect(agree.stdout.split(separator: "\n", omittingEmptySubsequences: false).prefix(3) == ["# Overeenstemming tussen codeurs: inline, TS", "",
                                                                 "*Filter: type = interview — alleen de woorden van respondenten en documenten die hieraan voldoen tellen mee.*"])
    }

    @Test("report --where and --by state them under every page's title; by another variable the perspective pages are left out")
    func report() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-h15-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runCodeboom(["report", "--by", "type", "--where", "perspectief=vrijwilliger", "--out", folder.path, "--project", mini])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") && ReportFiles.isPage($0) }.sorted()
        #expect(files == ["deelvraag-1.md", "deelvraag-2.md", "frequenties.csv", "frequenties.md", "index.md", "memos.md", "samenhang.md",
                          "tabel-met-resultaten.md", "wifa.md"])
        // The vrijwilligers V1 (focusgroep and interview-b) and Kees (focusgroep), by type.
        let index = try String(contentsOf: folder.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(index.contains("| Type | Respondenten | Ids |\n| --- | ---: | --- |\n| focusgroep | 2 | V1, focusgroep/Kees |\n| interview | 1 | V1 |\n| **totaal** | **2** | |"))
        for file in files where file.hasSuffix(".md") {
            let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[2] == "*Filter: perspectief = vrijwilliger — alleen de woorden van respondenten en documenten die hieraan voldoen tellen mee.*", "\(file)")
            #expect(lines[4].hasPrefix("*Groepen: de waarden van type"), "\(file)")
        }
    }
}
