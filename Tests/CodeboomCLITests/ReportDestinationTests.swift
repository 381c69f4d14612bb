import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomCLI
@testable import CodeboomTestSupport

@Suite struct ReportDestinationTests {
    /// A project inside a fake home folder, with a folder of the researcher's own beside it.
    struct Setup {
        let home: URL
        let project: TemporaryProject
        init() throws {
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-home-\(UUID().uuidString)")
            self.home = home
            project = try TemporaryProject(["Corpus/a.txt": "---\nperspectief: cliënt\nrespondent: C1\n---\nR: ja #alpha\n"])
            try FileManager.default.createDirectory(at: home.appendingPathComponent("Documenten"), withIntermediateDirectories: true)
            try "mijn brief\n".write(to: home.appendingPathComponent("Documenten/brief.md"), atomically: false, encoding: .utf8)
            try "mijn index\n".write(to: home.appendingPathComponent("Documenten/index.md"), atomically: false, encoding: .utf8)
        }
        func remove() {
            project.remove()
            try? FileManager.default.removeItem(at: home)
        }
    }

    @Test("--out is refused, even with --force, for the root, the home folder, the project, a folder holding it, Corpus/ and Codebooks/")
    func refusedAlways() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let root = setup.project.root
        let cases: [(String, String)] = [
            ("/", "is the root of the file system"),
            (setup.home.path, "is your home folder"),
            (setup.home.path + "/./", "is your home folder"),
            (root.path, "holds the project itself"),
            (root.deletingLastPathComponent().path, "holds the project itself"),
            (root.path + "/Corpus/../..", "holds the project itself"),
            (root.path + "/Corpus", "is in Corpus/"),
            (root.path + "/Corpus/codings", "is in Corpus/"),
            (root.path + "/Corpus/nieuw/rapport", "is in Corpus/"),
            (root.path + "/Codebooks", "is in Codebooks/"),
        ]
        for (out, why) in cases {
            for force in [[], ["--force"]] {
                let result = try runCodeboom(["report", "--project", root.path, "--out", out] + force, home: setup.home)
                #expect(result.status == 64, "\(out)")
                #expect(result.stderr.hasPrefix("error: --out \"\(out)\" \(why)"), "\(out): \(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
        }
        // Nothing was written anywhere.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["Codebooks", "Corpus"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Corpus").path).sorted() == ["a.txt", "codings"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: setup.home.path) == ["Documenten"])
    }

    @Test("a folder of the researcher's own needs --force; with it, their files stay and a same-named page replaces theirs")
    func foreignFolderNeedsForce() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let documents = setup.home.appendingPathComponent("Documenten")
        let refused = try runCodeboom(["report", "--project", setup.project.path, "--out", documents.path], home: setup.home)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("already holds files that codeboom report did not write"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: documents.path).sorted() == ["brief.md", "index.md"])

        let forced = try runCodeboom(["report", "--project", setup.project.path, "--out", documents.path, "--force"], home: setup.home)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: documents.appendingPathComponent("brief.md"), encoding: .utf8) == "mijn brief\n")
        #expect(try String(contentsOf: documents.appendingPathComponent("index.md"), encoding: .utf8).hasPrefix("# Test\n"))
        #expect(ReportFolder.manifest(of: documents)?.first == "index.md")
        // Now the folder is the report's: the next run needs no --force and still keeps the letter.
        let again = try runCodeboom(["report", "--project", setup.project.path, "--out", documents.path], home: setup.home)
        #expect(again.status == 0)
        #expect(try String(contentsOf: documents.appendingPathComponent("brief.md"), encoding: .utf8) == "mijn brief\n")
    }

    @Test("a new folder, an empty one and the project's Reports/ given as --out are written without --force")
    func allowed() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let empty = setup.home.appendingPathComponent("leeg")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for out in [setup.home.appendingPathComponent("nieuw/rapport").path, empty.path, setup.project.path + "/Reports", setup.project.path + "/Corpus/../Reports"] {
            let result = try runCodeboom(["report", "--project", setup.project.path, "--out", out], home: setup.home)
            #expect(result.status == 0, "\(out): \(result.stderr)")
            #expect(result.stdout.hasPrefix("\(out)/index.md\n"))
        }
    }

    @Test("a Reports/ from before manifests keeps files it cannot tell from a person's, and says so")
    func legacyReports() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try setup.project.write("Reports/index.md", "oude index\n")
        try setup.project.write("Reports/perspectief-weg.md", "oude pagina of notities?\n")
        let result = try runCodeboom(["report", "--project", setup.project.path], home: setup.home)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("note: Reports had no .codeboom-manifest yet, so these files were kept: perspectief-weg.md — delete those that are pages of an earlier report\n"))
        let reports = setup.project.root.appendingPathComponent("Reports")
        #expect(try String(contentsOf: reports.appendingPathComponent("perspectief-weg.md"), encoding: .utf8) == "oude pagina of notities?\n")
        #expect(try String(contentsOf: reports.appendingPathComponent("index.md"), encoding: .utf8).hasPrefix("# Test\n"))
    }

    @Test("a previous report's pages that are gone are removed; the researcher's notes beside them stay")
    func previousPagesRemoved() throws {
        let setup = try Setup()
        defer { setup.remove() }
        #expect(try runCodeboom(["report", "--project", setup.project.path], home: setup.home).status == 0)
        let reports = setup.project.root.appendingPathComponent("Reports")
        #expect(FileManager.default.fileExists(atPath: reports.appendingPathComponent("perspectief-client.md").path))
        try setup.project.write("Reports/perspectief-client-notities.md", "mijn notities\n")
        try setup.project.write("Corpus/a.txt", "---\nperspectief: vrijwilliger\nrespondent: V1\n---\nR: ja #alpha\n")
        #expect(try runCodeboom(["report", "--project", setup.project.path], home: setup.home).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: reports.path)
        #expect(!names.contains("perspectief-client.md"))
        #expect(names.contains("perspectief-vrijwilliger.md"))
        #expect(try String(contentsOf: reports.appendingPathComponent("perspectief-client-notities.md"), encoding: .utf8) == "mijn notities\n")
    }
}

