import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// The Word coding sheet's round trip: `codeboom sheet` makes it, a coder fills it in (python-docx,
/// and the same sheet saved again by LibreOffice: `Fixtures/coding-sheets/make-sheets.py`), and every
/// command reads it back as that coder's codings.
@Suite struct CodingSheetCLITests {
    static let sheets = TestPaths.fixtures.appendingPathComponent("coding-sheets")

    /// A copy of the mini-study with these sheets in `Corpus/codings/`.
    func study(with sheets: [String]) throws -> TemporaryProject {
        let project = try TemporaryProject([:], codebook: nil)
        try FileManager.default.removeItem(at: project.root)
        try FileManager.default.copyItem(atPath: TestPaths.miniStudy, toPath: project.path)
        for sheet in sheets {
            try FileManager.default.copyItem(at: Self.sheets.appendingPathComponent(sheet),
                                             to: project.root.appendingPathComponent("Corpus/codings/\((sheet as NSString).lastPathComponent)"))
        }
        return project
    }

    /// The `totaal` rows of `freq --format csv`: code → (segments, documents, respondents).
    func totals(_ csv: String) -> [String: [Int]] {
        var totals: [String: [Int]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7, fields[2] == "totaal" else { continue }
            totals[fields[0]] = [Int(fields[3])!, Int(fields[4])!, Int(fields[5])!]
        }
        return totals
    }

