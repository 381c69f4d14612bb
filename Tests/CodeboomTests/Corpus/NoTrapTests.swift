import Foundation
import Testing

@testable import Codeboom

/// Inputs that once reached a `!` or a `precondition`: each now has an answer.
@Suite struct NoTrapTests {
    @Test("a file whose extension lower-cases to another length keeps its name as id", arguments: [
        ("verslag.TXT", "verslag"), ("gesprek.İ", "gesprek"), ("ÉÉN.TXT", "ÉÉN"),
    ])
    func idFromName(name: String, id: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-trap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try Data("R: ja\n".utf8).write(to: url)
        let read = DocumentReader.read(url, relativePath: "Corpus/\(name)")
        #expect(read.parsed?.document.id == id)
    }

    @Test("an empty file reads as no bytes")
    func emptyFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString).txt")
        try Data().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try FileBytes.read(url.path) == [])
        #expect(try FileBytes.readUTF8(url.path) == "")
    }

    @Test("a count outside 0…total reads as the nearest bound instead of stopping the report")
    func quantifierBounds() {
        #expect(Quantifier(count: 7, of: 6) == .all)
        #expect(Quantifier(count: -1, of: 6) == .none)
        #expect(Quantifier(count: 1, of: 0) == .none)
    }

    @Test("Dutch lists: a, a en b, a, b en c")
    func dutchList() {
        #expect([String]().joinedAsDutchList == "")
        #expect(["1"].joinedAsDutchList == "1")
        #expect(["1", "2"].joinedAsDutchList == "1 en 2")
        #expect(["1", "2", "3"].joinedAsDutchList == "1, 2 en 3")
    }
}
