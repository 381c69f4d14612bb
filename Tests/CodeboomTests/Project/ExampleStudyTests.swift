import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// Guards the bundled example study (the repo's own Codebooks/, Corpus/ and Reports/), so later
/// changes cannot silently break what a newcomer runs first.
@Suite struct ExampleStudyTests {
    let root = TestPaths.packageRoot.path

    @Test("the example study reads without errors or warnings")
    func valid() throws {
        let load = try loadProject(root)
        #expect(load.errors.isEmpty, "\(load.errors)")
        #expect(load.warnings.isEmpty, "\(load.warnings)")
    }

    @Test("16 interviews per perspective and 2 focus groups, as in the Vitras design")
    func shape() throws {
        let project = try loadProject(root).project
        let interviews = project.documents.filter { $0.type == .interview }
        var perPerspective: [String: Int] = [:]
        for document in interviews { perPerspective[document.perspective ?? "", default: 0] += 1 }
        #expect(perPerspective == ["cliënt": 4, "vrijwilliger": 5, "coördinator": 3, "professional": 4])
        #expect(project.documents.filter { $0.type == .focusgroep }.map(\.perspective) == ["professional", "vrijwilliger"])
        #expect(project.codebook.codes.filter { $0.depth == 1 }.count == 22)
        #expect(project.codebook.categories.map(\.id) == ["succesfactoren", "spanningen", "belemmeringen", "wensen", "co-creatie"])
    }

    @Test("every one of the 22 themes is raised by at least two respondents")
    func themesUsed() throws {
        let project = try loadProject(root).project
        let table = FrequencyTable(project: project, coder: "inline")
        for theme in project.codebook.codes where theme.depth == 1 {
            #expect(table.row(code: theme.id, perspective: nil)!.respondents >= 2, "\(theme.id)")
            #expect(table.row(code: theme.id, perspective: nil)!.segments >= 2, "\(theme.id)")
        }
    }

    @Test("Reports/ is exactly what `codeboom report` writes for the example study")
    func reportsAreCurrent() throws {
        let pages = ReportBuilder.pages(ReportContext(project: try loadProject(root).project, coder: "inline"))
        for page in pages {
            let committed = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Reports/\(page.file)"), encoding: .utf8)
            if committed != page.content {
                Issue.record("Reports/\(page.file) is out of date — run `swift run codeboom report`:\n\(lineDiff(committed, page.content))")
            }
        }
    }

    @Test("the results table lists the 22 Vitras themes in order under their five categories")
    func resultsTable() throws {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Reports/tabel-met-resultaten.md"), encoding: .utf8)
        let numbers = text.components(separatedBy: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("| ") else { return nil }
            return Int(line.dropFirst(2).prefix { $0 != " " })
        }
        #expect(numbers == Array(1...22))
        #expect(text.components(separatedBy: "\n").filter { $0.hasPrefix("## ") }.count == 5)
    }

    @Test("no name from pseudoniemen.csv appears in any report file")
    func pseudonyms() throws {
        let project = try loadProject(root).project
        let reports = TestPaths.packageRoot.appendingPathComponent("Reports")
        let files = try ReportFiles.texts(in: reports)
        #expect(files.contains { $0.file == "rapport.docx" } && files.contains { $0.file == "figuren/deelvraag-1.svg" })
        for (file, text) in files {
            let naive = NaivePseudonymiser(entries: project.pseudonyms.entries.map { ($0.name, $0.pseudonym) })
            #expect(naive.names(in: text).isEmpty, "\(naive.names(in: text).sorted()) in \(file)")
        }
    }
}
