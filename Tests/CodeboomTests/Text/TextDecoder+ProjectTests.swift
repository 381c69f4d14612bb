import Foundation
import Testing
@testable import Codeboom

/// Every file the tool reads as text — transcripts, the codebook, the CSV tables — goes through the same
/// decoder: UTF-16 without BOM is read, UTF-32 with BOM is read, NUL bytes are refused (issue 12.11).
@Suite struct DecodingProjectFilesTests {
    static let nulAdvice = "the file holds a NUL byte, which text never does: it is a binary file, or UTF-16 or UTF-32 text without a byte order mark — check that this is the text file you meant, and save it as UTF-8 text"

    @Test("a transcript in UTF-16 without BOM keeps its codings and counts, as its UTF-8 twin does")
    func utf16TranscriptKeepsCodings() throws {
        let text = "---\ntype: interview\nrespondent: R1\nperspectief: cliënt\n---\nI: Hoe gaat het?\nR: Goed, de coördinator belt. #alpha\n"
        var counts: [Int] = []
        for bytes in [Array(text.utf8), TextDecoderEncodingTests.utf16(text, littleEndian: true), TextDecoderEncodingTests.utf16(text, littleEndian: false)] {
            let project = try TemporaryProject([:])
            defer { project.remove() }
            try project.write("Corpus/a.txt", bytes: bytes)
            let load = try loadProject(project.path)
            #expect(load.errors.isEmpty, "\(load.errors)")
            #expect(load.project.documents.first?.segments.last?.text == "Goed, de coördinator belt.")
            counts.append(FrequencyTable(project: load.project, coder: "inline").row(code: "alpha", perspective: Perspective("cliënt"))?.segments ?? 0)
        }
        #expect(counts == [1, 1, 1])
    }

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

    @Test("a codebook with a NUL byte stops the project with one clear error; one in UTF-32 with BOM is read")
    func codebook() throws {
        let broken = try TemporaryProject(["Corpus/a.txt": "R: ja\n"], codebook: nil)
        defer { broken.remove() }
        try broken.write("Codebooks/c.md", bytes: Array("# T\n## A {#a}\n".utf8) + [0])
        #expect(throws: ProjectError.undecodable(file: "Codebooks/c.md", .nulByte(line: 3, column: 1))) { try loadProject(broken.path) }
        #expect(ProjectError.undecodable(file: "Codebooks/c.md", .nulByte(line: 3, column: 1)).description == "Codebooks/c.md:3:1: error: \(Self.nulAdvice)")

        let utf32 = try TemporaryProject(["Corpus/a.txt": "R: ja #coördinatie\n"], codebook: nil)
        defer { utf32.remove() }
        try utf32.write("Codebooks/c.md", bytes: TextDecoderEncodingTests.utf32("# T\n## Coördinatie {#coördinatie}\n", littleEndian: true))
        let load = try loadProject(utf32.path)
        #expect(load.errors.isEmpty, "\(load.errors)")
        #expect(load.project.codebook.code(id: "coördinatie")?.label == "Coördinatie")
    }

    @Test("CSV tables: UTF-16 without BOM is read; a NUL byte is an error, and a report is refused when it is the pseudonym list")
    func tables() throws {
        let project = try TemporaryProject([
            "Corpus/focusgroep.txt": "---\ntype: focusgroep\nperspectief: vrijwilliger\n---\nAnouk: Joke zei ja. #alpha\nAnouk: Goed.\n",
        ])
        defer { project.remove() }
        try project.write("Corpus/respondenten.csv", bytes: TextDecoderEncodingTests.utf16(
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
