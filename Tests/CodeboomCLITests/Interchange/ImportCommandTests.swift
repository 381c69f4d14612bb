import Foundation
import Testing
@testable import CodeboomCLI
@testable import Codeboom
@testable import CodeboomTestSupport

/// `codeboom import` from the command line: what it writes, what it refuses, and that `check` accepts the result.
@Suite struct ImportCommandTests {
    @Test("import parses its file, --into, --perspective-variable, --split-dotted, --force and --max-archive-size")
    func parse() throws {
        var options = REFIImport.Options()
        options.perspectiveVariable = "rol"
        options.splitDotted = true
        options.limits.maxEntrySize = 500 * 1_048_576
        options.limits.maxTotalSize = 500 * 1_048_576
        #expect(try CommandParser.parse(["import", "x.qdpx", "--into", "studie", "--perspective-variable", "rol", "--split-dotted",
                                         "--force", "--max-archive-size", "500"])
                == .importProject(file: "x.qdpx", into: "studie", force: true, options: options))
        #expect(try CommandParser.parse(["import", "--into=studie", "x.qdc"])
                == .importProject(file: "x.qdc", into: "studie", force: false, options: REFIImport.Options()))
        #expect(throws: UsageError.self) { try CommandParser.parse(["import", "x.qdpx"]) }
        #expect(throws: UsageError.self) { try CommandParser.parse(["import", "--into", "studie"]) }
        #expect(throws: UsageError.self) { try CommandParser.parse(["import", "x.qdpx", "y.qdpx", "--into", "studie"]) }
        #expect(HelpText.text(for: "import").contains("--perspective-variable NAME"))
    }

    @Test("import writes a project that check accepts, lists the variables and the perspective, and says what to run next")
    func importsMAXQDA() throws {
        let folder = try REFIFixtures.temporaryFolder("import-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try REFIFixtures.qdpx("maxqda", in: folder)
        let target = folder.appendingPathComponent("studie")
        let run = try runCodeboom(["import", file.path, "--into", target.path])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout.contains("  Codebooks/Vrijwilligers-MAXQDA.md: 6 code(s)\n  Corpus/: 3 document(s)\n"))
        #expect(run.stdout.contains("  Corpus/codings/Bram-de-Wit.csv: 2 coding(s)\n  Corpus/codings/Sanne.csv: 5 coding(s)\n"))
        #expect(run.stdout.contains("Variables found: Perspectief, Leeftijd\nPerspective: variable \"Perspectief\" (3 document(s), 0 case(s))"))
        #expect(run.stdout.hasSuffix("Next: codeboom check --project \(target.path)\n"))
        let check = try runCodeboom(["check", "--project", target.path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("0 error(s), 0 warning(s), 1 note(s) — 3 documents, 12 segments, 3 respondents, 6 codes, 7 codings by 2 coder(s)"))
        let freq = try runCodeboom(["freq", "--coder", "Sanne", "--format", "csv", "--project", target.path])
        #expect(freq.stdout.contains("\nsociaal-contact,motivatie/sociaal-contact,coördinator,1,1,1,1\n"))
        // Nothing is left beside the project.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["maxqda.qdpx", "studie"])
    }

    @Test("skipped sources are listed by name and warnings go to stderr with the file's name")
    func listsSkipped() throws {
        let folder = try REFIFixtures.temporaryFolder("import-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try REFIFixtures.qdpx("atlas", in: folder)
        let run = try runCodeboom(["import", file.path, "--into", folder.appendingPathComponent("studie").path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Skipped 2 source(s):\n  Folder gemeente.pdf: a PDF source: only text sources are imported (1 PDF selection(s)); its 1 coding(s) were skipped\n"
                                    + "  Foto buurthuis.png: a picture: only text sources are imported (1 picture selection(s)); its 1 coding(s) were skipped\n"))
        #expect(run.stderr == "\(file.path): warning: 1 note(s) not linked to a coded selection were not imported (\"Projectmemo\"); a memo belongs to a coding\n")
    }

    @Test("a folder that is not empty is refused and left as it was, unless --force, which replaces it whole")
    func neverOverwrites() throws {
        let folder = try REFIFixtures.temporaryFolder("import-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try REFIFixtures.qdpx("aqda", in: folder)
        let target = folder.appendingPathComponent("studie")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("mijn aantekeningen".utf8).write(to: target.appendingPathComponent(".notities"))
        let refused = try runCodeboom(["import", file.path, "--into", target.path])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("is not empty; import into a new or empty folder, or add --force to replace it"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == [".notities"])

        let forced = try runCodeboom(["import", file.path, "--into", target.path, "--force"])
        #expect(forced.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() == ["Codebooks", "Corpus"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["aqda.qdpx", "studie"])

        // An empty folder is taken as it is; a file is not a folder.
        let empty = folder.appendingPathComponent("leeg")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(try runCodeboom(["import", file.path, "--into", empty.path]).status == 0)
        let refusedFile = try runCodeboom(["import", file.path, "--into", file.path, "--force"])
        #expect(refusedFile.status == 64)
        // --force never replaces the folder that holds the file being imported.
        let holder = try runCodeboom(["import", file.path, "--into", folder.path, "--force"])
        #expect(holder.status == 64)
        #expect(holder.stderr.contains("which holds the file to import"))
    }

    @Test("a refused archive writes nothing and exits 1 with the file, what is wrong and what to do")
    func refusedArchive() throws {
        let folder = try REFIFixtures.temporaryFolder("import-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try REFIFixtures.qdpx("aqda", in: folder) { $0.append(("../buiten.txt", Data("x".utf8))) }
        let target = folder.appendingPathComponent("studie")
        let run = try runCodeboom(["import", file.path, "--into", target.path])
        #expect(run.status == 1)
        #expect(run.stderr == "\(file.path): error: not imported: archive entry \"../buiten.txt\" contains a \"..\" path component — refusing a possibly hostile archive (zip slip); check its origin\n")
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["aqda.qdpx"])

        let unknown = try runCodeboom(["import", REFIFixtures.folder.appendingPathComponent("taguette.qdc").path, "--into", target.path,
                                       "--perspective-variable", "rol"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("error: --perspective-variable \"rol\" is not a variable of this project — use one of: (the project has no variables)"))
    }

    @Test("Taguette's flat codebook with --split-dotted checks clean as a tree")
    func splitDotted() throws {
        let folder = try REFIFixtures.temporaryFolder("import-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("studie")
        let run = try runCodeboom(["import", REFIFixtures.folder.appendingPathComponent("taguette.qdc").path, "--into", target.path, "--split-dotted"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Codebooks/taguette.md: 9 code(s)"))
        let codebook = try String(contentsOf: target.appendingPathComponent("Codebooks/taguette.md"), encoding: .utf8)
        #expect(codebook == "# taguette\n\n## ervaring {#ervaring}\n\n### voldoening {#voldoening}\n\n### zwaar {#zwaar}\n\n## motivatie {#motivatie}\n\n"
                + "### sociaal {#sociaal}\n\n## organisatie {#organisatie}\n\n### aanspreekpunt {#aanspreekpunt}\n\n### bureaucratie {#bureaucratie}\n\n"
                + "## werving {#werving}\n")
        #expect(try runCodeboom(["check", "--project", target.path]).status == 0)
    }
}
