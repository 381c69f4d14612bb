import Foundation
import Testing
@testable import CodeboomCLI
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct InitCommandTests {
    /// A fresh, existing, empty folder to run in; removed by the caller.
    func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-init-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    // MARK: Parsing

    @Test("init takes at most one folder (or --project) and --leeg; the current folder by default",
          arguments: [
            (["init"], Command.newStudy(directory: ".", content: .example)),
            (["init", "mijn-onderzoek"], .newStudy(directory: "mijn-onderzoek", content: .example)),
            (["init", "--leeg", "x"], .newStudy(directory: "x", content: .empty)),
            (["init", "x", "--leeg"], .newStudy(directory: "x", content: .empty)),
            (["init", "--project", "x"], .newStudy(directory: "x", content: .example)),
            (["init", "--help"], .help(topic: "init")),
          ])
    func parse(arguments: [String], command: Command) throws {
        #expect(try CommandParser.parse(arguments) == command)
    }

    @Test("a second folder, a folder given twice or an unknown option is a usage error",
          arguments: [
            (["init", "a", "b"], "unexpected argument \"b\""),
            (["init", "--project", "a", "b"], "give the folder once, as `codeboom init DIR`"),
            (["init", "--empty"], "unexpected argument \"--empty\""),
            (["init", "--project"], "--project needs a value"),
          ])
    func usageErrors(arguments: [String], message: String) {
        #expect(throws: UsageError(message: message, command: "init")) { try CommandParser.parse(arguments) }
    }

    // MARK: The binary

    @Test("init writes a study that check accepts at once and report turns into pages with themes and quotes")
    func initCheckReport() throws {
        let parent = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let initRun = try runCodeboom(["init", "mijn-onderzoek"], in: parent.path)
        #expect(initRun.status == 0)
        #expect(initRun.stderr.isEmpty)
        expectGolden(initRun.stdout, "init-study/init.txt")
        let study = parent.appendingPathComponent("mijn-onderzoek")

        let check = try runCodeboom(["check"], in: study.path)
        #expect(check.status == 0)
        #expect(check.stdout.contains("0 error(s), 0 warning(s)"))
        expectGolden(check.stdout, "init-study/check.txt")

        let report = try runCodeboom(["report"], in: study.path)
        #expect(report.status == 0)
        #expect(report.stderr.isEmpty)
        let files = report.stdout.split(separator: "\n").map { String($0.dropFirst("Reports/".count)) }
        let pages = files.filter(ReportFiles.isPage)
        #expect(pages.sorted() == [
            "deelvraag-1.md", "deelvraag-2.md", "deelvraag-3.md", "deelvraag-4.md", "frequenties.csv", "frequenties.md",
            "index.md", "memos.md", "perspectief-vrijwilliger.md", "samenhang.md", "tabel-met-resultaten.md", "wifa.md",
        ])
        #expect(files.filter { !ReportFiles.isPage($0) }.sorted() == ReportFiles.outputs(deelvragen: 4, wifa: true).sorted())
        for page in pages {
            expectGolden(try text(study.appendingPathComponent("Reports/\(page)")), "init-study/report/\(page)")
        }
        try expectThemesAndQuotes(in: study.appendingPathComponent("Reports"))
        // The sentence each tag of the example interview ends, as a reader of Corpus/interview-01.txt finds it.
        try expectQuotes(in: study.appendingPathComponent("Reports/perspectief-vrijwilliger.md"), [
            "Waardering voor elkaar": ["Ik voelde me echt serieus genomen, niet alleen als een extra paar handen."],
            "Hoeveel informatie delen": ["Daar heb ik een keer een nacht wakker van gelegen."],
            "Agendadruk": ["Dan regel ik het maar zelf met het gezin."],
            "Vaker afstemmen": ["Dan hoef ik niet steeds te bedenken of iets belangrijk genoeg is om haar te storen."],
        ])
    }

    @Test("with three transcripts added as the README says, check is clean and every page holds themes and quotes")
    func threeTranscriptsByHand() throws {
        let parent = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        #expect(try runCodeboom(["init", "studie"], in: parent.path).status == 0)
        let study = parent.appendingPathComponent("studie")
        let corpus = study.appendingPathComponent("Corpus")
        // Written as the README shows: front matter between `---` lines, I:/R: turns, `#id` at the end of a turn.
        try """
        ---
        id: interview-02
        type: interview
        perspectief: professional
        respondent: P1
        datum: 2025-04-02
        ---
        I: Wat gaat er goed in de samenwerking met de vrijwilliger?

        R: Ze bedankt me na elk huisbezoek en vraagt ook hoe het met mij gaat. Dat zie je niet vaak. #waardering

        I: En wat is lastig?

        R: Mijn caseload is te groot. Ik zeg afspraken af die ik liever had laten doorgaan, en de vrijwilliger merkt dat als eerste. #agendadruk

        I: Wat vertel je de vrijwilliger over een gezin?

        R: Niet alles. Het dossier is van de cliënt, dus ik vraag eerst of ik iets mag doorgeven. Soms voelt dat alsof ik de vrijwilliger in het ongewisse laat. #informatie-delen

        """.write(to: corpus.appendingPathComponent("interview-02.txt"), atomically: true, encoding: .utf8)
        try """
        ---
        id: interview-03
        type: interview
        perspectief: cliënt
        respondent: C1
        datum: 2025-04-09
        ---
        I: Hoe gaat het met de hulp bij uw post?

        R: Heel goed. Elke dinsdag komt ze, en we doen het samen. Ik durf de brieven weer open te maken. #waardering

        I: Zou u iets anders willen?

        R: Dat ze eens met z'n drieën aan tafel gaan, met de mevrouw van de gemeente erbij. Nu moet ik alles twee keer vertellen. #meer-afstemmen

        """.write(to: corpus.appendingPathComponent("interview-03.txt"), atomically: true, encoding: .utf8)
        try """
        ---
        id: focusgroep-1
        type: focusgroep
        perspectief: vrijwilliger
        datum: 2025-05-14
        ---
        Gespreksleider: Wat gaat er goed?

        Anouk: De coördinator belt na elke nieuwe koppeling of het klikt. Daar voel ik me gezien door. #waardering

        Gerrit: Bij mij ook. Maar de maatschappelijk werker heeft nooit tijd, die agenda zit altijd vol. #agendadruk

        Gespreksleider: En wat zouden jullie willen?

        Anouk: Een vast overleg, eens per kwartaal, met alle vrijwilligers en de professionals erbij. #meer-afstemmen

        Gerrit: Ja, dat zou helpen.

        """.write(to: corpus.appendingPathComponent("focusgroep-1.txt"), atomically: true, encoding: .utf8)
        // The README's rows for a focusgroep and its names, added under the headers init wrote.
        let respondents = corpus.appendingPathComponent("respondenten.csv")
        try (try text(respondents) + "V2,vrijwilliger,focusgroep-1,Anouk\nV3,vrijwilliger,focusgroep-1,Gerrit\n")
            .write(to: respondents, atomically: true, encoding: .utf8)
        let pseudonyms = corpus.appendingPathComponent("pseudoniemen.csv")
        try (try text(pseudonyms) + "Anouk,V2\nGerrit,V3\n").write(to: pseudonyms, atomically: true, encoding: .utf8)

        let check = try runCodeboom(["check"], in: study.path)
        #expect(check.status == 0)
        // Hand count: 4 documents; 13 + 6 + 4 + 6 turns; V1, P1, C1, V2, V3; 4 + 3 + 2 + 3 tags; notes on the two
        // transcripts that hold listed names.
        #expect(check.stdout.hasSuffix("0 error(s), 0 warning(s), 2 note(s) — 4 documents, 29 segments, 5 respondents, 8 codes, 12 codings by 1 coder(s)\n"))

        let report = try runCodeboom(["report"], in: study.path)
        #expect(report.status == 0)
        #expect(report.stderr.isEmpty)
        let reports = study.appendingPathComponent("Reports")
        let perspectivePages = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasPrefix("perspectief-") }.sorted()
        #expect(perspectivePages == ["perspectief-client.md", "perspectief-professional.md", "perspectief-vrijwilliger.md"])
        try expectThemesAndQuotes(in: reports)
        // Under each theme, quotes from what this perspective's respondents said with that tag: the sentence the
        // tag ends, from the transcripts above (and, for the vrijwilligers, from the example interview).
        try expectQuotes(in: reports.appendingPathComponent("perspectief-client.md"), [
            "Waardering voor elkaar": ["Ik durf de brieven weer open te maken."],
            "Vaker afstemmen": ["Nu moet ik alles twee keer vertellen."],
        ])
        try expectQuotes(in: reports.appendingPathComponent("perspectief-professional.md"), [
            "Waardering voor elkaar": ["Dat zie je niet vaak."],
            "Hoeveel informatie delen": ["Soms voelt dat alsof ik de vrijwilliger in het ongewisse laat."],
            "Agendadruk": ["en de vrijwilliger merkt dat als eerste."],
        ])
        try expectQuotes(in: reports.appendingPathComponent("perspectief-vrijwilliger.md"), [
            "Waardering voor elkaar": ["niet alleen als een extra paar handen.", "Daar voel ik me gezien door."],
            "Hoeveel informatie delen": ["Daar heb ik een keer een nacht wakker van gelegen."],
            "Agendadruk": ["Dan regel ik het maar zelf met het gezin.", "die agenda zit altijd vol."],
            "Vaker afstemmen": ["om haar te storen.", "met alle vrijwilligers en de professionals erbij."],
        ])
        // Hand count of the results table, per theme: cliënt, professional, vrijwilliger (V1, V2, V3), totaal.
        let table = try text(reports.appendingPathComponent("tabel-met-resultaten.md"))
        #expect(table.contains("| Cliënt (N=1) | Professional (N=1) | Vrijwilliger (N=3) | Totaal (N=5) |"))
        func row(_ label: String) -> String? { table.split(separator: "\n").first { $0.contains("| **\(label)** |") }.map(String.init) }
        #expect(row("Waardering voor elkaar")?.hasSuffix("| 1/1 | 1/1 | 2/3 | 4/5 |") == true)         // C1, P1, V1, V2
        #expect(row("Hoeveel informatie delen")?.hasSuffix("| 0/1 | 1/1 | 1/3 | 2/5 |") == true)       // P1, V1
        #expect(row("Agendadruk")?.hasSuffix("| 0/1 | 1/1 | 2/3 | 3/5 |") == true)                     // P1, V1, V3
        #expect(row("Vaker afstemmen")?.hasSuffix("| 1/1 | 0/1 | 2/3 | 3/5 |") == true)                // C1, V1, V2
        // No name the tables list reaches a page.
        for (page, content) in try ReportFiles.texts(in: reports) {
            #expect(!content.contains("Anouk") && !content.contains("Gerrit") && !content.contains("Marloes"), "\(page)")
        }
    }

    /// Every perspective page holds at least one theme and every theme on it a quote; every deelvraag page
    /// holds a theme; the results table holds the four example themes.
    func expectThemesAndQuotes(in reports: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: reports.path)
        #expect(names.contains { $0.hasPrefix("perspectief-") }, sourceLocation: sourceLocation)
        for name in names where name.hasPrefix("perspectief-") {
            let themes = try text(reports.appendingPathComponent(name)).components(separatedBy: "\n### ").dropFirst()
            #expect(!themes.isEmpty, "\(name)", sourceLocation: sourceLocation)
            for theme in themes {
                #expect(theme.contains("\n> “"), "\(name): \(theme.prefix(40))", sourceLocation: sourceLocation)
            }
        }
        #expect(names.filter { $0.hasPrefix("deelvraag-") }.count == 4, sourceLocation: sourceLocation)
        for name in names where name.hasPrefix("deelvraag-") {
            #expect(try text(reports.appendingPathComponent(name)).contains("\n### "), "\(name)", sourceLocation: sourceLocation)
        }
        let table = try text(reports.appendingPathComponent("tabel-met-resultaten.md"))
        for label in ["Waardering voor elkaar", "Hoeveel informatie delen", "Agendadruk", "Vaker afstemmen"] {
            #expect(table.contains("| **\(label)** |"), "\(label)", sourceLocation: sourceLocation)
        }
    }

    /// The page's themes (its `###` headings, numbering aside) are exactly `expected`'s, each holds a quote, and
    /// every quote under a theme holds one of the sentences given for it — never a tag or a speaker label.
    func expectQuotes(in page: URL, _ expected: [String: [String]],
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let sections = try text(page).components(separatedBy: "\n### ").dropFirst()
        var themes: [String] = []
        for section in sections {
            let lines = section.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let heading = lines[0]
            guard let label = expected.keys.first(where: { heading.hasSuffix(" " + $0) }) else {
                Issue.record("\(page.lastPathComponent): unexpected theme \"\(heading)\"", sourceLocation: sourceLocation)
                continue
            }
            themes.append(label)
            let quotes = lines.filter { $0.hasPrefix("> ") }
            #expect(!quotes.isEmpty, "\(page.lastPathComponent): \(label) has no quote", sourceLocation: sourceLocation)
            for quote in quotes {
                #expect(expected[label]!.contains { quote.contains($0) }, "\(page.lastPathComponent): \(label): \(quote)",
                        sourceLocation: sourceLocation)
                #expect(!quote.contains("#") && !quote.contains("> “R:"), "\(quote)", sourceLocation: sourceLocation)
            }
        }
        #expect(themes.sorted() == expected.keys.sorted(), "\(page.lastPathComponent)", sourceLocation: sourceLocation)
    }

    @Test("init writes into a named folder that exists and is empty, and check accepts the study with 0 errors")
    func namedEmptyFolder() throws {
        let parent = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let study = parent.appendingPathComponent("studie")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: false)
        let run = try runCodeboom(["init", "studie"], in: parent.path)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Wrote a new study in studie:\n  README.md\n"))
        #expect(run.stdout.contains("\n  cd studie\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: study.path).sorted() == ["Codebooks", "Corpus", "README.md"])
        let check = try runCodeboom(["check"], in: study.path)
        #expect(check.status == 0)
        #expect(check.stdout.contains("\n0 error(s), 0 warning(s), 1 note(s) — 1 documents, 13 segments, 1 respondents"))
    }

    @Test("init refuses a named folder that holds a file: exit status 64, the folder and what to do named, nothing changed")
    func refusesNamedNonEmpty() throws {
        let parent = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let study = parent.appendingPathComponent("mijn-onderzoek")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: false)
        try "eerste ideeën\n".write(to: study.appendingPathComponent("notities.txt"), atomically: false, encoding: .utf8)
        for arguments in [["init", "mijn-onderzoek"], ["init", "--leeg", "mijn-onderzoek"]] {
            let run = try runCodeboom(arguments, in: parent.path)
            #expect(run.status == 64)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == "mijn-onderzoek: error: the folder is not empty (it holds notities.txt) — a new study needs a new or empty folder: give one, like `codeboom init mijn-onderzoek-2`\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: study.path) == ["notities.txt"])
            #expect(try text(study.appendingPathComponent("notities.txt")) == "eerste ideeën\n")
        }
    }

    @Test("init refuses a folder that holds anything, a hidden file too, with exit status 64 and changes nothing")
    func refusesNonEmpty() throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "".write(to: folder.appendingPathComponent(".verborgen"), atomically: false, encoding: .utf8)
        let run = try runCodeboom(["init"], in: folder.path)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == ".: error: the folder is not empty (it holds .verborgen) — a new study needs a new or empty folder: give one, like `codeboom init mijn-onderzoek`\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".verborgen"])
    }

    @Test("init into the current empty folder writes there and needs no cd")
    func currentFolder() throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runCodeboom(["init"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Wrote a new study in this folder:\n  README.md\n"))
        #expect(!run.stdout.contains("  cd "))
        #expect(try runCodeboom(["check"], in: folder.path).status == 0)
    }

    @Test("init --leeg writes the folders, the codebook's categories and the tables' headers without example content")
    func leeg() throws {
        let parent = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let run = try runCodeboom(["init", "--leeg", "leeg"], in: parent.path)
        #expect(run.status == 0)
        let study = parent.appendingPathComponent("leeg")
        #expect(try FileManager.default.contentsOfDirectory(atPath: study.appendingPathComponent("Corpus").path).sorted()
                == ["documenten.csv", "pseudoniemen.csv", "respondenten.csv"])
        #expect(try text(study.appendingPathComponent("Corpus/pseudoniemen.csv")) == "naam,pseudoniem\n")
        let codebook = try text(study.appendingPathComponent("Codebooks/codeboom.md"))
        #expect(!codebook.contains("\n### "))
        #expect(codebook.contains("\n## Succesfactoren {#succesfactoren}\ndeelvraag: 1\n"))
        // check accepts it (its categories are not used yet, which it says) and report runs.
        let check = try runCodeboom(["check"], in: study.path)
        #expect(check.status == 0)
        #expect(check.stdout.hasSuffix("0 error(s), 4 warning(s) — 0 documents, 0 segments, 0 respondents, 4 codes, 0 codings by 0 coder(s)\n"))
        let report = try runCodeboom(["report"], in: study.path)
        #expect(report.status == 0)
        #expect(report.stdout.contains("Reports/index.md\n"))
        #expect(try text(study.appendingPathComponent("Reports/index.md")).contains("codeboek met 4 categorieën en 0 thema's"))
    }

    @Test("init refuses a file in the folder's place with exit status 64")
    func refusesFile() throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "x".write(to: folder.appendingPathComponent("studie"), atomically: false, encoding: .utf8)
        let run = try runCodeboom(["init", "studie"], in: folder.path)
        #expect(run.status == 64)
        #expect(run.stderr == "studie: error: is not a folder — give the name of a new or empty folder\n")
    }

    @Test("the next steps quote a folder name the shell would split")
    func quotedFolder() {
        #expect(InitCommand.shellQuoted("mijn-onderzoek/2025") == "mijn-onderzoek/2025")
        #expect(InitCommand.shellQuoted("mijn onderzoek") == "'mijn onderzoek'")
        #expect(InitCommand.shellQuoted("Anne's studie") == "'Anne'\\''s studie'")
    }

    @Test("--version prints the version and the commit, or that the commit is unknown")
    func version() throws {
        let run = try runCodeboom(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.wholeMatch(of: /codeboom [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{7,40}(-dirty)?|unknown)\)\n/) != nil, "\(run.stdout)")
        #expect(run.stdout.hasPrefix("codeboom \(CommandRunner.version) ("))
    }
}