    @Test("a sheet filled in with python-docx, and the same sheet saved by LibreOffice, count as coder K: freq gives the hand counts",
          arguments: ["K-interview-a.docx", "libreoffice/K-interview-a.docx"])
    func filledSheetCounts(sheet: String) throws {
        let project = try study(with: [sheet])
        defer { project.remove() }
        let result = try runCodeboom(["freq", "--coder", "K", "--format", "csv", "--project", project.path])
        #expect(result.status == 0, "\(result.stderr)")
        // K coded interview-a (C1): §2 klik; §4 "Korte lijnen" and "Snel antwoord" (labels, one per line);
        // §6 "agendadruk, klik". A parent counts its codes' segments once.
        #expect(totals(result.stdout) == [
            "succes": [3, 1, 1], "klik": [2, 1, 1], "korte-lijnen": [1, 1, 1], "snel-antwoord": [1, 1, 1],
            "spanningen": [1, 1, 1], "agendadruk": [1, 1, 1],
        ])
        let load = try loadProject(project.path)
        let codings = load.project.codings(by: "K").map { "\($0.documentID) §\($0.segments.lowerBound) \($0.codeID) \($0.location)" }
        #expect(codings == [
            "interview-a §2 klik Corpus/codings/K-interview-a.docx: row 3",
            "interview-a §4 korte-lijnen Corpus/codings/K-interview-a.docx: row 5",
            "interview-a §4 snel-antwoord Corpus/codings/K-interview-a.docx: row 5",
            "interview-a §6 agendadruk Corpus/codings/K-interview-a.docx: row 7",
            "interview-a §6 klik Corpus/codings/K-interview-a.docx: row 7",
        ])
        #expect(load.project.codings(by: "K").first?.memo == "mooi voorbeeld van een klik")
    }

    @Test("a mistyped code in a sheet is an error at file: row N with the suggestion; a label in another case with # is the code")
    func unknownCode() throws {
        let project = try study(with: ["L-interview-b.docx"])
        defer { project.remove() }
        let check = try runCodeboom(["check", "--project", project.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("""
            Corpus/codings/L-interview-b.docx: row 3: error: unknown code "agendaduk" — did you mean "agendadruk"? \
            use a code id from Codebooks/mini.md, or add the code there
            """))
        let load = try loadProject(project.path)
        #expect(load.project.codings(by: "L").map { "\($0.documentID) §\($0.segments.lowerBound) \($0.codeID)" } == ["interview-b §4 klik"])
    }

    @Test("a sheet made before the transcript was edited is an error naming the moved segments, and codes nothing")
    func movedSegments() throws {
        let project = try study(with: ["K-interview-a.docx"])
        defer { project.remove() }
        // A question added after the first turn: the old §2–§6 are §3–§7 now.
        let transcript = project.root.appendingPathComponent("Corpus/interview-a.txt")
        let text = try String(contentsOf: transcript, encoding: .utf8)
        try text.replacingOccurrences(of: "I: Hoe gaat het met uw maatje?\n", with: "I: Hoe gaat het met uw maatje?\n\nI: Nog een vraag?\n")
            .write(to: transcript, atomically: true, encoding: .utf8)
        let check = try runCodeboom(["check", "--project", project.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("""
            Corpus/codings/K-interview-a.docx: row 3: error: the text no longer matches interview-a (the transcript changed after the sheet was made, or a text cell was edited); \
            segments moved: row 3 (§2 is now §3), row 4 (§3 is now §4), row 5 (§4 is now §5), row 6 (§5 is now §6), row 7 (§6 is now §7) — \
            rename this sheet, make a new one with `codeboom sheet interview-a --coder K` and copy the codes to the rows whose text they belong to
            """), "\(check.stdout)")
        #expect(try loadProject(project.path).project.codings(by: "K").isEmpty)
        let freq = try runCodeboom(["freq", "--coder", "K", "--project", project.path])
        #expect(freq.status == 1)
    }

    @Test("sheet writes every segment's number, speaker and text, pseudonymised, and never replaces a sheet that is there")
    func makeSheet() throws {
        let project = try study(with: [])
        defer { project.remove() }
        let made = try runCodeboom(["sheet", "interview-a", "interview-b", "--coder", "K", "--project", project.path])
        #expect(made.status == 0)
        #expect(made.stdout == "Corpus/codings/K-interview-a.docx: 6 segments\nCorpus/codings/K-interview-b.docx: 4 segments\n")
        let url = project.root.appendingPathComponent("Corpus/codings/K-interview-b.docx")
        let sheet = try #require(try CodingSheet.read(Data(contentsOf: url), file: "K-interview-b.docx"))
        #expect(sheet.documentID == "interview-b")
        #expect(sheet.coder == "K")
        // interview-b as written, with Marieke replaced by her pseudonym from pseudoniemen.csv.
        #expect(sheet.rows.map { [$0.numberText, $0.speaker, $0.text] } == [
            ["1", "Interviewer", "Hoe werkt het samen?"],
            ["2", "R", "Er is nooit tijd, de agenda van [professional] zit vol."],
            ["3", "Interviewer", "En met de cliënt?"],
            ["4", "R", "Maar de klik met mevrouw is goed."],
        ])
        #expect(sheet.rows.allSatisfy { $0.codes.isEmpty && $0.memo == nil })
        // A blank sheet codes nothing and is no error.
        #expect(try runCodeboom(["check", "--project", project.path]).status == 0)
        let before = try Data(contentsOf: url)
        let again = try runCodeboom(["sheet", "interview-b", "--coder", "K", "--project", project.path])
        #expect(again.status == 1)
        #expect(again.stderr == "Corpus/codings/K-interview-b.docx: error: this sheet is already there and is never replaced — rename or move it first if you want a new one\n")
        #expect(try Data(contentsOf: url) == before)
        let unknown = try runCodeboom(["sheet", "interview-c", "--coder", "K", "--project", project.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("document \"interview-c\" is not in this project — did you mean \"interview-a\"?"))
    }

    @Test("the committed sheets are what sheet writes today: same rows, numbers and text")
    func fixturesAreCurrent() throws {
        let project = try study(with: [])
        defer { project.remove() }
        _ = try runCodeboom(["sheet", "interview-a", "--coder", "K", "--project", project.path])
        let fresh = try #require(try CodingSheet.read(Data(contentsOf: project.root.appendingPathComponent("Corpus/codings/K-interview-a.docx")), file: "fresh"))
        let filled = try #require(try CodingSheet.read(Data(contentsOf: Self.sheets.appendingPathComponent("K-interview-a.docx")), file: "filled"))
        #expect(fresh.rows.map { [$0.numberText, $0.speaker, $0.text] } == filled.rows.map { [$0.numberText, $0.speaker, $0.text] },
                "re-make the fixtures with Tests/CodeboomTests/Fixtures/coding-sheets/make-sheets.py .build/debug/codeboom")
    }

    @Test("codes prints the codebook to code with: text to the terminal's width, Markdown, and Word to a file")
    func codes() throws {
        let text = try runCodeboom(["codes", "--project", TestPaths.miniStudy])
        #expect(text.status == 0)
        expectGolden(text.stdout, "mini-study/codes.txt")
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let markdown = try runCodeboom(["codes", "--format", "md", "--project", TestPaths.miniStudy])
        expectGolden(markdown.stdout, "mini-study/codes.md")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-codes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("codeerboek.docx").path
        let word = try runCodeboom(["codes", "--format", "docx", "--out", out, "--project", TestPaths.miniStudy])
        #expect(word.status == 0)
        let read = try WordDocumentReader().read(Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(read.text.hasPrefix("Codeerboek — Mini-studie — codeboom\nSuccesfactoren — succes\ndeelvraag 1\nWat goed gaat.\nEen goede klik — klik\n"))
        #expect(try runCodeboom(["codes", "--format", "docx", "--out", out, "--project", TestPaths.miniStudy]).status == 1)
        #expect(try runCodeboom(["codes", "--format", "docx", "--project", TestPaths.miniStudy]).status == 64)
    }
}
