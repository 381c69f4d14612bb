import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct REFIProjectExportTests {
    /// Exports `directory` to a fresh `.qdpx` and opens it.
    private func export(_ directory: String, coders: [String]? = nil) throws -> (archive: ZipArchive, bytes: Data, summary: REFIProjectExport.Summary) {
        let load = try loadProject(directory)
        #expect(load.errors.isEmpty, "\(load.errors)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-qdpx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("project.qdpx")
        let summary = try REFIProjectExport(project: load.project, coders: coders, origin: "Codeboom test").write(to: url)
        let bytes = try Data(contentsOf: url)
        return (try ZipArchive(data: bytes), bytes, summary)
    }

    private func projectFile(_ archive: ZipArchive) throws -> String {
        String(decoding: try archive.data(for: "project.qde"), as: UTF8.self)
    }

    // MARK: The example study

    @Test("the example study's project.qde is its golden file, and the archive lists it after every source")
    func exampleStudyGolden() throws {
        let (archive, _, summary) = try export(TestPaths.packageRoot.path)
        expectGolden(try projectFile(archive), "export/vitras-project.qde")
        #expect(archive.entryNames.last == "project.qde")
        #expect(archive.entryNames.dropLast().allSatisfy { $0.hasPrefix("sources/") && $0.hasSuffix(".txt") })
        // check: 18 documents, 24 respondents, 514 codings by 2 coders; memos: 9 in codings/TS.csv and the 20 Word
        // comments of interview-02.docx (3 with memo paragraphs, 17 with the "commentaar van …" CommentCodings keeps).
        #expect(summary == REFIProjectExport.Summary(documents: 18, codings: 514, notes: 29, users: 2, cases: 24))
    }

    @Test("project.qde validates against the standard's Project.xsd", .enabled(if: REFISchemaValidation.isAvailable, REFISchemaValidation.unavailable))
    func validatesAgainstSchema() throws {
        let (archive, _, _) = try export(TestPaths.packageRoot.path)
        let result = try REFISchemaValidation.validate(try projectFile(archive), schema: REFISchemaValidation.projectSchema)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("exporting the same project twice gives byte-identical archives")
    func reexportIsByteIdentical() throws {
        let first = try export(TestPaths.packageRoot.path)
        let second = try export(TestPaths.packageRoot.path)
        #expect(first.bytes == second.bytes)
    }

    @Test("every source is the document's text after its front matter, and every selection holds what was coded")
    func sourcesAreTheTextsAfterFrontMatter() throws {
        let (archive, _, _) = try export(TestPaths.packageRoot.path)
        let load = try loadProject(TestPaths.packageRoot.path)
        let documents = try readDocuments(TestPaths.packageRoot.path)
        let root = try SafeXML.parse(try archive.data(for: "project.qde"))
        let sources = try #require(root.firstChild(named: "Sources")).children(named: "TextSource")
        #expect(sources.count == documents.count)
        for (source, document) in zip(sources, documents) {
            let guid = try #require(source.attributes["guid"])
            #expect(source.attributes["plainTextPath"] == "internal://\(guid).txt")
            let text = String(decoding: try archive.data(for: "sources/\(guid).txt"), as: UTF8.self)
            // The front matter ends at the second `---` line; the source is the rest.
            let full = document.text
            if full.hasPrefix("---\n") {
                let closing = try #require(full.range(of: "\n---\n"))
                #expect(text == String(full[closing.upperBound...]))
            } else {
                #expect(text == full)
            }
            let shift = full.unicodeScalars.count - text.unicodeScalars.count
            let scalars = Array(text.unicodeScalars)
            let outline = try #require(load.project.document(id: document.id))
            for selection in source.children(named: "PlainTextSelection") {
                let start = try #require(Int(selection.attributes["startPosition"] ?? ""))
                let end = try #require(Int(selection.attributes["endPosition"] ?? ""))
                #expect(0 <= start && start <= end && end <= scalars.count)
                // A selection lies inside one or more segments of the document.
                #expect(outline.segments.contains { $0.start <= start + shift && start + shift < $0.end })
            }
        }
    }

    @Test("a case per respondent carries its perspectief and the selections of its turns")
    func casesCarryPerspectives() throws {
        let (archive, _, _) = try export(TestPaths.packageRoot.path)
        let project = try loadProject(TestPaths.packageRoot.path).project
        let root = try SafeXML.parse(try archive.data(for: "project.qde"))
        let cases = try #require(root.firstChild(named: "Cases")).children(named: "Case")
        #expect(cases.map { $0.attributes["name"] ?? "" } == project.respondents.keys.sorted { $0.precedesNaturally($1) })
        let perspectief = REFIGUID.variable("perspectief")
        for element in cases {
            let respondent = try #require(project.respondents[element.attributes["name"] ?? ""])
            let value = element.children(named: "VariableValue").first { $0.firstChild(named: "VariableRef")?.attributes["targetGUID"] == perspectief }
            #expect(value?.firstChild(named: "TextValue")?.text == respondent.perspective)
        }
        // V1 (interview-05) speaks in every selection of interview-05 that is not on an interviewer turn.
        let v1 = try #require(cases.first { $0.attributes["name"] == "V1" })
        #expect(v1.children(named: "SourceRef").map { $0.attributes["targetGUID"] } == [REFIGUID.source("interview-05")])
        #expect(!v1.children(named: "SelectionRef").isEmpty)
    }

    // MARK: Offsets where code points, UTF-16 units and grapheme clusters differ

    /// Front matter of 70 code points; then `I: Hoe gaat het?\n` (17) and a turn with é, 😀 (1 code point,
    /// 2 UTF-16 units), n + U+0308 (2 code points, 1 grapheme cluster) and 🇳🇱 (2 code points, 1 cluster).
    private static let characters = """
    ---
    id: tekens
    type: interview
    perspectief: cliënt
    respondent: C9
    ---
    I: Hoe gaat het?
    R: Café 😀 n\u{308}u 🇳🇱 ja.

    """

    private func charactersProject() throws -> TemporaryProject {
        // Codeboom offsets count from the file's start: the body starts at 70.
        // "Café 😀 n̈u" is body 20..<30 (file 90..<100), "🇳🇱" body 31..<33 (file 101..<103).
        try TemporaryProject([
            "Corpus/tekens.txt": Self.characters,
            "Corpus/codings/TS.csv": "document,segment,code,start,end,memo\ntekens,,alpha,90,100,memo met é & <b>\ntekens,,beta,101,103,\ntekens,2,beta-een,,,\n",
        ])
    }

    @Test("selections count code points of exactly the exported text, by hand")
    func offsetsAreCodePoints() throws {
        let project = try charactersProject()
        defer { project.remove() }
        let (archive, _, summary) = try export(project.path)
        let guid = REFIGUID.source("tekens")
        let text = String(decoding: try archive.data(for: "sources/\(guid).txt"), as: UTF8.self)
        #expect(text == "I: Hoe gaat het?\nR: Café 😀 n\u{308}u 🇳🇱 ja.\n")
        let root = try SafeXML.parse(try archive.data(for: "project.qde"))
        let selections = try #require(root.firstChild(named: "Sources")?.firstChild(named: "TextSource")).children(named: "PlainTextSelection")
        let spans = selections.map { "\($0.attributes["startPosition"] ?? "")-\($0.attributes["endPosition"] ?? "")" }
        // Hand-counted code points: alpha 20–30, the segment coding from after "R: " to the line's end 20–37, beta 31–33.
        #expect(spans == ["20-30", "20-37", "31-33"])
        let scalars = Array(text.unicodeScalars)
        func covered(_ span: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[span])) }
        #expect(covered(20..<30) == "Café 😀 n\u{308}u")
        #expect(covered(31..<33) == "🇳🇱")
        // The same spans in UTF-16 units and in characters would be other numbers: the test tells them apart.
        #expect(Array(text.utf16).count == 41 && scalars.count == 38 && text.count == 36)
        let codes = selections.map { $0.firstChild(named: "Coding")?.firstChild(named: "CodeRef")?.attributes["targetGUID"] }
        #expect(codes == [REFIGUID.code("alpha"), REFIGUID.code("beta-een"), REFIGUID.code("beta")])
        // The memo is a note on its selection, its text escaped and read back exactly.
        let noteRef = try #require(selections[0].firstChild(named: "NoteRef")?.attributes["targetGUID"])
        let note = try #require(root.firstChild(named: "Notes")?.children(named: "Note").first { $0.attributes["guid"] == noteRef })
        #expect(note.firstChild(named: "PlainTextContent")?.text == "memo met é & <b>")
        #expect(note.attributes["creatingUser"] == REFIGUID.user("TS"))
        #expect(summary.codings == 3 && summary.notes == 1)
        // The respondent's case refers to all three selections; the document's metadata are variables.
        let c9 = try #require(root.firstChild(named: "Cases")?.children(named: "Case").first { $0.attributes["name"] == "C9" })
        #expect(Set(c9.children(named: "SelectionRef").compactMap { $0.attributes["targetGUID"] }) == Set(selections.compactMap { $0.attributes["guid"] }))
        let variables = try #require(root.firstChild(named: "Variables")).children(named: "Variable").compactMap { $0.attributes["name"] }
        #expect(variables == ["id", "perspectief", "respondent", "type"])
        if REFISchemaValidation.isAvailable {
            let result = try REFISchemaValidation.validate(String(decoding: try archive.data(for: "project.qde"), as: UTF8.self),
                                                           schema: REFISchemaValidation.projectSchema)
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test("a selection made by an inline tag is named after the tag, and only the chosen coders travel")
    func inlineTagsAndCoderChoice() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": "---\ntype: interview\nperspectief: cliënt\nrespondent: C1\n---\nI: Vraag?\nR: Het klikte. #alpha\n",
            "Corpus/codings/TS.csv": "document,segment,code\na,2,beta\n",
        ])
        defer { project.remove() }
        let inline = try export(project.path, coders: ["inline"])
        let xml = try projectFile(inline.archive)
        #expect(xml.contains("name=\"#alpha\" startPosition=\"13\" endPosition=\"31\""))
        #expect(!xml.contains(REFIGUID.code("beta") + "\"/>\n        </Coding>"))
        #expect(inline.summary.users == 1 && inline.summary.codings == 1)
        let all = try export(project.path)
        #expect(all.summary.users == 2 && all.summary.codings == 2)
    }
}
