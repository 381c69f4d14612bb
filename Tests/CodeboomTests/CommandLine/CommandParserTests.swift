import Testing
@testable import Codeboom

@Suite struct CommandParserTests {
    @Test("freq takes project, codebook, coder and format in any order")
    func freq() throws {
        #expect(try CommandParser.parse(["freq", "--format", "csv", "--project", "/p", "--coder=TS", "--codebook", "c.md"])
            == .freq(ProjectOptions(directory: "/p", codebook: "c.md"), coder: "TS", format: .csv))
        #expect(try CommandParser.parse(["freq"]) == .freq(ProjectOptions(), coder: "inline", format: .md))
    }

    @Test("--max-archive-size raises the archive limits")
    func archiveSize() throws {
        guard case .check(let options) = try CommandParser.parse(["check", "--max-archive-size", "500"]) else {
            Issue.record("not a check command"); return
        }
        #expect(options.archiveLimits.maxEntrySize == 500 * 1_048_576)
        #expect(throws: UsageError.self) { try CommandParser.parse(["check", "--max-archive-size", "veel"]) }
    }

    @Test("usage errors say what is wrong and where to look")
    func usageErrors() {
        #expect(throws: UsageError(message: "unknown command \"frek\"", command: nil)) { try CommandParser.parse(["frek"]) }
        #expect(throws: UsageError(message: "unknown format \"xls\" (use md, csv, json)", command: "freq")) {
            try CommandParser.parse(["freq", "--format", "xls"])
        }
        #expect(throws: UsageError(message: "--project needs a value", command: "check")) { try CommandParser.parse(["check", "--project"]) }
        #expect(throws: UsageError(message: "unexpected argument \"extra\"", command: "check")) { try CommandParser.parse(["check", "extra"]) }
    }

    @Test("--help works for every command and without one")
    func help() throws {
        #expect(try CommandParser.parse([]) == .help(topic: nil))
        for name in CommandParser.commandNames {
            #expect(try CommandParser.parse([name, "--help"]) == .help(topic: name))
            #expect(HelpText.text(for: name).contains("Example: codeboom \(name)"))
        }
    }
}
