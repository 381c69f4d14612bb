import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// Reports that read as a Dutch research report (issue 20, point 4): singular and plural, "de enige
/// cliënt" instead of "de 1 cliënt", decimal commas and "12,5%" in Markdown (points stay in the CSV
/// and JSON contracts), the coder in words, and a WIFA page only for a codebook with `wifa:`.
/// Expected sentences are written by hand from the fixtures' counts.
@Suite struct ReportWordingTests {
    static let wordingStudy = TestPaths.fixtures.appendingPathComponent("wording-study").path

    func context(_ path: String, coder: String = "inline") throws -> ReportContext {
        ReportContext(project: try loadProject(path).project, coder: coder)
    }

    @Test("every page of the wording fixture matches its reviewed golden file")
    func golden() throws {
        for page in ReportBuilder.pages(try context(Self.wordingStudy)) {
            expectGolden(page.content, "wording-study/report/\(page.file)")
        }
    }

    // MARK: Singular and plural

    @Test("a perspective of one respondent is “de enige cliënt”, in 1 document, with singular verbs")
    func oneRespondent() throws {
        let context = try context(Self.wordingStudy)
        let client = PerspectivePage.render(Perspective("cliënt"), context: context)
        #expect(client.contains("Dit hoofdstuk beschrijft wat de enige cliënt (C1) in 1 document naar voren bracht, per deelvraag. "
                                + "Per thema staat of de cliënt het noemde, met citaten. Codering: in de tekst."))
        #expect(client.contains("De enige cliënt (1 van 1) noemt het thema *een goede klik* (1 fragment)."))
        #expect(client.contains("Geen cliënt (0 van 1) noemt een thema bij deze deelvraag."))
        let deelvraag = DeelvraagPage.render(2, context: context)
        #expect(deelvraag.contains("Genoemd door 1 van de 2 respondenten. Naar verhouding noemt de professional (1 van 1) dit thema het vaakst en de cliënt (0 van 1) het minst."))
        let first = DeelvraagPage.render(1, context: context)
        #expect(first.contains("Genoemd door beide respondenten. Alle perspectieven noemen het naar verhouding even vaak (cliënt 1 van 1, professional 1 van 1)."))
    }

    @Test("several respondents keep the plural: “de 4 cliënten … in 4 documenten … brachten”")
    func severalRespondents() throws {
        let context = try context(TestPaths.packageRoot.path)
        let client = PerspectivePage.render(Perspective("cliënt"), context: context)
        #expect(client.contains("Dit hoofdstuk beschrijft wat de 4 cliënten (C1, C2, C3, C4) in 4 documenten naar voren brachten, per deelvraag. "
                                + "Per thema staat hoeveel van hen het noemden, met citaten. Codering: in de tekst."))
        let index = IndexPage.render(context, pages: [])
        #expect(index.contains("362 coderingen in 18 van de 18 documenten; codeboek met 5 categorieën en 22 thema's."))
    }

    @Test("a study of one document, one category and one theme says so in the singular")
    func oneOfEverything() throws {
        let project = try TemporaryProject([
            "Corpus/interview.txt": "---\nperspectief: cliënt\nrespondent: C1\n---\nI: Hoe gaat het?\n\nR: Het klikt. #alpha\n",
        ], codebook: "# Eén\n\n## Thema {#thema}\ndeelvraag: 1\n\n### Alpha {#alpha}\n")
        defer { project.remove() }
        let context = try context(project.path)
        let index = IndexPage.render(context, pages: [])
        #expect(index.contains("\n1 codering in het enige document; codeboek met 1 categorie en 1 thema.\n"))
        let deelvraag = DeelvraagPage.render(1, context: context)
        #expect(deelvraag.contains("\nGenoemd door de enige respondent.\n"))
        #expect(!WIFAPage.applies(to: context.codebook))
    }

    @Test("search counts “1 treffer in 1 document” and “3 treffers in 2 documenten”")
    func searchCounts() throws {
        let project = try loadProject(Self.wordingStudy).project
        // "seconde" occurs once (interview-b §2); "klik" three times: interview-a §2 ("klikte"), interview-b §4 ("klik"), and not in tags.
        let one = KeywordSearch(project: project, terms: try KeywordTermParser.parse("seconde"))
        #expect(SearchMarkdownRenderer.render(one).hasSuffix("\n1 treffer in 1 document\n"))
        let three = KeywordSearch(project: project, terms: try KeywordTermParser.parse("klik*, appen"))
        #expect(three.hits.count == 3)
        #expect(SearchMarkdownRenderer.render(three).hasSuffix("\n3 treffers in 2 documenten\n"))
        let none = KeywordSearch(project: project, terms: try KeywordTermParser.parse("olifant"))
        #expect(SearchMarkdownRenderer.render(none).hasSuffix("\n0 treffers in 0 documenten\n"))
    }

    @Test("the WIFA page's code lines count in singular and plural")
    func wifaCounts() throws {
        let root = try Self.wordingStudyWithWIFA()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = WIFAPage.render(try context(root.path))
        // klik: C1 and P1, one fragment each; agendadruk: P1 only, one fragment.
        #expect(text.contains("- 1. Een goede klik (`klik`): 2 van 2 respondenten, 2 fragmenten"))
        #expect(text.contains("- 3. Agendadruk (`agendadruk`): 1 van 2 respondenten, 1 fragment\n"))
        #expect(text.contains("- De enige cliënt (1 van 1) brengt waardering ter sprake."))
        #expect(text.contains("- Geen cliënt (0 van 1) brengt afstemming ter sprake."))
    }

    /// A copy of the wording fixture in which klik has `wifa: W` and agendadruk `wifa: A`.
    static func wordingStudyWithWIFA() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-wording-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: wordingStudy), to: root)
        let codebook = root.appendingPathComponent("Codebooks/woorden.md")
        try String(contentsOf: codebook, encoding: .utf8)
            .replacingOccurrences(of: "{#klik}\n", with: "{#klik}\nwifa: W\n")
            .replacingOccurrences(of: "{#agendadruk}\n", with: "{#agendadruk}\nwifa: A\n")
            .write(to: codebook, atomically: true, encoding: .utf8)
        return root
    }

    // MARK: Numbers

    @Test("agreement in Markdown has decimal commas and “88,9%”; its CSV and JSON keep points")
    func agreementNumbers() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let table = AgreementTable(project: project, coders: ["inline", "TS"], unit: .segment)
        let markdown = AgreementMarkdownRenderer.render(table, project: project, disagreements: false)
        // The same figures as the CSV contract below (AgreementTableCLITests), written the Dutch way.
        #expect(markdown.contains("| Code | Eenheden | Overeenstemming | Cohen's kappa | Krippendorff's alpha |"))
        #expect(markdown.contains("| Een goede klik (`klik`) | 9 | 88,9% | 0,727 | 0,738 |"))
        #expect(markdown.contains("| Snel antwoord (`snel-antwoord`) | 9 | 77,8% | 0,000 | -0,062 |"))
        #expect(markdown.contains("| **Alle codes samen** | 36 | 86,1% | 0,583 | 0,585 |"))
        #expect(markdown.contains("9 segmenten in 3 documenten die minstens twee codeurs codeerden."))
        let csv = AgreementCSVRenderer.render(table)
        #expect(csv.contains("\nklik,9,88.9,0.727,0.738\n"))
        let json = AgreementJSONRenderer.render(table)
        #expect(json.contains("\"percent_agreement\" : 88.9"))
        #expect(!json.contains("88,9"))
    }

    @Test("the auto-coding evaluation prints precision and recall as “100,0%” and F1 with a comma")
    func evaluationNumbers() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let rules = KeywordRules(codebook: project.codebook)
        let evaluation = AutoCodeEvaluation(project: project, hits: AutoCoder(rules: rules).hits(in: project), rules: rules, against: "inline")
        let text = AutoCodeRenderer.evaluation(evaluation, codebook: project.codebook)
        // Overall (AutoCoderTests.evaluation, by hand): 9 both, 0 auto only, 1 person only; precision 1, recall 0.9, F1 18/19.
        #expect(text.contains("| Code | Beide | Alleen auto | Alleen inline | Precisie | Recall | F1 |"))
        #expect(text.contains("| **Alle codes** | 9 | 0 | 1 | 100,0% | 90,0% | 0,947 |"))
        #expect(text.contains("Vergeleken: de respondentsegmenten van 4 documenten die inline codeerde."))
    }

    @Test("Dutch numbers: a decimal comma, the percent sign right after, never “-0,0”", arguments: [
        (12.5, 1, "12,5"), (0.7272, 3, "0,727"), (-0.0004, 3, "0,000"), (-0.062, 3, "-0,062"), (100, 1, "100,0"),
    ])
    func dutchNumber(value: Double, decimals: Int, expected: String) {
        #expect(DutchNumber.decimal(value, decimals: decimals) == expected)
        #expect(DutchNumber.percent(value, decimals: decimals) == expected + "%")
    }

    // MARK: The coder in words

    @Test("the coder line says who coded: in de tekst, codeur TS, automatisch (trefwoorden)", arguments: [
        ("inline", "Codering: in de tekst."), ("TS", "Codering: codeur TS."), ("auto", "Codering: automatisch (trefwoorden)."),
    ])
    func coderLine(coder: String, line: String) throws {
        let pages = ReportBuilder.pages(try context(TestPaths.miniStudy, coder: coder))
        // 10 pages, samenhang.md, memos.md and a comparison for each two of the 3 perspectives.
        #expect(pages.count == 15)
        for page in pages where page.file.hasSuffix(".md") {
            #expect(page.content.contains(line), "\(page.file)")
            #expect(!page.content.contains("Codeur"), "\(page.file)")
            // The mini study's one memo says "offset coding beside the inline tags" in its own words.
            #expect(!page.content.replacingOccurrences(of: "beside the inline tags", with: "").contains("inline"), "\(page.file)")
        }
    }

    // MARK: The WIFA page

    @Test("wifa.md is written only when some code has wifa:, and a stale one is removed with the manifest")
    func wifaOnlyWithDimensions() throws {
        #expect(!ReportBuilder.pages(try context(Self.wordingStudy)).map(\.file).contains(WIFAPage.fileName))
        #expect(!IndexPage.render(try context(Self.wordingStudy), pages: []).contains("WIFA"))
        #expect(ReportBuilder.pages(try context(TestPaths.miniStudy)).map(\.file).contains(WIFAPage.fileName))

        // The same study, first with wifa: codes, then without: the second report removes the first's wifa.md.
        let root = try Self.wordingStudyWithWIFA()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("Reports")
        let first = try ReportBuilder.write(try context(root.path), to: folder)
        #expect(first.written.contains(WIFAPage.fileName))
        try "notities\n".write(to: folder.appendingPathComponent("notities.md"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: root.appendingPathComponent("Codebooks/woorden.md"))
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.wordingStudy).appendingPathComponent("Codebooks/woorden.md"),
                                         to: root.appendingPathComponent("Codebooks/woorden.md"))
        let second = try ReportBuilder.write(try context(root.path), to: folder)
        #expect(second.removed == [ReportFigures.wifaFile, WIFAPage.fileName])
        #expect(second.kept == ["notities.md"])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!files.contains(WIFAPage.fileName))
        #expect(files.contains("notities.md"))
        #expect(ReportFolder.manifest(of: folder)?.contains(WIFAPage.fileName) == false)
    }

    // MARK: The scan

    /// Everything a report or a Markdown command writes for the fixtures and the example study.
    static func generatedPages() throws -> [(name: String, content: String, themeNumbers: Set<String>)] {
        var pages: [(String, String, Set<String>)] = []
        func add(_ study: String, _ path: String, coders: [String]) throws {
            let project = try loadProject(path).project
            for coder in coders {
                let context = ReportContext(project: project, coder: coder)
                let numbers = Set(context.numbers.values)
                for page in ReportBuilder.pages(context) { pages.append(("\(study) (\(coder)) \(page.file)", page.content, numbers)) }
                pages.append(("\(study) (\(coder)) freq.md", FrequencyMarkdownRenderer.render(context.table, codebook: project.codebook), numbers))
            }
            let search = KeywordSearch(project: project, terms: try KeywordTermParser.parse("klik*, agenda*, tijd"))
            pages.append(("\(study) search.md", SearchMarkdownRenderer.render(search), []))
            if project.coders.count >= 2 {
                let table = AgreementTable(project: project, coders: Array(project.coders.prefix(2)), unit: .segment)
                pages.append(("\(study) agree.md", AgreementMarkdownRenderer.render(table, project: project, disagreements: true), []))
            }
            let rules = KeywordRules(codebook: project.codebook)
            let evaluation = AutoCodeEvaluation(project: project, hits: AutoCoder(rules: rules).hits(in: project), rules: rules, against: "inline")
            pages.append(("\(study) autocode.md", AutoCodeRenderer.evaluation(evaluation, codebook: project.codebook), []))
        }
        try add("example study", TestPaths.packageRoot.path, coders: ["inline"])
        try add("mini-study", TestPaths.miniStudy, coders: ["inline", "TS", "auto"])
        try add("wording-study", wordingStudy, coders: ["inline", "TS"])
        try add("odd-characters", TestPaths.fixtures.appendingPathComponent("odd-characters").path, coders: ["inline"])
        // The studies `codeboom init` writes, with and without example content.
        for (name, content) in [("init study", StudyTemplate.Content.example), ("init --leeg study", .empty)] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-wording-init-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try StudyTemplate(content).write(into: folder.path)
            try add(name, folder.path, coders: ["inline"])
        }
        return pages
    }

    /// What a page must never say: "1 treffers" (and any "1" before a plural noun), "de 1 ", a decimal
    /// point, or three opening quotation marks in a row.
    ///
    /// Left out of the decimal check: CSV files (the plain contract keeps points), code spans, theme
    /// numbers where they number a theme ("| 10.1 |", "### 10.1.", "- 10.1."), and block quotes,
    /// which are the respondent's own words ("om 12.30 uur").
    static func problems(in content: String, themeNumbers: Set<String>) -> [String] {
        var problems: [String] = []
        let pluralAfterOne = /(^|[^0-9,.\/])1 (treffers|documenten|fragmenten|coderingen|respondenten|segmenten|thema's|categorieën|codes)\b/
        if content.contains("de 1 ") { problems.append("“de 1 ”") }
        if content.contains("““") { problems.append("““") }
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains(pluralAfterOne) { problems.append("1 + plural: \(line)") }
            guard !line.hasPrefix(">"), !line.hasPrefix("  >") else { continue }
            var text = String(line)
            // Code spans show text literally (`10.1` as an id); remove them.
            text = text.replacing(/`+[^`]*`+/, with: "")
            // Theme numbers where they number a theme.
            text = text.replacing(/^(\| |### |- )(\d+(?:\.\d+)*)\.?(?= )/) { match in
                themeNumbers.contains(String(match.output.2)) ? match.output.1 : match.output.0
            }
            if text.contains(/\d\.\d/) { problems.append("decimal point: \(line)") }
        }
        return problems
    }

    @Test("no generated page says “1 treffers”, “de 1 ”, a decimal point or “““ (example study and fixtures)")
    func scan() throws {
        let pages = try Self.generatedPages()
        #expect(pages.count > 40)
        for page in pages where !page.name.hasSuffix(".csv") {
            let problems = Self.problems(in: page.content, themeNumbers: page.themeNumbers)
            #expect(problems.isEmpty, "\(page.name): \(problems)")
        }
        // The committed Reports/ of the example study as well (they equal the pages: ExampleStudyTests).
        let reports = TestPaths.packageRoot.appendingPathComponent("Reports")
        let numbers = Set(ReportContext(project: try loadProject(TestPaths.packageRoot.path).project, coder: "inline").numbers.values)
        for file in try FileManager.default.contentsOfDirectory(atPath: reports.path) where file.hasSuffix(".md") {
            let problems = Self.problems(in: try String(contentsOf: reports.appendingPathComponent(file), encoding: .utf8), themeNumbers: numbers)
            #expect(problems.isEmpty, "Reports/\(file): \(problems)")
        }
    }

    @Test("the scan finds each thing it looks for (so it can fail)", arguments: [
        "Er zijn 1 treffers in 2 documenten.", "wat de 1 vrijwilliger zei", "| Klik | 88.9 | 0,7 |", "> “““Ja”” zei hij",
        "Codeur: 1 coderingen.", "- 4.5. Geen thema",
    ])
    func scanFails(text: String) {
        #expect(!Self.problems(in: text, themeNumbers: ["10.1", "1", "4"]).isEmpty)
    }

    @Test("the scan lets theme numbers, code spans, CSV-like ids in code and respondents' words pass", arguments: [
        "| 10.1 | \u{2003}Loyaliteitsconflict | 0/4 |", "### 10.1. Loyaliteitsconflict", "- 10.1. Loyaliteitsconflict (`a.1`): 1 van 4",
        "> “Het is 12.30 uur.” (P1, interview-b §2)", "1 treffer in 1 document", "3 treffers in 2 documenten", "0/1 | 1/1 | 12,5%",
    ])
    func scanPasses(text: String) {
        #expect(Self.problems(in: text, themeNumbers: ["10.1", "1", "4"]).isEmpty)
    }
}
