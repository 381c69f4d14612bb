import Testing
@testable import Codeboom
@testable import CodeboomCLI
@testable import CodeboomTestSupport

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

@Suite struct OptionValueTests {
    @Test("autocode --coder takes a plain name only: anything else is a usage error", arguments: [
        "../../x", "..", ".", ".verborgen", "a/b", "a\\b", "/tmp/x", "a b", "x\u{1B}[31m", "x\ny", "a:b", "a*b", "\u{301}a",
        String(repeating: "x", count: 51),
    ])
    func coderNotPlain(value: String) {
        #expect(throws: UsageError.self) { try CommandParser.parse(["autocode", "--coder", value]) }
        // Exit status 64; the project folder does not exist, so even a wrong acceptance could write nothing.
        #expect(CommandRunner.run(arguments: ["autocode", "--project", "/nonexistent-codeboom-project", "--coder", value]).exitStatus == 64)
    }

    @Test("plain coder names are accepted as they are", arguments: ["auto", "auto-2", "TS", "jan.de.vries", "coder_1", "Zoë", "-x", String(repeating: "x", count: 50)])
    func coderPlain(value: String) throws {
        #expect(try CommandParser.parse(["autocode", "--coder", value]) == .autocode(ProjectOptions(), coder: value, includeInterviewer: false, evaluateAgainst: nil))
    }

    @Test("an empty option value is a usage error, never the current folder or a hidden file", arguments: [
        ["autocode", "--coder", ""], ["autocode", "--coder="], ["report", "--out", ""], ["report", "--out="], ["check", "--project", ""],
        ["freq", "--coder", ""], ["freq", "--codebook="], ["agree", "--coders", ""], ["report", "--date="],
    ])
    func emptyValue(arguments: [String]) {
        #expect(throws: UsageError.self) { try CommandParser.parse(arguments) }
    }

    @Test("--max-archive-size out of range or not a whole number is a usage error, never an overflow", arguments: [
        "17592186044416", "9223372036854775807", "99999999999999999999999", "1048577", "0", "-5", "+5", "1e3", " 500", "500MB", "0x10", "٥",
    ])
    func archiveSizeRefused(value: String) {
        #expect(throws: UsageError(message: "--max-archive-size takes a whole number of MB from 1 to 1048576, like 500", command: "check")) {
            try CommandParser.parse(["check", "--max-archive-size", value])
        }
        #expect(CommandRunner.run(arguments: ["check", "--project", "/nonexistent-codeboom-project", "--max-archive-size", value]).exitStatus == 64)
    }

    @Test("--max-archive-size at both ends of its range gives exact byte limits")
    func archiveSizeRange() throws {
        for (value, bytes) in [("1", UInt64(1_048_576)), ("1048576", UInt64(1_099_511_627_776))] {
            guard case .check(let options) = try CommandParser.parse(["check", "--max-archive-size", value]) else {
                Issue.record("not a check command"); return
            }
            #expect(options.archiveLimits.maxEntrySize == bytes)
            #expect(options.archiveLimits.maxTotalSize == bytes)
        }
        // Built by a library caller, out of range: clamped, not a crash.
        #expect(ProjectOptions(maxArchiveMegabytes: Int.max).archiveLimits.maxEntrySize == 1_099_511_627_776)
        #expect(ProjectOptions(maxArchiveMegabytes: Int.min).archiveLimits.maxEntrySize == 1_048_576)
    }

    @Test("report takes --force and --out")
    func reportForce() throws {
        #expect(try CommandParser.parse(["report", "--out", "rapport", "--force"])
            == .report(ProjectOptions(), coder: "inline", output: "rapport", date: nil, force: true))
        #expect(try CommandParser.parse(["report"]) == .report(ProjectOptions(), coder: "inline", output: nil, date: nil, force: false))
    }

    @Test("no value of any option crashes the parser: each parses or is a usage error")
    func oddValuesNeverCrash() {
        let values = ["", "-", "--", "---", "=", "--x", "../../..", "/", "\u{0}", "\u{1B}[2J", "\n", "💥", String(repeating: "ä", count: 10_000),
                      "-1", "9223372036854775808", "nan", "inf", "md,csv", ",", ",,", "a,a", "segment ", "JSON"]
        let options = ["--project", "--codebook", "--max-archive-size", "--coder", "--format", "--out", "--date", "--coders", "--unit",
                       "--against", "--perspective", "--code"]
        var outcomes = 0
        for command in CommandParser.commandNames {
            for option in options {
                for value in values {
                    for arguments in [[command, option, value], [command, "\(option)=\(value)"], [command, value], [command, option, value, value]] {
                        do { _ = try CommandParser.parse(arguments) } catch { #expect(!error.description.isEmpty) }
                        outcomes += 1
                    }
                }
            }
        }
        #expect(outcomes == CommandParser.commandNames.count * options.count * values.count * 4)
    }
}

@Suite struct CodingCommandParserTests {
    @Test("codes, sheet, review and merge parse their options")
    func parses() throws {
        #expect(try CommandParser.parse(["codes"]) == .codes(ProjectOptions(), format: .text))
        #expect(try CommandParser.parse(["codes", "--format", "docx", "--out", "c.docx"]) == .codes(ProjectOptions(), format: .docx, output: "c.docx"))
        #expect(try CommandParser.parse(["sheet", "interview-a", "interview-b", "--coder", "TS"])
            == .sheet(ProjectOptions(), documents: ["interview-a", "interview-b"], coder: "TS"))
        #expect(try CommandParser.parse(["review", "--into", "TS"]) == .review(ProjectOptions(), from: "auto", into: "TS"))
        #expect(try CommandParser.parse(["review", "--from", "auto-2", "--into", "TS"]) == .review(ProjectOptions(), from: "auto-2", into: "TS"))
        #expect(try CommandParser.parse(["merge", "--coders", "inline, TS", "--into", "consensus"])
            == .merge(ProjectOptions(), coders: ["inline", "TS"], into: "consensus"))
    }

    @Test("their usage errors say what to give")
    func usageErrors() {
        #expect(throws: UsageError(message: "name the coder with --coder NAME; the sheet is Corpus/codings/NAME-DOCUMENT.docx", command: "sheet")) {
            try CommandParser.parse(["sheet", "interview-a"])
        }
        #expect(throws: UsageError(message: "name the document(s) to make a sheet for", command: "sheet")) {
            try CommandParser.parse(["sheet", "--coder", "TS"])
        }
        #expect(throws: UsageError.self) { try CommandParser.parse(["sheet", "x", "--coder", "../TS"]) }
        #expect(throws: UsageError(message: "--into must be another coder than --from", command: "review")) {
            try CommandParser.parse(["review", "--into", "auto"])
        }
        #expect(throws: UsageError(message: "--into \"TS.rejected\" would be a file of rejections; choose a name not ending in .rejected", command: "review")) {
            try CommandParser.parse(["review", "--into", "TS.rejected"])
        }
        #expect(throws: UsageError(message: "--coders needs two different coders, like inline,TS", command: "merge")) {
            try CommandParser.parse(["merge", "--coders", "inline,TS,auto", "--into", "C"])
        }
        #expect(throws: UsageError(message: "--into must be a new coder, not TS itself", command: "merge")) {
            try CommandParser.parse(["merge", "--coders", "inline,TS", "--into", "TS"])
        }
        #expect(throws: UsageError(message: "--out goes with --format docx; text and md are printed", command: "codes")) {
            try CommandParser.parse(["codes", "--out", "x.docx"])
        }
    }
}
