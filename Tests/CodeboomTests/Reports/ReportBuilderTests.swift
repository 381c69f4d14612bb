import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct ReportBuilderTests {
    func miniContext() throws -> ReportContext {
        ReportContext(project: try loadProject(TestPaths.miniStudy).project, coder: "inline")
    }

    @Test("every page of the mini study matches its reviewed golden file")
    func golden() throws {
        for page in ReportBuilder.pages(try miniContext()) {
            expectGolden(page.content, "mini-study/report/\(page.file)")
        }
    }

    @Test("the results table numbers themes across categories and shows n/N per perspective (hand count)")
    func resultsTable() throws {
        let text = ResultsTablePage.render(try miniContext())
        // Columns: cliënt (N=1), professional (N=1: P1), vrijwilliger (N=2: V1, focusgroep/Kees), totaal (N=4).
        #expect(text.contains("| Nr. | Thema | Omschrijving | Cliënt (N=1) | Professional (N=1) | Vrijwilliger (N=2) | Totaal (N=4) |"))
        #expect(text.contains("| 1 | **Een goede klik** | Een klik tussen cliënt en vrijwilliger. | 1/1 | 0/1 | 2/2 | 3/4 |"))
        #expect(text.contains("| 2.1 | \u{2003}Snel antwoord | Binnen een dag antwoord. | 1/1 | 0/1 | 1/2 | 2/4 |"))
        #expect(text.contains("| 3 | **Agendadruk** | De professional heeft geen tijd. | 0/1 | 1/1 | 1/2 | 2/4 |"))
    }

    @Test("the deelvraag page names the perspectives that raise a theme most and least")
    func deelvraag() throws {
        let text = DeelvraagPage.render(2, context: try miniContext())
        #expect(text.contains("Genoemd door 2 van de 4 respondenten. Naar verhouding noemt de professional (1 van 1) dit thema het vaakst en de cliënt (0 van 1) het minst."))
    }

    @Test("the WIFA page counts respondents per dimension over its codes (hand count)")
    func wifa() throws {
        let text = WIFAPage.render(try miniContext())
        // W = klik: C1, V1, Kees. A = korte-lijnen (+ snel-antwoord) and agendadruk: C1, V1, P1.
        #expect(text.contains("| Waardering | 1/1 | 0/1 | 2/2 | 3/4 |"))
        #expect(text.contains("| Afstemming | 1/1 | 1/1 | 1/2 | 3/4 |"))
        #expect(text.contains("| Informeren | 0/1 | 0/1 | 0/2 | 0/4 |"))
    }

    @Test("the perspective page orders themes by respondents and words them by the quantifier scale")
    func perspective() throws {
        let context = try miniContext()
        let text = PerspectivePage.render(Perspective("vrijwilliger"), context: context)
        #expect(text.contains("Beide vrijwilligers (2 van 2) noemen het thema *een goede klik* (2 fragmenten)."))
        #expect(text.contains("Eén van de vrijwilligers (1 van 2) noemt het thema *korte lijnen* (1 fragment). Daarbinnen: *snel antwoord* (1 van 2)."))
        let klik = try #require(text.range(of: "### 1. Een goede klik")), lijnen = try #require(text.range(of: "### 2. Korte lijnen"))
        #expect(klik.lowerBound < lijnen.lowerBound)
    }

    @Test("no listed name appears in any report page")
    func pseudonyms() throws {
        let pages = ReportBuilder.pages(try miniContext())
        #expect(pages.contains { $0.content.contains("[vrijwilliger]") })
        for page in pages {
            #expect(!page.content.localizedCaseInsensitiveContains("Joke"), "\(page.file)")
            #expect(!page.content.localizedCaseInsensitiveContains("Marieke"), "\(page.file)")
        }
    }

    @Test("two runs give byte-identical files, and nothing but the pages is left in the folder")
    func determinism() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = try miniContext()
        let files = try ReportBuilder.write(context, to: folder).written
        let first = try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        _ = try ReportBuilder.write(try miniContext(), to: folder)
        let second = try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(first == second)
        // The charts are files in figuren/; the folder holds nothing else.
        let topLevel = Set(files.map { String($0.split(separator: "/")[0]) })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == (topLevel.sorted() + [ReportFolder.manifestName]).sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(ReportFigures.folder).path).sorted()
                == files.filter { $0.hasPrefix("figuren/") }.map { String($0.dropFirst(8)) }.sorted())
    }

    @Test("a failed write leaves the previous report intact and no temporary file behind")
    func atomic() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("index.md")
        try AtomicFileWriter.write("oud\n", to: target)
        // A folder where the file should go makes the rename fail after the temp file was written.
        let blocked = folder.appendingPathComponent("blocked.md")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(throws: AtomicFileWriter.WriteError.self) { try AtomicFileWriter.write("nieuw\n", to: blocked) }
        #expect(try String(contentsOf: target, encoding: .utf8) == "oud\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["blocked.md", "index.md"])
    }
}
