import Codeboom
import Testing
@testable import CodeboomCLI

@Suite struct AnalysisCommandParserTests {
    @Test("cooc, matrix, compare and memos parse their options with their defaults")
    func commands() throws {
        #expect(try CommandParser.parse(["cooc"]) == .cooc(ProjectOptions(), coder: "inline", unit: .segment, perspective: nil, format: .md))
        #expect(try CommandParser.parse(["cooc", "--by", "respondent", "--perspective", "cliënt", "--coder", "TS", "--format", "csv"])
                == .cooc(ProjectOptions(), coder: "TS", unit: .respondent, perspective: "cliënt", format: .csv))
        #expect(try CommandParser.parse(["matrix"]) == .matrix(ProjectOptions(), coder: "inline", unit: .respondent, counts: false, format: .csv, excel: false))
        #expect(try CommandParser.parse(["matrix", "--by", "document", "--counts", "--excel"])
                == .matrix(ProjectOptions(), coder: "inline", unit: .document, counts: true, format: .csv, excel: true))
        #expect(try CommandParser.parse(["compare", "--perspectives", "vrijwilliger, professional"])
                == .compare(ProjectOptions(), coder: "inline", groups: ["vrijwilliger", "professional"], format: .md))
        #expect(try CommandParser.parse(["memos", "--code", "klik", "--coder", "TS"]) == .memos(ProjectOptions(), code: "klik", coder: "TS"))
    }

    @Test("--where is repeatable on the counting commands, --by goes with freq and report")
    func groupsAndFilters() throws {
        var options = ProjectOptions()
        options.conditions = [FilterCondition(variable: "organisatie", value: "Op Orde"), FilterCondition(variable: "datum", value: "2016")]
        options.groupBy = "type"
        #expect(try CommandParser.parse(["freq", "--where", "organisatie = Op Orde", "--by", "type", "--where=datum=2016"])
                == .freq(options, coder: "inline", format: .md))
        options.groupBy = nil
        #expect(try CommandParser.parse(["search", "klik", "--where", "organisatie=Op Orde", "--where", "datum=2016"])
                == .search(options, terms: ["klik"], perspective: nil, code: nil, coder: "inline", format: .md))
        for arguments in [["freq", "--where", "organisatie"], ["freq", "--where", "=x"], ["freq", "--where", "x="], ["agree", "--coders", "a,b", "--by", "type"],
                          ["check", "--where", "type=interview"], ["cooc", "--where", "type=interview"], ["compare", "--perspectives", "a,A"],
                          ["compare"], ["matrix", "--format", "json"], ["matrix", "--excel", "--format", "md"], ["cooc", "--by", "zin"]] {
            #expect(throws: UsageError.self, "\(arguments)") { try CommandParser.parse(arguments) }
        }
    }
}
