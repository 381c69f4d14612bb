import Foundation
import Testing
@testable import CodeboomTestSupport

/// A value on the command line that matches nothing in the project is an error that lists what there
/// is and suggests the nearest — never a table of zeros that looks exact (issue 20).
@Suite struct UnmatchedValueCLITests {
    /// The mistakes as a researcher makes them on the mini study: a coder typed in the wrong case or
    /// made up, a perspective misspelt, a document named without its suffix, a code id missing a letter.
    static let mistakes: [[String]] = [
        ["freq", "--coder", "XYZ"],
        ["freq", "--coder", "ts", "--format", "csv"],
        ["report", "--coder", "Inline"],
        ["agree", "--coders", "inline,TX"],
        ["autocode", "--evaluate", "--against", "tss"],
        ["search", "klik", "--perspective", "vrijwiliger"],
        ["search", "klik", "--code", "klik", "--perspective", "clint"],
        ["search", "klik", "--code", "klk"],
        ["search", "klik", "--code", "klik", "--coder", "T"],
        ["segments", "interview"],
        ["segments", "focus-groep"],
    ]

    @Test("each value that matches nothing exits 1, prints nothing on stdout and names the valid values and the nearest")
    func unmatchedValues() throws {
        var transcript = ""
        for arguments in Self.mistakes {
            let result = try runCodeboom(arguments, in: TestPaths.miniStudy)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            transcript += "$ codeboom \(arguments.joined(separator: " "))\n\(result.stderr)"
        }
        expectGolden(transcript, "mini-study/unmatched-values.txt")
    }

    @Test("a report for a coder that matches nothing writes no page")
    func reportWritesNothing() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-unmatched-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try runCodeboom(["report", "--coder", "TSS", "--out", output.path], in: TestPaths.miniStudy)
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("values that match, in another case or spelling of a perspective, still count")
    func matchingValues() throws {
        for arguments in [["freq", "--coder", "TS"], ["search", "klik", "--perspective", "Client"], ["segments", "focusgroep"]] {
            let result = try runCodeboom(arguments, in: TestPaths.miniStudy)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    @Test("a project without any codings counts zero for any coder, which is no error")
    func noCodingsYet() throws {
        let project = try TemporaryProject(["Corpus/a.txt": "---\nperspectief: cliënt\n---\nR: ja\n"])
        defer { project.remove() }
        let result = try runCodeboom(["freq", "--coder", "XYZ", "--format", "csv", "--project", project.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("alpha,thema/alpha,cliënt,0,0,0,1"))
    }
}
