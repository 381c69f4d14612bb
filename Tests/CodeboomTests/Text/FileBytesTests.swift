import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite("Reading transcript files")
struct FileBytesTests {
    /// Writes `bytes` to a fresh file and reads it back as UTF-8 text, when it is that.
    func readUTF8(_ bytes: [UInt8]) throws -> String? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-bytes-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try FileBytes.readUTF8(url.path)
    }

    @Test("valid UTF-8 without a byte order mark is read as it is")
    func validUTF8() throws {
        #expect(try readUTF8(Array("R: cliënt 😀\n".utf8)) == "R: cliënt 😀\n")
        #expect(try readUTF8([]) == "")
    }

    @Test("the first bytes of a file: none of an empty one, all of a short one, and whether that is the whole file",
          arguments: [([], 0, [], true), ([], 4096, [], true), ([0x61, 0x62], 0, [], false), ([0x61, 0x62, 0x63], 2, [0x61, 0x62], false),
                      ([0x61, 0x62], 4096, [0x61, 0x62], true)] as [([UInt8], Int, [UInt8], Bool)])
    func prefix(bytes: [UInt8], maximum: Int, expected: [UInt8], isWhole: Bool) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-prefix-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let read = try FileBytes.readPrefix(url.path, maximum: maximum)
        #expect(read.bytes == expected && read.isWhole == isWhole)
    }

    @Test("anything else is left to the decoder: a BOM, invalid bytes, a repair of the same length, a U+FFFD, a NUL",
          arguments: [
            [0xEF, 0xBB, 0xBF, 0x61],                         // byte order mark
            [0x63, 0x61, 0x66, 0xE9],                         // Windows-1252 "café"
            [0xF0, 0x9F, 0x98, 0x61, 0x62],                   // a cut-off emoji: three bytes repaired to one U+FFFD of three
            [0x61, 0xEF, 0xBF, 0xBD, 0x62],                   // a real U+FFFD: the decoder decides
            [0xFF, 0xFE, 0x61, 0x00],                         // UTF-16 with its BOM
            [0x61, 0x00, 0x62, 0x00],                         // UTF-16 without a BOM: valid UTF-8, but NUL bytes
            [0x00],                                           // a NUL byte, which no text holds
          ] as [[UInt8]])
    func otherBytesAreLeftToTheDecoder(bytes: [UInt8]) throws {
        #expect(try readUTF8(bytes) == nil)
    }

    @Test("a transcript holding a real U+FFFD still reads as UTF-8, without a warning")
    func replacementCharacterInText() throws {
        let project = try TemporaryProject(["Corpus/a.txt": "R: onleesbaar \u{FFFD} teken\n"])
        defer { project.remove() }
        let read = DocumentReader.read(project.root.appendingPathComponent("Corpus/a.txt"), relativePath: "Corpus/a.txt")
        #expect(read.diagnostics.isEmpty)
        #expect(read.parsed?.document.encoding == .utf8)
        #expect(read.parsed.flatMap { parsed in parsed.document.segments.first.map(parsed.document.text(of:)) } == "onleesbaar \u{FFFD} teken")
    }
}
