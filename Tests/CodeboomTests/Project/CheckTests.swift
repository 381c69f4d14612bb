import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct CheckTests {
    @Test("every problem of a broken project is reported at once, sorted by file and line")
    func allProblems() throws {
        let project = try TemporaryProject([
            "Codebooks/c.md": "# T\n\n## Thema {#thema}\n\n### Alpha {#alpha}\n\n### Alpha twee {#alpha}\n\n### Nooit {#nooit}\n",
            "Corpus/a.txt": "---\ntype: interview\nperspectief: cliënt\nrespondent: C1\n---\nI: Vraag #alpha\nR: Antwoord #alfa #alpha\n",
            "Corpus/leeg.txt": "  \n",
            "Corpus/respondenten.csv": "respondent,perspectief,document,spreker\nV1,vrijwilliger,a,Anouk\nV2,vrijwilliger,b,Henk\n",
            "Corpus/codings/TS.csv": "document,segment,code,start,end\na,9,alpha,,\nb,1,alpha,,\na,,alpha,5,999\na,2,bestaat-niet,,\n",
        ], codebook: nil)
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.messages == [
            "Codebooks/c.md:7:1: error: code id \"alpha\" is defined twice (first at line 5) — rename one, e.g. with `{#another-id}` at the end of the heading",
            "Codebooks/c.md:9:1: warning: code \"nooit\" is never used — code segments with it, or remove it from the codebook",
            "Corpus/a.txt:6:10: warning: coding \"alpha\" on an interviewer turn (I) is not counted — move the code to the respondent's answer",
            "Corpus/a.txt:7:13: error: unknown code \"alfa\" — did you mean \"alpha\"? use a code id from Codebooks/c.md, or add the code there",
            "Corpus/codings/TS.csv:2:1: error: segment \"9\" is not in a (1–2) — use a segment number from `codeboom segments a`",
            "Corpus/codings/TS.csv:3:1: error: unknown document \"b\" — use a document id from Corpus/ (file name without extension, or `id:` in its front matter)",
            "Corpus/codings/TS.csv:4:1: error: offsets 5–999 are outside a (0–100) — offsets count code points of the normalised text from 0, end exclusive",
            "Corpus/codings/TS.csv:5:1: error: unknown code \"bestaat-niet\" — use a code id from Codebooks/c.md, or add the code there",
            "Corpus/leeg.txt: error: the file is empty — add the transcript text, or remove the file from Corpus/",
            "Corpus/respondenten.csv:2:1: warning: respondent V1 (\"Anouk\") never speaks in a — check the speaker label in the transcript, or remove the row",
            "Corpus/respondenten.csv:3:1: warning: respondent V2 (\"Henk\") never speaks in b — check the speaker label in the transcript, or remove the row",
            "Corpus/respondenten.csv:3:1: error: unknown document \"b\" — use a document id from Corpus/ (file name without extension, or `id:` in its front matter)",
        ])
    }

    @Test("an unreadable file is an error and the rest of the corpus is still read")
    func unreadable() throws {
        let project = try TemporaryProject(["Corpus/goed.txt": "R: ja #alpha\n"])
        defer { project.remove() }
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("Corpus/kapot.txt").path,
                                                   withDestinationPath: "/nonexistent/codeboom-missing.txt")
        let load = try loadProject(project.path)
        #expect(load.errors.count == 1)
        #expect(load.errors.first?.location.file == "Corpus/kapot.txt")
        #expect(load.project.documents.map(\.id) == ["goed"])
    }

    @Test("a Windows-1252 transcript is read with a warning that names the line")
    func windows1252() throws {
        let project = try TemporaryProject([:])
        defer { project.remove() }
        try project.write("Corpus/w.txt", bytes: Array("I: vraag\r\nR: co".utf8) + [0xF6] + Array("rdinator #alpha\r\n".utf8))
        let load = try loadProject(project.path)
        #expect(load.messages.contains("Corpus/w.txt:2:6: warning: not valid UTF-8; read as Windows-1252 — save the file as UTF-8 to be sure every character is read as meant"))
        let document = try #require(load.project.fullDocuments.first)
        #expect(document.segments.last.map(document.text(of:)) == "coördinator")
    }

    @Test("the same code twice on one segment counts once and is a warning")
    func duplicateCoding() throws {
        let project = try TemporaryProject(["Corpus/a.txt": "---\nrespondent: R1\nperspectief: cliënt\n---\nR: ja #alpha #alpha\n"])
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.warnings.contains { $0.message.contains("coded \"alpha\" twice by inline") })
        #expect(FrequencyTable(project: load.project, coder: "inline").row(code: "alpha", perspective: nil)?.segments == 1)
    }

    @Test("overlapping offset codings cover every segment they touch")
    func overlappingOffsets() throws {
        let text = "---\ntype: interview\nrespondent: R1\nperspectief: cliënt\n---\nR: een\nI: twee\nR: drie\n"
        // From the middle of the first answer to the start of the second; then inside the second answer only.
        let first = text.unicodeScalars.count - "R: een\nI: twee\nR: drie\n".unicodeScalars.count
        let third = text.unicodeScalars.count - "R: drie\n".unicodeScalars.count
        let sidecar = "document,segment,code,start,end\na,,alpha,\(first + 4),\(third + 2)\na,,alpha,\(third + 3),\(third + 7)\n"
        let project = try TemporaryProject(["Corpus/a.txt": text, "Corpus/codings/AB.csv": sidecar])
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.errors.isEmpty)
        #expect(load.project.codings(by: "AB").map(\.segmentNumbers) == [[1, 2, 3], [3]])
        #expect(FrequencyTable(project: load.project, coder: "AB").row(code: "alpha", perspective: nil)?.segments == 2)
    }

    @Test("a respondent with two perspectives is an error")
    func perspectiveConflict() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": "---\nrespondent: R1\nperspectief: cliënt\n---\nR: ja\n",
            "Corpus/b.txt": "---\nrespondent: R1\nperspectief: vrijwilliger\n---\nR: nee\n",
        ])
        defer { project.remove() }
        #expect(try loadProject(project.path).errors.map(\.message) == ["respondent R1 is vrijwilliger here but cliënt in a"])
    }

    @Test("two codebooks need --codebook, and the error lists them")
    func severalCodebooks() throws {
        let project = try TemporaryProject(["Codebooks/a.md": "# A\n## X\n", "Codebooks/b.md": "# B\n## Y\n", "Corpus/a.txt": "ja\n"])
        defer { project.remove() }
        #expect(throws: ProjectError.severalCodebooks(SourceLocation(file: "Codebooks"), files: ["Codebooks/a.md", "Codebooks/b.md"])) { try loadProject(project.path) }
        #expect(try loadProject(project.path, codebook: "b.md").project.codebook.title == "B")
    }
}
