import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct DocumentReaderTests {
    static let codebook = TemporaryProject.formatsCodebook

    func project(with fixture: String, as name: String) throws -> TemporaryProject {
        try TemporaryProject.holding(fixture: fixture, as: name)
    }

    @Test("the same transcript as .txt, .docx, .odt and .vtt gives the same segments, speakers and counts")
    func sameTranscript() throws {
        var results: [(segments: [String], csv: String)] = []
        for ext in ["txt", "docx", "odt", "vtt"] {
            let project = try project(with: "same-transcript/transcript.\(ext)", as: "transcript.\(ext)")
            defer { project.remove() }
            let load = try loadProject(project.path)
            #expect(load.errors.isEmpty, "\(ext): \(load.errors)")
            let document = try #require(load.project.fullDocuments.first)
            #expect(document.type == .interview)
            #expect(document.metadata["bron"] == "test")
            let segments = document.segments.map { "\($0.label ?? "-")|\($0.speaker)|\(document.text(of: $0))" }
            results.append((segments, FrequencyCSVRenderer.render(FrequencyTable(project: load.project, coder: "inline"))))
        }
        #expect(results[0].segments.count == 6)
        #expect(results[0].segments[1] == "R|respondent(\"C9\")|Via de wijkcoach. Het klikte meteen met mijn maatje, we houden allebei van vissen.")
        #expect(results[0].csv.contains("klik,thema/klik,cliënt,1,1,1,1"))
        for result in results.dropFirst() {
            #expect(result.segments == results[0].segments)
            #expect(result.csv == results[0].csv)
        }
    }

    @Test("a .pdf is read through pdftotext when installed (same turns and counts), else one error naming the package")
    func pdf() throws {
        let project = try project(with: "same-transcript/transcript.pdf", as: "transcript.pdf")
        defer { project.remove() }
        let load = try loadProject(project.path)
        guard PDFTextExtractor.toolPath != nil else {
            #expect(load.errors.map(\.description) == [
                "Corpus/transcript.pdf: error: reading a .pdf needs the program pdftotext, which is not installed — install it with `apt-get install poppler-utils`, or save the transcript as .docx or .txt",
            ])
            return
        }
        #expect(load.errors.isEmpty)
        let document = try #require(load.project.fullDocuments.first)
        // A PDF wraps lines where the page does; words and turns are the same as the text file's.
        #expect(document.segments.map { "\($0.label ?? "-")|\($0.speaker)|\(document.text(of: $0).collapsingWhitespace)" } == [
            "I|interviewer|Hoe bent u bij het Maatjesnetwerk terechtgekomen?",
            "R|respondent(\"C9\")|Via de wijkcoach. Het klikte meteen met mijn maatje, we houden allebei van vissen.",
            "I|interviewer|En hoe gaat het contact met de professional?",
            "R|respondent(\"C9\")|Die is goed bereikbaar, ik kan altijd even bellen.",
            "I|interviewer|Is er ook iets lastig?",
            "R|respondent(\"C9\")|Soms heeft ze geen tijd, de agenda zit vol.",
        ])
        #expect(FrequencyCSVRenderer.render(FrequencyTable(project: load.project, coder: "inline")).contains("agendadruk,thema/agendadruk,cliënt,1,1,1,1"))
    }

    @Test("a comment naming an unknown code is a check error at the document")
    func unknownCommentCode() throws {
        let project = try TemporaryProject([
            "Corpus/documenten.csv": "document,type,perspectief,respondent\ncomment,interview,cliënt,C9\n",
        ], codebook: "# T\n## Thema {#thema}\n### Een juiste match {#juiste-match}\n")
        defer { project.remove() }
        try project.write("Corpus/comment.docx", bytes: Array(try Fixtures.data("comment.docx")))
        let errors = try loadProject(project.path).errors.map(\.description)
        #expect(errors == ["Corpus/comment.docx: error: unknown code \"heldere-rollen\" — use a code id from Codebooks/codeboom.md, or add the code there"])
    }

    @Test("a subtitle turn keeps the start time of its first cue")
    func cueTimes() throws {
        let project = try project(with: "same-transcript/transcript.vtt", as: "transcript.vtt")
        defer { project.remove() }
        let document = try #require(try loadProject(project.path).project.documents.first)
        #expect(document.segments.map(\.time) == [1, 4.5, 10, 12.5, 16.5, 751])
    }

    @Test("Word comments that name a code become codings of the comment's author; others are memos")
    func wordComments() throws {
        for ext in ["docx", "odt"] {
            let project = try project(with: "comment.\(ext)", as: "comment.\(ext)")
            defer { project.remove() }
            let load = try loadProject(project.path)
            #expect(load.errors.isEmpty, "\(load.errors)")
            #expect(load.project.coders == ["AdV", "BS"])
            let adv = try #require(load.project.codings(by: "AdV").first)
            #expect(adv.codeID == "juiste-match")
            let comment = try #require(load.project.fullDocument(id: "comment"))
            #expect(comment.segment(number: adv.segmentNumbers[0]).map(comment.text(of:))?.contains("Het klikte meteen") == true)
            let table = FrequencyTable(project: load.project, coder: "AdV")
            #expect(table.row(code: "juiste-match", perspective: Perspective("cliënt"))?.respondents == 1)
        }
    }

    @Test("a comment's first line of tags codes; the lines after it are the coding's memo; other comments are memos")
    func commentForms() {
        let document = DocumentParser.parse("R: een\nR: twee\n", file: "Corpus/d.docx", defaultID: "d").document
        let codebook = CodebookParser.parse(Self.codebook, file: "c.md").codebook
        let annotations = [
            ExtractedAnnotation(author: "Tessa Smit", initials: "TS", text: "#klik #agendadruk\nTwijfel over de tweede.", start: 3, end: 6),
            ExtractedAnnotation(author: "Tessa Smit", text: "Korte lijnen", start: 10, end: 14),
            ExtractedAnnotation(author: "Tessa Smit", text: "Vragen aan de begeleider", start: 3, end: 6),
        ]
        let result = CommentCodings.read(annotations, document: document, codebook: codebook)
        #expect(result.codings.map { "\($0.coder) \($0.codeID) \($0.segmentNumbers) \($0.memo ?? "")" } == [
            "TS klik [1] Twijfel over de tweede.", "TS agendadruk [1] Twijfel over de tweede.", "tessa-smit korte-lijnen [2] commentaar van Tessa Smit",
        ])
        #expect(result.memos.map(\.text) == ["Vragen aan de begeleider"])
    }

    @Test("a damaged .docx is one error and the rest of the corpus is still read")
    func damaged() throws {
        let project = try TemporaryProject(["Corpus/goed.txt": "R: ja #thema\n"], codebook: Self.codebook)
        defer { project.remove() }
        try project.write("Corpus/kapot.docx", bytes: Array("PK\u{3}\u{4} dit is geen echt archief".utf8))
        let load = try loadProject(project.path)
        #expect(load.errors.count == 1)
        #expect(load.errors[0].description.hasPrefix("Corpus/kapot.docx: error: not a valid .docx ("))
        #expect(load.project.documents.map(\.id) == ["goed"])
    }

    @Test("hostile archives are refused, each with its own message, and nothing is written outside the project")
    func hostile() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-evil-\(UUID().uuidString).txt")
        var slip = TestZipWriter()
        slip.add("../../../../../../..\(outside.path)", "kwaad")
        slip.add("word/document.xml", "<w:document/>")
        var absolute = TestZipWriter()
        absolute.add(outside.path, "kwaad")
        var xxe = TestZipWriter()
        xxe.add("word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document>&x;</w:document>")
        var bomb = TestZipWriter()
        bomb.add(.init(name: "word/document.xml", data: Data(count: 3_000_000)))
        var encrypted = TestZipWriter()
        encrypted.add(.init(name: "word/document.xml", data: Data("<w:document/>".utf8), flags: 0x0801))
        var many = TestZipWriter()
        for index in 0...10_000 { many.add(.init(name: "f\(index)", data: Data(), deflate: false)) }
        let cases: [(String, Data)] = [("slip", slip.archive()), ("absolute", absolute.archive()), ("xxe", xxe.archive()),
                                       ("bomb", bomb.archive()), ("encrypted", encrypted.archive()), ("many", many.archive()),
                                       ("truncated", slip.archive().prefix(40))]
        let project = try TemporaryProject([:], codebook: Self.codebook)
        defer { project.remove() }
        for (name, data) in cases { try project.write("Corpus/\(name).docx", bytes: Array(data)) }
        let load = try loadProject(project.path)
        let messages = Dictionary(uniqueKeysWithValues: load.errors.map { ($0.location.file, $0.message) })
        #expect(messages.count == cases.count)
        #expect(Set(messages.values).count == cases.count, "every refusal has its own message: \(messages)")
        #expect(messages["Corpus/xxe.docx"]?.contains("DOCTYPE") == true)
        #expect(!FileManager.default.fileExists(atPath: outside.path))
    }
}
