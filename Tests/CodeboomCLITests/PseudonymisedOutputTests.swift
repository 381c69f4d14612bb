import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// Every output that prints transcript text or speaker labels goes through `pseudoniemen.csv`, once;
/// when the table cannot be applied, those commands fail (issue 12, points 1 and 2).
@Suite struct PseudonymisedOutputTests {
    static let codebook = """
    # Studie

    ## Samenwerking {#samenwerking}
    deelvraag: 1

    ### Een goede klik {#klik}
    wifa: W
    trefwoorden: klik*, "het klikt"

    ### Korte lijnen {#lijnen}
    wifa: A
    trefwoorden: bellen, belde

    """

    /// Names in every form a transcript has them: as speaker labels of a focusgroep (which become
    /// respondent ids), in a file name, with a genitive s, across a line break, in other case and
    /// without diacritics.
    static let files = [
        "Corpus/interview-joke.txt": """
        ---
        type: interview
        respondent: R1
        perspectief: vrijwilliger
        ---
        I: Hoe ging het met Joke?

        R: Joke en ik, het klikt. Jokes moeder belde Anna de Vries gisteren. Ook Jan
        Willem was erbij, en JOKE zelf. #klik

        I: En toen?

        R: Zoë belde ZOE nog even, klik. #lijnen

        """,
        "Corpus/focusgroep.txt": """
        ---
        type: focusgroep
        perspectief: professional
        ---
        Gespreksleider: Hoe werkt het samen?

        Anna: Ik vind dat het klikt met Jan-Willem. #klik

        Joke: Bellen met Anna's team gaat goed, zegt Anna de Vries. #lijnen

        """,
        "Corpus/codings/TS.csv": "document,segment,code\ninterview-joke,2,lijnen\ninterview-joke,4,klik\nfocusgroep,2,klik\nfocusgroep,3,klik\n",
    ]

    static let pseudonyms = "naam,pseudoniem\nJoke,[vrijwilliger]\nAnna,[professional]\nAnna de Vries,[coördinator]\nJan Willem,[familielid]\nZoë,[cliënt]\n"
    static let naive = NaivePseudonymiser(entries: [("Joke", "[vrijwilliger]"), ("Anna", "[professional]"), ("Anna de Vries", "[coördinator]"),
                                                    ("Jan Willem", "[familielid]"), ("Zoë", "[cliënt]")])

    func project(pseudonyms: String = Self.pseudonyms) throws -> TemporaryProject {
        var files = Self.files
        files["Corpus/pseudoniemen.csv"] = pseudonyms
        return try TemporaryProject(files, codebook: Self.codebook)
    }

    @Test("no output that prints transcript text or speaker labels holds a listed name")
    func everyOutput() throws {
        let project = try project()
        defer { project.remove() }
        let out = project.root.appendingPathComponent("Uit")
        let commands: [(arguments: [String], shows: [String])] = [
            (["report", "--out", out.path], []),
            (["search", "klik*", "\"het klikt\"", "bellen"], ["[vrijwilliger]", "focusgroep/[professional]", "interview-[vrijwilliger]"]),
            (["search", "klik*", "\"het klikt\"", "bellen", "--format", "csv"], ["[familielid]", "[coördinator]"]),
            (["search", "bellen", "--code", "lijnen"], ["focusgroep/[vrijwilliger]"]),
            (["search", "Joke", "Jo*", "Vries"], ["**[vrijwilliger]**", "**[coördinator]**"]),
            (["agree", "--coders", "inline,TS", "--disagreements"], ["[vrijwilliger]s moeder", "interview-[vrijwilliger] §2"]),
            (["segments", "interview-joke"], ["[cliënt] belde [cliënt]"]),
            (["segments", "focusgroep"], ["focusgroep/[professional]", "[familielid]"]),
            (["autocode", "--evaluate", "--against", "inline"], []),
        ]
        for (arguments, shows) in commands {
            let run = try runCodeboomBounded(arguments + ["--project", project.path])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(Self.naive.names(in: run.stdout).isEmpty, "\(arguments) prints \(Self.naive.names(in: run.stdout).sorted()):\n\(run.stdout)")
            for shown in shows {
                #expect(run.stdout.contains(shown), "\(arguments) should show \(shown):\n\(run.stdout)")
            }
        }
        let pages = try ReportFiles.texts(in: out)
        #expect(pages.contains { $0.file == "perspectief-professional.md" })
        #expect(pages.contains { $0.file == "rapport.html" } && pages.contains { $0.file == "rapport.docx" })
        for (page, text) in pages {
            #expect(Self.naive.names(in: text).isEmpty, "\(page) holds \(Self.naive.names(in: text).sorted())")
        }
        let quotes = try String(contentsOf: out.appendingPathComponent("perspectief-vrijwilliger.md"), encoding: .utf8)
        // The quote is the tag's sentence and, as that one is short, the sentence before it (issue 20.3).
        #expect(quotes.contains("“[vrijwilliger]s moeder belde [coördinator] gisteren. Ook [familielid] was erbij, en [vrijwilliger] zelf.”"))
    }

