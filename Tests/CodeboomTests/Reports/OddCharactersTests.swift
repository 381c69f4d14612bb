import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// The odd-characters fixture: a file name with a line break and an escape sequence, `|` in a
/// perspective, a respondent id and code labels, `<script>`, Markdown and links in transcripts.
/// Every output shows them as text: golden files, and checks that do not depend on them.
@Suite struct OddCharactersTests {
    static let hostileName = OddCharactersProject.hostileName

    static func project() throws -> URL { try OddCharactersProject.copy() }

    @Test("every report page matches its golden file: text stays text, tables keep their columns")
    func report() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let pages = ReportBuilder.pages(ReportContext(project: try loadProject(root.path).project, coder: "inline"))
        #expect(pages.map(\.file).contains("perspectief-pro-fessional.md"))
        for page in pages {
            expectGolden(page.content, "odd-characters/report/\(page.file)")
            guard page.file.hasSuffix(".md") else { continue }
            Self.expectIntactTables(page.content, name: page.file)
            #expect(!page.content.contains("<script"), "\(page.file)")
            #expect(!page.content.contains("<b>"), "\(page.file)")
            #expect(!page.content.contains("\u{1B}"), "\(page.file)")
            #expect(!page.content.replacingOccurrences(of: "\\](", with: "").contains("](http"), "\(page.file): a link from the project")
        }
        let quotes = try #require(pages.first { $0.file == "perspectief-pro-fessional.md" }).content
        #expect(quotes.contains("> “Mijn agenda zit vol &lt;script&gt;alert(‘x’)&lt;/script&gt; &amp; dat is \\*echt\\* zo"))
        #expect(quotes.contains("(P|1, interview- \\u{1B}[31mnaam §2)"))
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
