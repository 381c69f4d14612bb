import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct OddCharactersCLITests {
    static let hostileName = OddCharactersProject.hostileName

    static func project() throws -> URL { try OddCharactersProject.copy() }

    @Test("check shows the file name with its line break and escape visible, on one line")
    func check() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try runCodeboom(["check", "--project", root.path])
        #expect(result.status == 0)
        expectGolden(result.stdout, "odd-characters/check.txt")
        #expect(result.stdout.hasPrefix("Corpus/interview-\\u{A}\\u{1B}[31mnaam.txt:6:"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test("freq prints a table whose rows keep their columns")
    func freq() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try runCodeboom(["freq", "--project", root.path])
        #expect(result.status == 0)
        expectGolden(result.stdout, "odd-characters/freq.md")
        Self.expectIntactTables(result.stdout, name: "freq")
    }

    /// Every row of every table has as many cells as its header: counted at unescaped `|`.
    static func expectIntactTables(_ text: String, name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var expected: Int? = nil
        for line in text.components(separatedBy: "\n") {
            guard line.hasPrefix("|") else { expected = nil; continue }
            var count = 0, escaped = false
            for character in line {
                if character == "|" && !escaped { count += 1 }
                escaped = character == "\\" && !escaped
            }
            if let expected {
                #expect(count == expected, "\(name): \(line)", sourceLocation: sourceLocation)
            } else {
                expected = count
            }
        }
    }
}
