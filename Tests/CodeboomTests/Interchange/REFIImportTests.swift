import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

/// `REFIImport` on projects written the way other tools write them (`Fixtures/refi`, see its README): the counts
/// a researcher checks by hand against the other program, and `check` and `freq` on the result.
@Suite struct REFIImportTests {
    /// Imports a fixture, loads the result as every command does and hands both to `body`.
    private func imported(_ name: String, options: REFIImport.Options = REFIImport.Options(),
                          _ body: (REFIImport.Summary, ProjectLoad, URL) throws -> Void) throws {
        let folder = try REFIFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (summary, project) = try REFIFixtures.importFixture(name, in: folder, options: options)
        let load = try loadProject(project.path)
        try body(summary, load, project)
    }

    private func text(_ path: String, in project: URL) throws -> String {
        try String(contentsOf: project.appendingPathComponent(path), encoding: .utf8)
    }

    private func respondents(_ table: FrequencyTable, _ code: String, _ perspective: String?) -> Int? {
        table.row(code: code, perspective: perspective.map(Perspective.init))?.respondents
    }

    @Test("MAXQDA: variables on the text sources become front matter, \\r\\n becomes \\n with the offsets moved, colours and descriptions stay")
    func maxqda() throws {
        try imported("maxqda") { (summary, load, project) throws in
            #expect(summary.codeCount == 6)
            #expect(summary.documents == ["Interview-Joke", "Interview-Kees", "Interview-Fatima"])
            #expect(summary.codingsByCoder == ["Sanne": 5, "Bram-de-Wit": 2])
            #expect(summary.variables == ["Perspectief", "Leeftijd"])
            #expect(summary.perspectiveVariable == "Perspectief")
            #expect(summary.documentsWithPerspective == 3)
            #expect(summary.skippedSources.isEmpty)
            #expect(load.errors.isEmpty)
            #expect(load.warnings.isEmpty)

            let fatima = try text("Corpus/Interview-Fatima.txt", in: project)
            #expect(fatima.hasPrefix("---\nperspectief: coördinator\nleeftijd: 41\n---\nI: Wat ziet u als coördinator?\nR: Regels"))
            #expect(!fatima.contains("\r"))
            // Every coding covers exactly the words MAXQDA's selection held.
            let sanne = load.project.codings(by: "Sanne")
            #expect(try sanne.map { try REFIFixtures.codedText($0, in: project) } == [
                "Voor de gezelligheid, echt.", "Dat ik ertoe doe. Mensen rekenen op me.", "Ik weet nooit wie ik moet bellen.",
                "Regels en nog eens regels, dat remt.", "Ze komen voor elkaar, voor het café op vrijdag.",
            ])

            // Counted by hand: Sanne coded social contact for Joke (vrijwilliger) and Fatima (coördinator).
            let table = FrequencyTable(project: load.project, coder: "Sanne")
            #expect(respondents(table, "sociaal-contact", "vrijwilliger") == 1)
            #expect(respondents(table, "sociaal-contact", "coördinator") == 1)
            #expect(table.row(code: "sociaal-contact", perspective: Perspective("vrijwilliger"))?.respondentsInPerspective == 2)
            #expect(respondents(table, "organisatie", nil) == 2)
            #expect(table.row(code: "motivatie", perspective: nil)?.segments == 3)
            let bram = FrequencyTable(project: load.project, coder: "Bram-de-Wit")
            #expect(respondents(bram, "bureaucratie", "vrijwilliger") == 1)
            #expect(respondents(bram, "bureaucratie", "coördinator") == 0)