    @Test("every report page equals the page without pseudonyms, pseudonymised by a naive per-name search")
    func pagesAgainstNaive() throws {
        let project = try project()
        defer { project.remove() }
        let loaded = try loadProject(project.path).project
        var raw = loaded
        raw.pseudonyms = PseudonymTable()
        let pages = ReportBuilder.pages(ReportContext(project: loaded, coder: "inline"))
        let rawPages = ReportBuilder.pages(ReportContext(project: raw, coder: "inline"))
        #expect(pages.count == rawPages.count)
        for (page, rawPage) in zip(pages, rawPages) {
            #expect(page.content == Self.naive.apply(to: rawPage.content), "\(page.file)")
        }
        #expect(rawPages.contains { $0.content.contains("Joke") })
    }

    @Test("with Joke → Anna and Anna → Joke, each name is replaced once: no report page holds a listed name where its pseudonym belongs")
    func swappedNames() throws {
        let swapped = "naam,pseudoniem\nJoke,Anna\nAnna,Joke\n"
        let project = try project(pseudonyms: swapped)
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.messages.contains("Corpus/pseudoniemen.csv:2:1: error: pseudonym \"Anna\" of \"Joke\" is itself a listed name (\"Anna\") — choose a pseudonym that is not the name of anyone in the study"))
        // The pages as they would be: every Joke of the transcript is Anna, every Anna is Joke.
        var raw = load.project
        raw.pseudonyms = PseudonymTable()
        let naive = NaivePseudonymiser(entries: [("Joke", "Anna"), ("Anna", "Joke")])
        let pages = ReportBuilder.pages(ReportContext(project: load.project, coder: "inline"))
        for (page, rawPage) in zip(pages, ReportBuilder.pages(ReportContext(project: raw, coder: "inline"))) {
            #expect(page.content == naive.apply(to: rawPage.content), "\(page.file)")
        }
        let vrijwilliger = try #require(pages.first { $0.file == "perspectief-vrijwilliger.md" }?.content)
        #expect(vrijwilliger.contains("“Annas moeder belde Joke de Vries gisteren. Ook Jan Willem was erbij, en Anna zelf.”"))
        // And the command refuses: a pseudonym that is a real name is a mistake to fix first.
        let report = try runCodeboomBounded(["report", "--project", project.path, "--out", project.root.appendingPathComponent("Uit").path])
        #expect(report.status == 1)
        #expect(report.stdout.isEmpty)
        #expect(report.stderr.contains("is itself a listed name"))
    }

    @Test("a name with a direction control inside is replaced in report pages too, where Markdown shows the control as \\u{202E}")
    func directionControlInName() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": "---\ntype: interview\nrespondent: R1\nperspectief: p\n---\nR: Het klikt met Jo\u{202E}ke en Jo\u{200B}ke. #alpha\n",
            "Corpus/pseudoniemen.csv": "naam,pseudoniem\nJoke,[v]\n",
        ])
        defer { project.remove() }
        let pages = ReportBuilder.pages(ReportContext(project: try loadProject(project.path).project, coder: "inline"))
        let page = try #require(pages.first { $0.file == "perspectief-p.md" }?.content)
        #expect(page.contains("“Het klikt met [v] en [v].”"), "\(page)")
    }

    @Test("a pseudonym table with an error stops every output that prints text, and only those")
    func brokenTableRefuses() throws {
        let project = try project(pseudonyms: Self.pseudonyms + "Piet,\n")
        defer { project.remove() }
        for arguments in [["report", "--out", project.root.appendingPathComponent("Uit").path], ["search", "klik*"], ["search", "klik*", "--code", "klik"],
                          ["agree", "--coders", "inline,TS", "--disagreements"], ["segments", "interview-joke"],
                          ["autocode", "--evaluate", "--against", "inline"]] {
            let run = try runCodeboomBounded(arguments + ["--project", project.path])
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stdout.isEmpty, "\(arguments): \(run.stdout)")
            #expect(run.stderr.contains("Corpus/pseudoniemen.csv:7:1: error: row needs both naam and pseudoniem"), "\(arguments): \(run.stderr)")
        }
        let check = try runCodeboomBounded(["check", "--project", project.path])
        #expect(check.status == 1)
    }
}
