import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// Perspectives that differ in case or diacritics are one, shown as most respondents write it; a rarer
/// one close to another is a warning; respondents without one are counted apart (issue 20).
@Suite struct PerspectiveTests {
    @Test("one perspective per folded spelling, shown as most write it; a tie prefers diacritics, then lower case", arguments: [
        (["cliënt", "Client", "cliënt"], ["cliënt"]),
        (["Client", "Client", "cliënt"], ["Client"]),
        (["Client", "cliënt"], ["cliënt"]),
        (["client", "cliënt"], ["cliënt"]),
        (["Cliënt", "client"], ["Cliënt"]),
        (["Vrijwilliger", "vrijwilliger", "professional"], ["professional", "vrijwilliger"]),
    ])
    func spelling(spellings: [String], shown: [String]) {
        #expect(Perspective.spelledAsMostWrite(spellings).map(\.name) == shown)
    }

    @Test("a document's own perspective counts only where no respondent has it")
    func documentSpellings() {
        #expect(Perspective.spelledAsMostWrite(["cliënt"], adding: ["Client", "Client", "team"]).map(\.name) == ["cliënt", "team"])
    }

    static func interview(_ number: Int, _ perspective: String?) -> String {
        let frontMatter = perspective.map { "---\nperspectief: \($0)\nrespondent: R\(number)\n---\n" } ?? ""
        return frontMatter + "I: Vraag?\n\nR: Antwoord. #alpha\n\nI: En?\n\nR: Nog iets.\n"
    }

    @Test("a rarer perspective within two edits of another is a warning at the line that gives it; of two equally held ones, one warning; other numbers none")
    func nearDuplicates() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": Self.interview(1, "vrijwilliger"), "Corpus/b.txt": Self.interview(2, "vrijwilliger"),
            "Corpus/c.txt": Self.interview(3, "vrijwiliger"), "Corpus/d.txt": Self.interview(4, "Cliënt"),
            "Corpus/e.txt": Self.interview(5, "client"), "Corpus/f.txt": Self.interview(6, "klant"),
            "Corpus/g.txt": Self.interview(7, "team"), "Corpus/h.txt": Self.interview(8, "teams"),
            "Corpus/i.txt": Self.interview(9, "groep 1"), "Corpus/j.txt": Self.interview(10, "groep 1"), "Corpus/k.txt": Self.interview(11, "groep 2"),
        ])
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.warnings.map(\.description).filter { $0.hasPrefix("Corpus/") } == [
            "Corpus/c.txt:2:1: warning: perspective \"vrijwiliger\" (1 respondent) is close to \"vrijwilliger\" (2 respondents); it is counted as a perspective of its own — did you mean \"vrijwilliger\"? Correct it where it is given, if so",
            "Corpus/h.txt:2:1: warning: perspective \"teams\" (1 respondent) is close to \"team\" (1 respondent); it is counted as a perspective of its own — if one of the two is mistyped, correct it where it is given",
        ])
        // `Cliënt` and `client` are one perspective, held by two, shown with its diacritics; `klant` is far from every other.
        #expect(load.project.perspectives.map(\.name) == ["Cliënt", "groep 1", "groep 2", "klant", "team", "teams", "vrijwiliger", "vrijwilliger"])
    }

    @Test("a perspective given in respondenten.csv is warned about at its row")
    func nearDuplicateInTable() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": Self.interview(1, "professional"), "Corpus/b.txt": Self.interview(2, "professional"),
            "Corpus/c.txt": "---\ntype: focusgroep\n---\nAnouk: Ja. #alpha\nHenk: Nee.\nAnouk: Toch wel.\n",
            "Corpus/respondenten.csv": "respondent,perspectief,document,spreker\nP3,profesional,c,Anouk\nP4,professional,c,Henk\n",
        ])
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.warnings.map(\.description).first { $0.contains("profesional") }
            == "Corpus/respondenten.csv:2:1: warning: perspective \"profesional\" (1 respondent) is close to \"professional\" (3 respondents); it is counted as a perspective of its own — did you mean \"professional\"? Correct it where it is given, if so")
    }

    @Test("respondents without a perspective: a warning per document with the coded segments, and a column that completes the total")
    func withoutPerspective() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": Self.interview(1, "cliënt"), "Corpus/b.txt": Self.interview(2, nil),
            "Corpus/notities.md": "---\ntype: notities\n---\nOverleg over de #alpha.\n\nEn nog iets.\n",
        ])
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.warnings.map(\.description).filter { $0.hasPrefix("Corpus/") } == [
            "Corpus/b.txt:1:1: warning: respondent b/R has no perspective: 1 of 2 segments is coded and counts only in Totaal and under \"zonder perspectief\" — add `perspectief:` to the front matter, or give it in documenten.csv or respondenten.csv",
            "Corpus/notities.md:1:1: warning: its paragraphs have no perspective: 1 of 2 segments is coded and counts only in Totaal and under \"zonder perspectief\" — add `perspectief:` to the front matter, or give it in documenten.csv or respondenten.csv",
        ])
        let table = FrequencyTable(project: load.project, coder: "inline")
        #expect(table.columns.map(\.name) == ["cliënt", "zonder perspectief"])
        // Hand count: a §2 (R1, cliënt), b §2 (b/R, none), notities §1 (no respondent, none).
        let unassigned = try #require(table.row(code: "alpha", perspective: .unassigned))
        #expect((unassigned.segments, unassigned.documents, unassigned.respondents, unassigned.respondentsInPerspective) == (2, 2, 1, 1))
        let total = try #require(table.row(code: "alpha", perspective: nil))
        #expect((total.segments, total.documents, total.respondents, total.respondentsInPerspective) == (3, 3, 2, 2))
    }

    @Test("with every respondent in a perspective there is no such column")
    func noColumnWhenNotNeeded() throws {
        let project = try TemporaryProject(["Corpus/a.txt": Self.interview(1, "cliënt")])
        defer { project.remove() }
        let table = FrequencyTable(project: try loadProject(project.path).project, coder: "inline")
        #expect(table.columns.map(\.name) == ["cliënt"])
        #expect(table.rows.allSatisfy { $0.perspective?.isUnassigned != true })
    }
}