            let codes = load.project.codebook.codes
            #expect(codes.map(\.id) == ["motivatie", "sociaal-contact", "zingeving", "organisatie", "aanspreekpunt", "bureaucratie"])
            #expect(codes.map(\.depth) == [0, 1, 1, 0, 1, 1])
            #expect(codes[0].description == "Waarom mensen vrijwilliger worden & blijven.")
            #expect(codes[1].description == "Contact met anderen, \"gezelligheid\".")
            #expect(codes[1].attributes["kleur"] == "#FF8080")
            // A first line that reads like an attribute keeps a backslash, so it stays description.
            #expect(codes[5].description == "\\Let op: alleen regels en papier, niet personen.\nZie ook Aanspreekpunt.")
        }
    }

    @Test("NVivo for Mac: a .qdc in namespace …codebook:1:0 with GUIDs in braces reads as any codebook")
    func nvivoCodebook() throws {
        try imported("nvivo-codebook.qdc") { (summary, load, _) throws in
            #expect(summary.codeCount == 6)
            #expect(summary.warnings.isEmpty)
            #expect(summary.documents.isEmpty)
            #expect(load.errors.isEmpty)
            let codes = load.project.codebook.codes
            #expect(codes.map(\.id) == ["ervaringen", "positief", "negatief", "organisatie", "contactpersoon", "regels"])
            #expect(codes.filter(\.isCategory).map(\.id) == ["ervaringen", "organisatie"])
            #expect(codes[2].description == "Klachten, zorgen.")
        }
    }

    @Test("NVivo for Mac: GUIDs in braces, a sources/.root entry, Word files beside empty .txt files, Sets")
    func nvivoProject() throws {
        try imported("nvivo") { (summary, load, project) throws in
            #expect(summary.codeCount == 6)
            #expect(summary.documents == ["Gesprek-Lotte", "Gesprek-Ahmed", "Gesprek-Mirjam"])
            #expect(summary.skippedSources.isEmpty)
            #expect(summary.codingsByCoder == ["Chris-P": 3])
            #expect(load.errors.isEmpty)
            // The empty plain text is replaced by the Word file's text.
            #expect(try text("Corpus/Gesprek-Lotte.txt", in: project)
                    == "I: Hoe bevalt het?\nR: Heel positief, ik word gewaardeerd.\nI: En de regels?\nR: Te veel regels voor zo'n klein klusje.")
            // Codes by braced upper-case GUIDs, against the same GUIDs in the code tree.
            let codings = load.project.codings(by: "Chris-P")
            #expect(codings.map(\.codeID) == ["negatief", "positief", "contactpersoon"])
            #expect(try REFIFixtures.codedText(codings[2], in: project) == "niemand belt terug")
            let table = FrequencyTable(project: load.project, coder: "Chris-P")
            #expect(table.row(code: "ervaringen", perspective: nil)?.segments == 2)
        }
    }

    @Test("ATLAS.ti: PDF and picture sources are listed as skipped with their codings; a note linked by NoteRef is the coding's memo")
    func atlas() throws {
        try imported("atlas") { (summary, load, _) throws in
            #expect(summary.documents == ["Interview-Wim"])
            #expect(summary.skippedSources.map(\.name) == ["Folder gemeente.pdf", "Foto buurthuis.png"])
            #expect(summary.skippedSources[0].reason.contains("1 coding(s) were skipped"))
            #expect(summary.codingsByCoder == ["Nadia": 2])
            #expect(summary.memoCount == 1)
            #expect(summary.warnings == ["1 note(s) not linked to a coded selection were not imported (\"Projectmemo\"); a memo belongs to a coding"])
            #expect(load.errors.isEmpty)
            let codings = load.project.codings(by: "Nadia")
            #expect(codings.map(\.memo) == ["Vaker genoemd door mantelzorgers.\nNagaan bij Kees.", nil])
        }
    }

    @Test("Taguette: a flat codebook of dotted names stays flat, and --split-dotted makes it a tree")
    func taguette() throws {
        try imported("taguette.qdc") { (summary, load, _) throws in
            #expect(summary.codeCount == 6)
            #expect(load.project.codebook.codes.allSatisfy { $0.isCategory })
            #expect(load.project.codebook.codes.map(\.label).first == "ervaring.voldoening")
        }
        try imported("taguette.qdc", options: REFIImport.Options(splitDotted: true)) { (summary, load, _) throws in
            #expect(summary.codeCount == 9)
            let codes = load.project.codebook.codes
            #expect(codes.map(\.id) == ["ervaring", "voldoening", "zwaar", "motivatie", "sociaal", "organisatie", "aanspreekpunt",
                                        "bureaucratie", "werving"])
            #expect(codes.filter(\.isCategory).map(\.id) == ["ervaring", "motivatie", "organisatie", "werving"])
            #expect(load.project.codebook.codes.first { $0.id == "ervaring" }?.childIDs == ["voldoening", "zwaar"])
            #expect(load.errors.isEmpty)
        }
    }

    @Test("QualCoder: a case per interview gives the respondent and perspective; cases by selection become respondenten.csv rows")
    func qualcoder() throws {
        try imported("qualcoder") { (summary, load, project) throws in
            #expect(summary.documents == ["anna", "bas", "carla", "focusgroep"])
            #expect(summary.codingsByCoder == ["default": 7])
            #expect(summary.variables == ["perspectief", "woonplaats"])
            #expect(summary.respondents == ["Anna", "Bas", "Carla", "Dirk"])
            #expect(summary.respondentRows == 2)
            #expect(load.errors.isEmpty)
            #expect(load.warnings.isEmpty)
            #expect(try text("Corpus/respondenten.csv", in: project)
                    == "respondent,perspectief,document,spreker\nAnna,cliënt,focusgroep,Anna\nDirk,professional,focusgroep,Dirk\n")
            #expect(try text("Corpus/bas.txt", in: project).hasPrefix("---\nrespondent: Bas\nperspectief: cliënt\n---\n"))
            // By hand: steun — Anna (interview and focus group, once) and Bas; drempels — Anna, Carla and Dirk.
            let table = FrequencyTable(project: load.project, coder: "default")
            #expect(respondents(table, "steun", "cliënt") == 2)
            #expect(respondents(table, "steun", "professional") == 0)
            #expect(respondents(table, "drempels", "cliënt") == 1)
            #expect(respondents(table, "drempels", "professional") == 2)
            #expect(table.row(code: "drempels", perspective: Perspective("professional"))?.respondentsInPerspective == 2)
            #expect(table.row(code: "drempels", perspective: nil)?.segments == 4)
        }
    }

    @Test("--perspective-variable chooses the variable, and one that is not there is an error listing those that are")
    func perspectiveVariable() throws {
        try imported("qualcoder", options: REFIImport.Options(perspectiveVariable: "Woonplaats")) { (summary, load, _) throws in
            #expect(summary.perspectiveVariable == "woonplaats")
            #expect(load.project.perspectives.map(\.name) == ["Rijnstad"])
        }
        let folder = try REFIFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: REFIImport.Failure.unknownPerspectiveVariable(file: "qualcoder", name: "rol", variables: ["perspectief", "woonplaats"])) {
            try REFIFixtures.importFixture("qualcoder", in: folder, options: REFIImport.Options(perspectiveVariable: "rol"))
        }
    }

    @Test("AQDA: sources in Sources/ with a capital S; positions after é and ó count code points")
    func aqda() throws {
        try imported("aqda") { (summary, load, project) throws in
            #expect(summary.documents == ["interview_01", "interview_02"])
            #expect(summary.codingsByCoder == ["AQDA-User": 5])
            #expect(load.errors.isEmpty)
            let codings = load.project.codings(by: "AQDA-User")
            #expect(try codings.map { try REFIFixtures.codedText($0, in: project) } == [
                "Via mijn tennisclub, één van de leden vroeg het.", "Het geeft me een goed gevoel, zó fijn.",
                "Mijn schoonzus werkt hier, zij wist dat ik zocht.", "Ja, ik voel me nuttig, écht nuttig.", "écht nuttig",
            ])
            #expect(load.project.codebook.introduction == "gemaakt met AQDA")
        }
    }

    @Test("the qc tool: source paths without internal://, sources without a name, whole-line selections with several codings")
    func qc() throws {
        try imported("qc") { (summary, load, project) throws in
            #expect(summary.documents == ["board", "admin"])
            #expect(summary.codingsByCoder == ["cp": 4])
            #expect(load.errors.isEmpty)
            let codings = load.project.codings(by: "cp")
            #expect(codings.map(\.codeID) == ["access", "trust", "access", "trust"])
            #expect(try REFIFixtures.codedText(codings[2], in: project) == "Admin: Parents trust us, but they cannot reach the school.\n")
        }
    }

    @Test("code points, not UTF-16 units or graphemes: emoji, a flag, a decomposed é made NFC and \\r\\n keep every coding on its words")
    func unicodeOffsets() throws {
        try imported("unicode") { (summary, load, project) throws in
            #expect(summary.codingsByCoder == ["Eva": 4])
            #expect(load.errors.isEmpty)
            let codings = load.project.codings(by: "Eva")
            #expect(try codings.map { try REFIFixtures.codedText($0, in: project) } == [
                "iedereen kwam", "caf\u{E9}baas", "gesprek met de buren 😀 heel fijn.",
                // Ended between the e and its accent: widened to the whole é.
                "Op\u{E9}",
            ])
            let written = try text("Corpus/feest.txt", in: project)
            #expect(!written.contains("\r") && !written.unicodeScalars.contains("\u{301}"))
        }
    }

    @Test("REFIImportText maps positions through \\r\\n and NFC, rounding a position inside a changed cluster outwards")
    func textPositions() {
        let text = REFIImportText("a\r\nbe\u{301}c")
        #expect(text.text == "a\nb\u{E9}c")
        #expect(text.originalScalarCount == 7)
        #expect(text.scalarCount == 5)
        #expect((0...7).map { text.position(of: $0, isEnd: false) } == [0, 1, 1, 2, 3, 3, 4, 5])
        #expect((0...7).map { text.position(of: $0, isEnd: true) } == [0, 1, 2, 2, 3, 4, 4, 5])
        #expect(text.position(of: 8, isEnd: true) == nil)
        #expect(REFIImportText("\u{FEFF}abc").text == "abc")
    }

    @Test("a bad project imports what it can and names what it skipped: outside selections, unknown codes, duplicate GUIDs, missing files")
    func badProject() throws {
        try imported("bad") { (summary, load, _) throws in
            #expect(summary.documents == ["goed"])
            #expect(summary.codingsByCoder == ["Ria": 2])
            #expect(summary.codeCount == 2)
            #expect(summary.skippedSources.map(\.name) == ["tweede met dezelfde GUID", "kwijt", "buiten"])
            #expect(summary.skippedSources[1].reason.hasSuffix(".txt\" is not in the archive"))
            #expect(summary.skippedSources[2].reason.contains("outside the archive"))
            #expect(summary.warnings.count == 4)
            #expect(summary.warnings[0].hasPrefix("the code \"A bis\" has the GUID"))
            #expect(summary.warnings[1].contains("has the GUID of an earlier selection; its 1 coding(s) were skipped"))
            #expect(summary.warnings[2].contains("(50–500) of source \"goed\" lies outside its text of 63 code points; its 1 coding(s) were skipped"))
            #expect(summary.warnings[3].contains("which the codebook does not have; skipped"))
            #expect(load.errors.isEmpty)
        }
    }

    // MARK: Hostile archives

    private func failure(_ build: (URL) throws -> URL) throws -> REFIImport.Failure? {
        let folder = try REFIFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try build(folder)
        let project = folder.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        defer { #expect((try? FileManager.default.contentsOfDirectory(atPath: project.path))?.isEmpty ?? false) }
        do {
            _ = try REFIImport.run(file: file.path, shownPath: "x.qdpx", into: project)
            return nil
        } catch {
            return error
        }
    }

    @Test("zip slip, XXE, an entity bomb and a zip bomb are refused before anything is written")
    func hostileArchives() throws {
        let slip = try failure { folder in
            try REFIFixtures.qdpx("aqda", in: folder) { $0.append(("../../evil.txt", Data("x".utf8))) }
        }
        #expect(slip == .archive(file: "x.qdpx", .pathTraversal(entry: "../../evil.txt")))

        let xxe = try failure { folder in
            try REFIFixtures.qdpx("aqda", in: folder) { entries in
                let index = entries.firstIndex { $0.name == "project.qde" }!
                let text = String(decoding: entries[index].data, as: UTF8.self)
                    .replacingOccurrences(of: "<Project ", with: "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Project ")
                entries[index].data = Data(text.utf8)
            }
        }
        guard case .xml(_, "project.qde", _) = xxe else { Issue.record("XXE not refused: \(String(describing: xxe))"); return }

        let bomb = try failure { folder in
            try REFIFixtures.qdpx("aqda", in: folder) { $0.append(("Sources/bomb.txt", Data(repeating: 0x61, count: 20_000_000))) }
        }
        guard case .archive(_, .compressionRatioTooHigh) = bomb else { Issue.record("zip bomb not refused: \(String(describing: bomb))"); return }

        let notProject = try failure { folder in
            let url = folder.appendingPathComponent("x.qdc")
            try Data("<html><body/></html>".utf8).write(to: url)
            return url
        }
        #expect(notProject == .notREFI(file: "x.qdpx", root: "html"))

        let noProjectFile = try failure { folder in
            try REFIFixtures.qdpx("aqda", in: folder) { $0.removeAll { $0.name == "project.qde" } }
        }
        guard case .noProjectFile = noProjectFile else { Issue.record("missing project.qde not reported"); return }
    }
}
