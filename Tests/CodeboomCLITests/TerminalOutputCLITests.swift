import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct TerminalOutputCLITests {
    @Test("output to a terminal shows an escape sequence from the project visibly; output to a pipe stays byte for byte",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux script for a terminal"))
    func terminalOrPipe() throws {
        let project = try TemporaryProject(["Corpus/a.txt": "---\nperspectief: rood\u{1B}[31mx\nrespondent: R1\n---\nR: ja #alpha\n"])
        defer { project.remove() }
        let piped = try runCodeboom(["freq", "--format", "csv", "--project", project.path])
        #expect(piped.stdout.contains("alpha,thema/alpha,rood\u{1B}[31mx,1,1,1,1\n"))
        // `script` runs the command with its output on a pseudo-terminal.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(TestPaths.executable.path)' freq --format csv --project '\(project.path)'", "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let shown = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(shown.contains("alpha,thema/alpha,rood\\u{1B}[31mx,1,1,1,1\n"), "\(shown)")
        #expect(!shown.contains("\u{1B}"))
    }
}
