import Foundation
import Testing
@testable import CodeboomTestSupport

/// Runs the built `codeboom` binary, as a researcher would; with `home`, that folder is its home
/// folder, so a refusal of the home folder is tested without ever pointing the tool at the real one.
func runCodeboom(_ arguments: [String], in directory: String? = nil, home: URL? = nil) throws -> (stdout: String, stderr: String, status: Int32) {
    let process = Process()
    process.executableURL = TestPaths.executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let home {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        process.environment = environment
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self), process.terminationStatus)
}

@Suite struct CLITests {
    @Test("freq prints the mini study's table as Markdown, CSV and JSON")
    func freqFormats() throws {
        for format in ["md", "csv", "json"] {
            let result = try runCodeboom(["freq", "--format", format], in: TestPaths.miniStudy)
            #expect(result.status == 0)
            #expect(result.stderr == "note: 1 warning(s); `codeboom check` lists them\n")
            expectGolden(result.stdout, "mini-study/freq.\(format)")
        }
    }

    @Test("check prints every warning and a summary, exit status 0 without errors")
    func check() throws {
        let result = try runCodeboom(["check", "--project", TestPaths.miniStudy])
        #expect(result.status == 0)
        expectGolden(result.stdout, "mini-study/check.txt")
    }

    @Test("check exits 1 on errors; freq refuses to count a broken project")
    func errors() throws {
        let project = try TemporaryProject(["Corpus/a.txt": "R: ja #alfa\n"])
        defer { project.remove() }
        let check = try runCodeboom(["check", "--project", project.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("Corpus/a.txt:1:7: error: unknown code \"alfa\" — did you mean \"alpha\"?"))
        let freq = try runCodeboom(["freq", "--project", project.path])
        #expect(freq.status == 1)
        #expect(freq.stdout.isEmpty)
        #expect(freq.stderr.contains("1 error(s) — fix them first"))
    }

    @Test("a usage error exits 64 and points to --help")
    func usage() throws {
        let result = try runCodeboom(["freq", "--format", "xls"])
        #expect(result.status == 64)
        #expect(result.stderr == "error: unknown format \"xls\" (use md, csv, json) — see `codeboom freq --help`\n")
    }

    @Test("a folder without a project says what to do")
    func notAProject() throws {
        let result = try runCodeboom(["check"], in: FileManager.default.temporaryDirectory.path)
        #expect(result.status == 1)
        #expect(result.stderr == "Codebooks: error: folder not found — run codeboom in a project folder (with Codebooks/ and Corpus/) or pass --project DIR\n")
    }
}
