import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// Every file the tool reads as text — transcripts, the codebook, the CSV tables — goes through the same
/// decoder: UTF-16 without BOM is read, UTF-32 with BOM is read, NUL bytes are refused (issue 12.11).
@Suite struct DecodingProjectFilesTests {
    static let nulAdvice = "the file holds a NUL byte, which text never does: it is a binary file, or UTF-16 or UTF-32 text without a byte order mark — check that this is the text file you meant, and save it as UTF-8 text"

    @Test("a transcript in UTF-16 without BOM keeps its codings and counts, as its UTF-8 twin does")
    func utf16TranscriptKeepsCodings() throws {
        let text = "---\ntype: interview\nrespondent: R1\nperspectief: cliënt\n---\nI: Hoe gaat het?\nR: Goed, de coördinator belt. #alpha\n"
        var counts: [Int] = []
        for bytes in [Array(text.utf8), EncodedText.utf16(text, littleEndian: true), EncodedText.utf16(text, littleEndian: false)] {
            let project = try TemporaryProject([:])
            defer { project.remove() }
            try project.write("Corpus/a.txt", bytes: bytes)
            let load = try loadProject(project.path)
            #expect(load.errors.isEmpty, "\(load.errors)")
            let document = try #require(load.project.fullDocuments.first)
            #expect(document.segments.last.map(document.text(of:)) == "Goed, de coördinator belt.")
            counts.append(FrequencyTable(project: load.project, coder: "inline").row(code: "alpha", perspective: Perspective("cliënt"))?.segments ?? 0)
        }
        #expect(counts == [1, 1, 1])
    }

    @Test("a codebook with a NUL byte stops the project with one clear error; one in UTF-32 with BOM is read")
    func codebook() throws {
        let broken = try TemporaryProject(["Corpus/a.txt": "R: ja\n"], codebook: nil)
        defer { broken.remove() }
        try broken.write("Codebooks/c.md", bytes: Array("# T\n## A {#a}\n".utf8) + [0])
        #expect(throws: ProjectError.undecodable(.nulByte(SourceLocation(file: "Codebooks/c.md", line: 3, column: 1)))) { try loadProject(broken.path) }
        #expect(ProjectError.undecodable(.nulByte(SourceLocation(file: "Codebooks/c.md", line: 3, column: 1))).description == "Codebooks/c.md:3:1: error: \(Self.nulAdvice)")

        let utf32 = try TemporaryProject(["Corpus/a.txt": "R: ja #coördinatie\n"], codebook: nil)
        defer { utf32.remove() }
        try utf32.write("Codebooks/c.md", bytes: TextDecoderEncodingTests.utf32("# T\n## Coördinatie {#coördinatie}\n", littleEndian: true))
        let load = try loadProject(utf32.path)
        #expect(load.errors.isEmpty, "\(load.errors)")
        #expect(load.project.codebook.code(id: "coördinatie")?.label == "Coördinatie")
    }
}
