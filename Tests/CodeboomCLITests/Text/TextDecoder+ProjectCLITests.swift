import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct DecodingProjectFilesCLITests {
    static let nulAdvice = "the file holds a NUL byte, which text never does: it is a binary file, or UTF-16 or UTF-32 text without a byte order mark — check that this is the text file you meant, and save it as UTF-8 text"

    @Test("a transcript of NUL bytes, or with one, is an error and check fails")
    func nulTranscript() throws {
        let project = try TemporaryProject(["Corpus/goed.txt": "R: ja #alpha\n"])
        defer { project.remove() }
        try project.write("Corpus/nullen.txt", bytes: [UInt8](repeating: 0, count: 512))
        try project.write("Corpus/half.md", bytes: Array("R: ja\nR: n".utf8) + [0] + Array("ee\n".utf8))
        let load = try loadProject(project.path)
        #expect(load.errors.map(\.description) == [
            "Corpus/half.md:2:5: error: \(Self.nulAdvice)",
            "Corpus/nullen.txt:1:1: error: \(Self.nulAdvice)",
        ])
        #expect(load.project.documents.map(\.id) == ["goed"])
        let check = try runCodeboom(["check", "--project", project.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("Corpus/nullen.txt:1:1: error: the file holds a NUL byte"))
    }

    @Test("CSV tables: UTF-16 without BOM is read; a NUL byte is an error, and a report is refused when it is the pseudonym list")
    func tables() throws {
        let project = try TemporaryProject([
            "Corpus/focusgroep.txt": "---\ntype: focusgroep\nperspectief: vrijwilliger\n---\nAnouk: Joke zei ja. #alpha\nAnouk: Goed.\n",
        ])
        defer { project.remove() }
        try project.write("Corpus/respondenten.csv", bytes: EncodedText.utf16(
            "respondent,perspectief,document,spreker\nV2,vrijwilliger,focusgroep,Anouk\n", littleEndian: true))
        try project.write("Corpus/pseudoniemen.csv", bytes: Array("naam,pseudoniem\nJoke,".utf8) + [0] + Array("[naam]\n".utf8))
        try project.write("Corpus/codings/TS.csv", bytes: Array("document,segment,code\nfocusgroep,1,alpha\n".utf8) + [0, 0])
        let load = try loadProject(project.path)
        #expect(load.project.respondents.keys.sorted() == ["V2"])
        #expect(load.errors.map(\.description) == [
            "Corpus/codings/TS.csv:3:1: error: \(Self.nulAdvice)",
            "Corpus/pseudoniemen.csv:2:6: error: \(Self.nulAdvice)",
        ])
        #expect(load.warnings.map(\.description).contains(
            "Corpus/respondenten.csv:1:1: warning: no byte order mark; read as UTF-16LE by the NUL bytes in its characters — save the file as UTF-8 to be sure every character is read as meant"))
        let out = project.root.appendingPathComponent("Uit")
        let report = try runCodeboom(["report", "--project", project.path, "--out", out.path])
        #expect(report.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("index.md").path))
    }
}
