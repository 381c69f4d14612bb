import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct DocumentReaderCLITests {
    static let codebook = """
    # Formaten
    ## Thema {#thema}
    ### Klik {#klik}
    ### Korte lijnen {#korte-lijnen}
    ### Agendadruk {#agendadruk}
    ### Een juiste match {#juiste-match}
    ### Heldere rollen {#heldere-rollen}

    """

    /// A project holding one fixture file as Corpus/transcript.EXT, with its metadata in documenten.csv.
    func project(with fixture: String, as name: String) throws -> TemporaryProject {
        let project = try TemporaryProject([
            "Corpus/documenten.csv": "document,type,perspectief,respondent,bron\n\(name.split(separator: ".")[0]),interview,cliënt,C9,test\n",
        ], codebook: Self.codebook)
        try project.write("Corpus/\(name)", bytes: Array(try Fixtures.data(fixture)))
        return project
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
