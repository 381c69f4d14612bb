import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomCLI
@testable import CodeboomTestSupport

@Suite struct ExportCommandTests {
    private let miniProject = [
        "Corpus/a.txt": "---\ntype: interview\nperspectief: cliënt\nrespondent: C1\n---\nI: Hoe gaat het?\nR: Café 😀 klopt. #alpha\n",
        "Corpus/codings/TS.csv": "document,segment,code,start,end,memo\na,2,beta,,,eerste memo\n",
    ]

    // MARK: Parsing

    @Test("export takes exactly one of --qdc, --qdpx and --csv, with its options")
    func parses() throws {
        #expect(try CommandParser.parse(["export", "--qdc", "c.qdc"]) == .export(ProjectOptions(), ExportRequest(format: .qdc, output: "c.qdc")))
        #expect(try CommandParser.parse(["export", "--qdpx", "p.qdpx", "--coder", "TS", "--coder", "inline", "--coder", "TS", "--force"])
            == .export(ProjectOptions(), ExportRequest(format: .qdpx, output: "p.qdpx", coders: ["TS", "inline"], force: true)))
        #expect(try CommandParser.parse(["export", "--qdpx", "p.qdpx", "--all-coders"]) == .export(ProjectOptions(), ExportRequest(format: .qdpx, output: "p.qdpx")))
        #expect(try CommandParser.parse(["export", "--csv=c.csv", "--excel", "--project", "/p"])
            == .export(ProjectOptions(directory: "/p"), ExportRequest(format: .csv, output: "c.csv", excel: true)))
        #expect(try CommandParser.parse(["freq", "--format", "csv", "--excel"]) == .freq(ProjectOptions(), coder: "inline", format: .csv, excel: true))
    }

    @Test("contradictory or incomplete export options are usage errors", arguments: [
        (["export"], "name one file to write"),
        (["export", "--qdc", "a.qdc", "--qdpx", "b.qdpx"], "name one file to write"),
        (["export", "--qdpx"], "--qdpx needs a value"),
        (["export", "--qdpx", "p.qdpx", "--coder", "TS", "--all-coders"], "exclude each other"),
        (["export", "--qdc", "a.qdc", "--coder", "TS"], "a codebook holds no codings"),
        (["export", "--qdpx", "p.qdpx", "--excel"], "--excel goes with --csv"),
        (["export", "--csv", "c.csv", "extra"], "unexpected argument"),
        (["freq", "--excel"], "--excel goes with --format csv"),
    ])
    func usageErrors(arguments: [String], message: String) {
        #expect(throws: UsageError.self) { try CommandParser.parse(arguments) }
        do { _ = try CommandParser.parse(arguments) } catch { #expect(error.message.contains(message), "\(error.message)") }
    }

    // MARK: The binary

    @Test("export --qdc, --qdpx and --csv write their files and say what they wrote")
    func writesEachFormat() throws {
        let project = try TemporaryProject(miniProject)
        defer { project.remove() }
        let qdc = try runCodeboom(["export", "--qdc", "studie.qdc"], in: project.path)
        #expect(qdc.status == 0, "\(qdc.stderr)")
        #expect(qdc.stdout == "studie.qdc: 4 codes\n")
        let codebook = try String(contentsOf: project.root.appendingPathComponent("studie.qdc"), encoding: .utf8)
        #expect(codebook.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Codeboom \(CommandRunner.version)\">"))

        let qdpx = try runCodeboom(["export", "--qdpx", "studie.qdpx"], in: project.path)
        #expect(qdpx.status == 0, "\(qdpx.stderr)")
        #expect(qdpx.stdout == "studie.qdpx: 1 documents, 2 codings, 1 memos, 2 users, 1 cases\n")
        let archive = try ZipArchive(data: Data(contentsOf: project.root.appendingPathComponent("studie.qdpx")))
        #expect(archive.entryNames == ["sources/\(REFIGUID.source("a")).txt", "project.qde"])

        let onlyTS = try runCodeboom(["export", "--qdpx", "ts.qdpx", "--coder", "TS"], in: project.path)
        #expect(onlyTS.stdout == "ts.qdpx: 1 documents, 1 codings, 1 memos, 1 users, 1 cases\n")

        let csv = try runCodeboom(["export", "--csv", "codings.csv", "--excel"], in: project.path)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == "codings.csv: 2 codings\n")
        let bytes = try Data(contentsOf: project.root.appendingPathComponent("codings.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("document;segment;respondent;perspective;code;path;coder;start;end;memo;text\n"))

        let freq = try runCodeboom(["freq", "--format", "csv", "--excel", "--coder", "TS"], in: project.path)
        #expect(freq.status == 0)
        #expect(freq.stdout.hasPrefix("\u{FEFF}code;path;perspective;segments;documents;respondents;respondents_in_perspective\n"))
        // Nothing but the named files was written.
        let names = try FileManager.default.contentsOfDirectory(atPath: project.path).sorted()
        #expect(names == ["Codebooks", "Corpus", "codings.csv", "studie.qdc", "studie.qdpx", "ts.qdpx"])
    }

    @Test("export --qdpx, which adds each text as the project is read, writes the bytes of REFIProjectExport, which reads the texts again",
          arguments: [[], ["--coder", "TS"], ["--coder", "inline"]])
    func readOnceIsReadTwice(coders: [String]) throws {
        // The example study (Word comments as memos, tags after accented words) and a text with an emoji before its tag.
        let mini = try TemporaryProject(miniProject)
        defer { mini.remove() }
        for directory in [TestPaths.packageRoot.path, mini.path] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-qdpx-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let run = try runCodeboom(["export", "--qdpx", folder.appendingPathComponent("cli.qdpx").path, "--project", directory] + coders)
            #expect(run.status == 0, "\(run.stderr)")
            let load = try loadProject(directory)
            let library = folder.appendingPathComponent("library.qdpx")
            _ = try REFIProjectExport(project: load.project, coders: coders.isEmpty ? nil : [coders[1]], origin: ExportCommand.origin).write(to: library)
            let bytes = try Data(contentsOf: folder.appendingPathComponent("cli.qdpx"))
            #expect(bytes == (try Data(contentsOf: library)), "\(directory) \(coders)")
            #expect(try ZipArchive(data: bytes).entryNames.count == load.project.documents.count + 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["cli.qdpx", "library.qdpx"])
        }
    }

    @Test("--where exports only the documents that meet it (hand count: one coding in the interview, two in the focus group)")
    func whereFilters() throws {
        let project = try TemporaryProject(miniProject.merging([
            "Corpus/b.txt": "---\ntype: focusgroep\nperspectief: professional\nrespondent: P1\n---\nP: Eerst dit. #alpha\nP: Dan dat. #alpha\n",
        ]) { $1 })
        defer { project.remove() }
        let all = try runCodeboom(["export", "--csv", "alles.csv", "--coder", "inline"], in: project.path)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout == "alles.csv: 3 codings\n")
        let interviews = try runCodeboom(["export", "--csv", "interviews.csv", "--coder", "inline", "--where", "type=interview"], in: project.path)
        #expect(interviews.status == 0, "\(interviews.stderr)")
        #expect(interviews.stdout == "interviews.csv: 1 codings\n")
        let rows = try String(contentsOf: project.root.appendingPathComponent("interviews.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst()
        #expect(rows.count == 1)
        #expect(rows.allSatisfy { $0.hasPrefix("a,") })
        // --qdpx with --where reads the texts of the documents it keeps again: here only a's.
        let qdpx = try runCodeboom(["export", "--qdpx", "interviews.qdpx", "--coder", "inline", "--where", "type=interview"], in: project.path)
        #expect(qdpx.status == 0, "\(qdpx.stderr)")
        #expect(qdpx.stdout == "interviews.qdpx: 1 documents, 1 codings, 0 memos, 1 users, 1 cases\n")
        let archive = try ZipArchive(data: Data(contentsOf: project.root.appendingPathComponent("interviews.qdpx")))
        #expect(archive.entryNames == ["sources/\(REFIGUID.source("a")).txt", "project.qde"])
    }

    @Test("an existing file is replaced only with --force; Corpus/, Codebooks/, folders and missing folders are refused")
    func refusals() throws {
        let project = try TemporaryProject(miniProject)
        defer { project.remove() }
        try "van mij\n".write(to: project.root.appendingPathComponent("bestaand.qdpx"), atomically: false, encoding: .utf8)
        let exists = try runCodeboom(["export", "--qdpx", "bestaand.qdpx"], in: project.path)
        #expect(exists.status == 64)
        #expect(exists.stderr.contains("--qdpx \"bestaand.qdpx\" already exists — choose another name, or add --force to replace it"))
        #expect(try String(contentsOf: project.root.appendingPathComponent("bestaand.qdpx"), encoding: .utf8) == "van mij\n")
        let forced = try runCodeboom(["export", "--qdpx", "bestaand.qdpx", "--force"], in: project.path)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try ZipArchive(data: Data(contentsOf: project.root.appendingPathComponent("bestaand.qdpx"))).contains("project.qde"))

        let refused: [([String], String)] = [
            (["--qdpx", "Corpus/uit.qdpx", "--force"], "is in Corpus/, which codeboom reads as input"),
            (["--csv", "Corpus/codings/TS.csv", "--force"], "is in Corpus/, which codeboom reads as input"),
            (["--qdc", "Codebooks/../Codebooks/x.qdc"], "is in Codebooks/"),
            (["--qdc", "Corpus"], "is in Corpus/"),
            (["--qdc", "."], "is a folder"),
            (["--csv", "nergens/uit.csv"], "is in a folder that does not exist"),
        ]
        for (arguments, message) in refused {
            let run = try runCodeboom(["export"] + arguments, in: project.path)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        #expect(try String(contentsOf: project.root.appendingPathComponent("Corpus/codings/TS.csv"), encoding: .utf8) == miniProject["Corpus/codings/TS.csv"])
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("nergens").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path).sorted() == ["Codebooks", "Corpus", "bestaand.qdpx"])
    }

    @Test("a coder that has no codings is an error with the coders there are")
    func unknownCoder() throws {
        let project = try TemporaryProject(miniProject)
        defer { project.remove() }
        let run = try runCodeboom(["export", "--qdpx", "x.qdpx", "--coder", "ts"], in: project.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("coder \"ts\" has no codings in this project — did you mean \"TS\"?"))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("x.qdpx").path))
    }

    @Test("--csv fails closed when pseudoniemen.csv cannot be applied, and a project with errors is not exported")
    func failsClosed() throws {
        var files = miniProject
        files["Corpus/pseudoniemen.csv"] = "naam,pseudoniem\nJoke,\n"
        let project = try TemporaryProject(files)
        defer { project.remove() }
        let csv = try runCodeboom(["export", "--csv", "uit.csv"], in: project.path)
        #expect(csv.status == 1)
        #expect(csv.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("uit.csv").path))

        let broken = try TemporaryProject(["Corpus/a.txt": "---\nperspectief: cliënt\nrespondent: C1\n---\nR: ja #alpa\n"])
        defer { broken.remove() }
        let qdpx = try runCodeboom(["export", "--qdpx", "uit.qdpx"], in: broken.path)
        #expect(qdpx.status == 1)
        #expect(qdpx.stderr.contains("error(s) — fix them first"))
        #expect(!FileManager.default.fileExists(atPath: broken.root.appendingPathComponent("uit.qdpx").path))
    }

    @Test("export --help names every option and gives an example")
    func help() throws {
        let run = try runCodeboom(["export", "--help"])
        #expect(run.status == 0)
        for option in ["--qdc", "--qdpx", "--csv", "--excel", "--coder", "--all-coders", "--force", "Example: codeboom export --qdpx studie.qdpx"] {
            #expect(run.stdout.contains(option), "\(option)")
        }
    }
}