@Suite struct OptionValueCLITests {
    @Test("autocode --coder ../../x and --coder '' exit 64 and write nothing anywhere")
    func coderOutsideCodings() throws {
        let project = try TemporaryProject(["Corpus/a.txt": "R: een klik\n"], codebook: "# T\n\n## C {#c}\n\n### Klik {#klik}\ntrefwoorden: klik\n")
        defer { project.remove() }
        for coder in ["../../x", "", "../Corpus/a", ".x", "a/b"] {
            let result = try runCodeboom(["autocode", "--project", project.path, "--coder", coder])
            #expect(result.status == 64, "\(coder)")
            #expect(result.stderr.hasPrefix("error: --coder"), "\(coder): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("Corpus/codings").path).isEmpty)
        // `Corpus/codings/../../x.csv` would be the project folder's `x.csv`.
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path).sorted() == ["Codebooks", "Corpus"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("Corpus").path).sorted() == ["a.txt", "codings"])
        #expect(try String(contentsOf: project.root.appendingPathComponent("Corpus/a.txt"), encoding: .utf8) == "R: een klik\n")
        // A plain name still works, and the next run removes what a killed run left in Corpus/codings/.
        let stale = ".auto.csv.\(UUID().uuidString).tmp"
        try project.write("Corpus/codings/\(stale)", "half")
        let result = try runCodeboom(["autocode", "--project", project.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("Corpus/codings").path) == ["auto.csv"])
    }

    @Test("--max-archive-size 17592186044416 is a usage error (64), not a crash")
    func archiveSizeOverflow() throws {
        let result = try runCodeboom(["check", "--max-archive-size", "17592186044416", "--project", TestPaths.miniStudy])
        #expect(result.status == 64)
        #expect(result.stderr == "error: --max-archive-size takes a whole number of MB from 1 to 1048576, like 500 — see `codeboom check --help`\n")
    }

    @Test("an argument with an escape sequence is echoed visibly on the terminal")
    func escapedArguments() throws {
        let result = try runCodeboom(["fr\u{1B}[2Jeq"])
        #expect(result.status == 64)
        #expect(result.stderr == "error: unknown command \"fr\\u{1B}[2Jeq\" — see `codeboom --help`\n")
        let unknown = try runCodeboom(["segments", "doc\u{1B}]0;titel\u{07}", "--project", TestPaths.miniStudy])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("error: document \"doc\\u{1B}]0;titel\\u{7}\" is not in this project"))
    }
}
