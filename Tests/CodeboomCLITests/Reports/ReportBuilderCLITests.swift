import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct ReportBuilderCLITests {
    @Test("report writes into --out and lists the files")
    func cli() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runCodeboom(["report", "--out", folder.path, "--date", "25 november 2026"], in: TestPaths.miniStudy)
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "\n").first == "\(folder.path)/index.md")
        #expect(try String(contentsOf: folder.appendingPathComponent("index.md"), encoding: .utf8).contains("Datum: 25 november 2026"))
    }
}
