import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct DocumentReaderCLITests {
    static let codebook = TemporaryProject.formatsCodebook

    func project(with fixture: String, as name: String) throws -> TemporaryProject {
        try TemporaryProject.holding(fixture: fixture, as: name)
    }

    @Test("freq --coder shows Word comment codings from the CLI")
    func wordCommentsCLI() throws {
        let project = try project(with: "comment.docx", as: "comment.docx")
        defer { project.remove() }
        let result = try runCodeboom(["freq", "--coder", "AdV", "--format", "csv", "--project", project.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("juiste-match,thema/juiste-match,cliënt,1,1,1,1"))
    }
}
