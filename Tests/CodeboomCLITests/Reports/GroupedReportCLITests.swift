import Codeboom
import Foundation
import Testing
@testable import CodeboomTestSupport

/// `report --by VARIABLE --where …` run as a researcher runs it: every page, chart, rapport.html and rapport.docx
/// names the grouping used ("per type", "per jaar") and states the filter; the expected texts are written by hand.
@Suite struct GroupedReportCLITests {
    let mini = TestPaths.miniStudy

    /// Runs `report` with `arguments` on the mini study into a temporary folder and reads what it wrote.
    func report(_ arguments: [String]) throws -> (folder: URL, page: (String) throws -> String, docx: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-grouped-\(UUID().uuidString)")
        let result = try runCodeboom(["report"] + arguments + ["--out", folder.path, "--project", mini])
        #expect(result.status == 0, "\(result.stderr)")
        let page: (String) throws -> String = { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        let docx = try ZipArchive(data: Data(contentsOf: folder.appendingPathComponent("rapport.docx")))
        return (folder, page, Self.paragraphs(String(decoding: try docx.data(for: "word/document.xml"), as: UTF8.self)))
    }

    /// The text of every paragraph (and table cell) of a WordprocessingML body, entities read back.
    static func paragraphs(_ xml: String) -> [String] {
        xml.components(separatedBy: "</w:p>").map { paragraph in
            paragraph.components(separatedBy: "<w:t").dropFirst().map { run in
                let text = run.drop { $0 != ">" }.dropFirst()
                return String(text.prefix { $0 != "<" })
            }.joined()
        }.filter { !$0.isEmpty }.map {
            $0.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    static let filterLine = "Filter: perspectief = vrijwilliger — alleen de woorden van respondenten en documenten die hieraan voldoen tellen mee."
    static let groupsLine = "Groepen: de waarden van type in plaats van de perspectieven. Een respondent met twee waarden (bijvoorbeeld twee "
        + "documenten van twee verschillende waarden) telt in elke groep één keer mee, en in het totaal één keer; zo tellen de groepen "
        + "samen soms meer respondenten dan het totaal."

    @Test("report --by type --where perspectief=vrijwilliger: the deelvraag and WIFA pages say \"per type\" (golden files written by hand)")
    func markdownPages() throws {
        let run = try report(["--by", "type", "--where", "perspectief=vrijwilliger"])
        defer { try? FileManager.default.removeItem(at: run.folder) }
        // By hand: V1 (Anna in the focusgroep, R in interview-b) and Kees (focusgroep) are the vrijwilligers; Piet is a professional.
        expectGolden(try run.page("deelvraag-1.md"), "grouped-report/deelvraag-1.md")
        expectGolden(try run.page("wifa.md"), "grouped-report/wifa.md")
        let index = try run.page("index.md")
        #expect(index.contains("\n- [WIFA-model per type](wifa.md)\n"))
        #expect(try run.page("frequenties.md").contains("\n\nRespondenten per code en type (n/N); een hoofdcode telt haar subcodes één keer mee. Codering: in de tekst.\n\n"
                                                         + "![Alle codes: respondenten per type (de cijfers staan in de tabel hierbij)](figuren/codes-per-perspectief.svg)\n"))
        #expect(try run.page("tabel-met-resultaten.md").contains("Per thema staat hoeveel respondenten per type het thema naar voren brachten "
                                                                  + "(n/N: n respondenten van de N in die groep)."))
        #expect(try run.page("figuren/wifa.svg").contains(">Aandeel van de respondenten in de groep</text>"))
        // Apart from the filter on perspectief and the sentence that says the groups replace the perspectives, no page speaks of them.
        for file in ["deelvraag-1.md", "deelvraag-2.md", "wifa.md", "frequenties.md", "tabel-met-resultaten.md", "index.md"] {
            // The chart keeps its file name, figuren/codes-per-perspectief.svg, whatever the grouping.
            let text = try run.page(file).replacingOccurrences(of: Self.filterLine, with: "").replacingOccurrences(of: Self.groupsLine, with: "")
                .replacingOccurrences(of: ReportFigures.heatMapFile, with: "")
            #expect(!text.contains("erspectie"), "\(file)")
        }
    }

    @Test("rapport.html and rapport.docx state the filter and the groups first and name the groups in every caption")
    func htmlAndWord() throws {
        let run = try report(["--by", "type", "--where", "perspectief=vrijwilliger"])
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let html = try run.page("rapport.html")
        for expected in [
            "Codering: in de tekst.</p>\n<p><em>\(Self.filterLine)</em></p>\n<p><em>\(Self.groupsLine)</em></p></header>\n",
            #"<fieldset><legend>Groepen (type)</legend>"#,
            // Respondents by type, counted by hand: the focusgroep has V1 and Kees, interview-b has V1.
            #"<table><caption>Respondenten per type</caption><thead><tr><th scope="col">Type</th><th scope="col" class="num">Respondenten</th></tr></thead><tbody>"#
                + "\n" + #"<tr class="p-focusgroep"><th scope="row">focusgroep</th><td class="num">2</td></tr>"#
                + "\n" + #"<tr class="p-interview"><th scope="row">interview</th><td class="num">1</td></tr>"#,
            "<p>Per thema staat hoeveel respondenten per type het thema naar voren brachten (n/N: n respondenten van de N in die groep).</p>",
            "<caption>Succesfactoren: respondenten per thema en type</caption>",
            "<caption>Deelvraag 1: respondenten per thema en type (n/N)</caption>",
            "<figcaption>Deelvraag 1: respondenten per thema en type. De cijfers staan ook in de tabel hierbij.</figcaption>",
            #"<h2 id="wifa-kop">WIFA-model per type</h2>"#,
            "<p>Respondenten per code en type (n/N); een hoofdcode telt haar subcodes één keer mee.</p>",
            "<caption>Het codeboek met het aantal respondenten per type en het aantal gecodeerde fragmenten</caption>",
        ] {
            #expect(html.contains(expected), "\(expected)")
        }
        #expect(!html.contains("per perspectief") && !html.contains("en perspectief") && !html.contains("elk perspectief"))

        let expectedInOrder = [
            "Rapportage gemaakt met Codeboom uit Codebooks/mini.md en Corpus/. Codering: in de tekst.", Self.filterLine, Self.groupsLine, "Overzicht",
            "Tabel: respondenten per type", "Type", "Respondenten", "focusgroep", "2", "interview", "1",
            "Per thema staat hoeveel respondenten per type het thema naar voren brachten (n/N: n respondenten van de N in die groep).",
            "Tabel: Succesfactoren, respondenten per thema en type",
            "Tabel: deelvraag 1, respondenten per thema en type (n/N)",
            "WIFA-model per type",
            "Per dimensie staat hoeveel respondenten per type minstens één fragment hebben met een code van die dimensie.",
            "Figuur 3. WIFA-model: respondenten per dimensie en type.",
            "Tabel: WIFA-dimensies, respondenten per type (n/N)",
            "Respondenten per code en type (n/N); een hoofdcode telt haar subcodes één keer mee.",
            "Tabel: het codeboek met respondenten per type",
        ]
        var rest = run.docx[...]
        for expected in expectedInOrder {
            let found = rest.firstIndex(of: expected)
            #expect(found != nil, "rapport.docx lacks, in this order: \(expected)")
            if let found { rest = rest[(found + 1)...] }
        }
        #expect(run.docx.filter { $0 != Self.filterLine && $0 != Self.groupsLine && $0.contains("perspectief") }.isEmpty)
    }

    /// The quotes of each theme per type, worked out by hand from the fixture's transcripts by the README's rule
    /// ("Quotes"): the inline coder's respondent segments of the theme (or its sub-code) in that group; segments
    /// with that theme only first, then those of at least 60 characters, in corpus order; at most two, from
    /// different respondents and, while there are candidates in other documents, from different documents. An
    /// inline tag quotes its sentence, an offset coding its span; Marieke is "[professional]" by pseudoniemen.csv.
    ///
    /// With `--where perspectief=vrijwilliger` the words left are V1's (Anna in the focusgroep, R in interview-b)
    /// and Kees's (focusgroep); Piet (P1, professional) and interview-a (C1, cliënt) drop out, and notities has no
    /// respondent. All candidates below carry one theme and are shorter than 60 characters, so corpus order decides:
    /// - klik: focusgroep §4 (Kees, "#succes/klik" ends "De match was goed, echt een klik."); interview-b §4 (V1).
    /// - korte lijnen: only the offset coding of snel-antwoord (a sub-code) in focusgroep §5, "Snel antwoord" (V1);
    ///   no interview segment, so no Interview heading.
    /// - agendadruk: focusgroep §2 (V1; §3 is Piet's); interview-b §2 (V1 again: each group chooses on its own).
    /// The source's respondent shows with their own perspective, not the group's.
    @Test("report --by type --where: rapport.html and rapport.docx quote each theme per type by the quote rule (hand-written golden)")
    func quotesPerGroup() throws {
        let run = try report(["--by", "type", "--where", "perspectief=vrijwilliger"])
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let html = try run.page("rapport.html")
        let section = try #require(html.range(of: #"<section id="citaten""#))
        let end = try #require(html.range(of: "</section>", range: section.upperBound..<html.endIndex))
        expectGolden(String(html[section.lowerBound..<end.upperBound]) + "\n", "grouped-report/rapport-citaten.html")
        #expect(!html.contains("Er zijn nog geen citaten"))

        let start = try #require(run.docx.firstIndex(of: "Citaten per thema"))
        #expect(Array(run.docx[start...].prefix(14)) == [
            "Citaten per thema",
            "Per thema en type ten hoogste twee citaten van verschillende respondenten; namen zijn vervangen door pseudoniemen.",
            "1. Een goede klik",
            "Focusgroep (N=2)", "“De match was goed, echt een klik.” (focusgroep/Kees, focusgroep §4)",
            "Interview (N=1)", "“Maar de klik met mevrouw is goed.” (V1, interview-b §4)",
            "2. Korte lijnen",
            "Focusgroep (N=2)", "“Snel antwoord” (V1, focusgroep §5)",
            "3. Agendadruk",
            "Focusgroep (N=2)", "“Geen tijd, dat is het probleem.” (V1, focusgroep §2)",
            "Interview (N=1)",
        ])
        #expect(run.docx.contains("“Er is nooit tijd, de agenda van [professional] zit vol.” (V1, interview-b §2)"))
        #expect(!run.docx.contains { $0.contains("Marieke") } && !html.contains("Marieke"))
    }

    /// Without the filter, by hand as above: klik in interviews has two candidates in two documents, C1's interview-a §2
    /// ("Het klikt echt met Joke, mijn maatje. We lachen veel.", 53 characters, so both sentences) before V1's
    /// interview-b §4 in corpus order; agendadruk in the focusgroep has V1's §2 and Piet's §3, one document, so the
    /// second quote comes from the same document once no other document has a candidate; interview-a's
    /// "#agendadruk" stands in the interviewer's turn and is no candidate; korte lijnen in interviews is C1's §4.
    @Test("report --by type: two quotes per group from different respondents, from one document when no other has one")
    func quotesPerGroupUnfiltered() throws {
        let run = try report(["--by", "type"])
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let start = try #require(run.docx.firstIndex(of: "Citaten per thema"))
        #expect(Array(run.docx[start...].prefix(19)) == [
            "Citaten per thema",
            "Per thema en type ten hoogste twee citaten van verschillende respondenten; namen zijn vervangen door pseudoniemen.",
            "1. Een goede klik",
            "Focusgroep (N=3)", "“De match was goed, echt een klik.” (focusgroep/Kees, focusgroep §4)",
            "Interview (N=2)", "“Het klikt echt met [vrijwilliger], mijn maatje. We lachen veel.” (C1, interview-a §2)",
            "“Maar de klik met mevrouw is goed.” (V1, interview-b §4)",
            "2. Korte lijnen",
            "Focusgroep (N=3)", "“Snel antwoord” (V1, focusgroep §5)",
            "Interview (N=2)", "“Die is goed bereikbaar, ik kan altijd even bellen.” (C1, interview-a §4)",
            "3. Agendadruk",
            "Focusgroep (N=3)", "“Geen tijd, dat is het probleem.” (V1, focusgroep §2)", "“Bij ons ook, de agenda is vol.” (P1, focusgroep §3)",
            "Interview (N=2)", "“Er is nooit tijd, de agenda van [professional] zit vol.” (V1, interview-b §2)",
        ])
        let html = try run.page("rapport.html")
        #expect(html.contains("<dt>Respondent</dt><dd>C1 (cliënt)</dd>") && html.contains("<dt>Respondent</dt><dd>P1 (professional)</dd>"))
    }

    @Test("grouped by datum the groups are years: \"per jaar\", \"de enige respondent uit 2016\"")
    func byYear() throws {
        let run = try report(["--by", "datum"])
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let wifa = try run.page("wifa.md")
        // By hand: only interview-a (C1) has a datum, 2016; V1, P1 and Kees have none. klik: C1; Kees and V1; all three.
        #expect(wifa.hasPrefix("# WIFA-model per jaar\n"))
        #expect(wifa.contains("\n| Dimensie | 2016 (N=1) | Zonder datum (N=3) | Totaal (N=4) |\n"))
        #expect(wifa.contains("\n| Waardering | 1/1 | 2/3 | 3/4 |\n"))
        #expect(wifa.contains("\n- De enige respondent uit 2016 (1 van 1) brengt waardering ter sprake.\n"))
        #expect(wifa.contains("\n- De enige respondent uit 2016 (1 van 1) brengt afstemming ter sprake.\n"))
        #expect(try run.page("deelvraag-1.md").contains("\nAantal respondenten per jaar dat het thema noemt (n/N). Codering: in de tekst.\n"))
        #expect(try run.page("index.md").contains("\n| Jaar | Respondenten | Ids |\n"))
        #expect(try run.page("rapport.html").contains(#"<h2 id="wifa-kop">WIFA-model per jaar</h2>"#))
        #expect(run.docx.contains("Tabel: respondenten per jaar"))
    }

    @Test("--where alone: rapport.html and rapport.docx state the filter but no groups, and keep \"per perspectief\"")
    func filterOnly() throws {
        let run = try report(["--where", "type=interview"])
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let filter = "Filter: type = interview — alleen de woorden van respondenten en documenten die hieraan voldoen tellen mee."
        let html = try run.page("rapport.html")
        #expect(html.contains("Codering: in de tekst.</p>\n<p><em>\(filter)</em></p></header>\n"))
        #expect(!html.contains("Groepen:"))
        #expect(html.contains(#"<h2 id="wifa-kop">WIFA-model per perspectief</h2>"#))
        #expect(run.docx.contains(filter))
        #expect(run.docx.contains("Tabel: respondenten per perspectief"))
        #expect(!run.docx.contains { $0.hasPrefix("Groepen:") })
    }
}
