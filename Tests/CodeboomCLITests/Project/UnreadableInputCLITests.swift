import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct UnreadableInputCLITests {
    static let codebook = TemporaryProject.unreadableInputCodebook
    static let interview = TemporaryProject.unreadableInputInterview

    func project(_ extra: [String: String] = [:]) throws -> TemporaryProject {
        try TemporaryProject.unreadableInput(extra)
    }

    /// Runs every command on the project: all must finish well within the limit, and those that read
    /// the file in question must say `expected` (all loading commands; with `streamed`, also `search`
    /// and `autocode`, which stream the transcripts and read nothing else).
    func everyCommandFinishes(_ project: TemporaryProject, saying expected: String, streamed: Bool = false,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let out = project.root.appendingPathComponent("Out").path
        let loading: [[String]] = [["check"], ["freq"], ["report", "--out", out], ["agree", "--coders", "inline,TS"],
                                   ["autocode", "--evaluate", "--against", "inline"], ["search", "klik", "--code", "alpha"]]
        let streaming: [[String]] = [["search", "klik"], ["autocode"]]
        for command in loading + streaming + [["segments", "a"]] {
            let run = try runCodeboomBounded(command + ["--project", project.path])
            #expect(!run.timedOut, "\(command) hangs", sourceLocation: sourceLocation)
            if loading.contains(command) || (streamed && streaming.contains(command)) {
                #expect((run.stdout + run.stderr).contains(expected), "\(command): \(run.stdout + run.stderr)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("a named pipe called .txt or .docx in Corpus/ is one clear error, and no command waits on it")
    func fifoTranscript() throws {
        let project = try project()
        defer { project.remove() }
        try makeFIFO(project.root.appendingPathComponent("Corpus/pijp.txt").path)
        try makeFIFO(project.root.appendingPathComponent("Corpus/pijp.docx").path)
        try everyCommandFinishes(project, saying: "Corpus/pijp.txt: error: cannot be read (it is a named pipe (FIFO), not a regular file)", streamed: true)
        let check = try runCodeboomBounded(["check", "--project", project.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("Corpus/pijp.docx: error: cannot be read (it is a named pipe (FIFO), not a regular file) — put the file itself here, or remove it from Corpus/"))
        #expect(check.stdout.contains("2 error(s)"))
    }

    @Test("a named pipe as codebook, sidecar codings or table is an error, not a hang",
          arguments: ["Codebooks/codeboom.md", "Corpus/codings/TS.csv", "Corpus/pseudoniemen.csv", "Corpus/respondenten.csv", "Corpus/documenten.csv"])
    func fifoElsewhere(path: String) throws {
        let project = try project()
        defer { project.remove() }
        try? FileManager.default.removeItem(at: project.root.appendingPathComponent(path))
        try makeFIFO(project.root.appendingPathComponent(path).path)
        try everyCommandFinishes(project, saying: "\(path): error: cannot be read (it is a named pipe (FIFO), not a regular file)")
        // One message for one problem.
        let check = try runCodeboomBounded(["check", "--project", project.path])
        #expect((check.stdout + check.stderr).components(separatedBy: path + ":").count == 2, "\(check.stdout)\(check.stderr)")
    }

    @Test("pseudoniemen.csv that is a folder, a pipe or a broken link stops every output that prints text",
          arguments: ["folder", "pipe", "broken link"])
    func unreadablePseudonyms(kind: String) throws {
        let project = try project()
        defer { project.remove() }
        let table = project.root.appendingPathComponent("Corpus/pseudoniemen.csv")
        try FileManager.default.removeItem(at: table)
        switch kind {
        case "folder": try FileManager.default.createDirectory(at: table, withIntermediateDirectories: false)
        case "pipe": try makeFIFO(table.path)
        default: try FileManager.default.createSymbolicLink(atPath: table.path, withDestinationPath: "weg.csv")
        }
        let check = try runCodeboomBounded(["check", "--project", project.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("Corpus/pseudoniemen.csv: error: cannot be read ("))
        #expect(check.stdout.contains("); without it outputs would print the real names — make it a readable file, or remove it"))
        let out = project.root.appendingPathComponent("Out")
        for command in [["report", "--out", out.path], ["search", "klik"], ["segments", "a"], ["agree", "--coders", "inline,TS", "--disagreements"],
                        ["autocode", "--evaluate", "--against", "inline"]] {
            let run = try runCodeboomBounded(command + ["--project", project.path])
            #expect(run.status == 1, "\(command)")
            #expect(!run.stdout.contains("Joke"), "\(command)")
            #expect(run.stderr.contains("Corpus/pseudoniemen.csv: error: cannot be read"), "\(command): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("respondenten.csv or documenten.csv that is a folder is an error, not a silent change of counts",
          arguments: ["respondenten.csv", "documenten.csv"])
    func unreadableTables(name: String) throws {
        let project = try project()
        defer { project.remove() }
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("Corpus/\(name)"), withIntermediateDirectories: false)
        let freq = try runCodeboomBounded(["freq", "--project", project.path])
        #expect(freq.status == 1)
        #expect(freq.stdout.isEmpty)
        #expect(freq.stderr.contains("Corpus/\(name): error: cannot be read (it is a folder, not a file); without it "))
    }

    @Test("files without read permission, and a folder that cannot be listed, are errors (run as an unprivileged user)")
    func permissions() throws {
        if let reason = RunAs.permissionTestsUnavailable {
            print("skipped: \(reason)")
            return
        }
        let project = try project(["Corpus/sub/b.txt": Self.interview.replacingOccurrences(of: "R1", with: "R2"),
                                   "Corpus/respondenten.csv": "respondent,perspectief,document,spreker\n",
                                   "Corpus/codings/TS.csv": "document,segment,code\na,1,beta\n"])
        defer { project.remove() }
        for path in ["Corpus/pseudoniemen.csv", "Corpus/respondenten.csv", "Corpus/sub", "Corpus/codings", "Corpus/a.txt"] {
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: project.root.appendingPathComponent(path).path)
        }
        let check = try runCodeboomBounded(["check", "--project", project.path], as: .unprivileged)
        #expect(check.status == 1)
        for expected in [
            "Corpus/a.txt: error: cannot be read (Permission denied)",
            "Corpus/codings: error: cannot be read as a folder (Permission denied); its codings would be missing",
            "Corpus/pseudoniemen.csv: error: cannot be read (Permission denied); without it outputs would print the real names",
            "Corpus/respondenten.csv: error: cannot be read (Permission denied); without it speakers would be counted as the wrong respondents",
            "Corpus/sub: error: folder cannot be read (Permission denied); its documents would be missing from every count",
        ] {
            #expect(check.stdout.contains(expected), "\(expected)\n\(check.stdout)")
        }
        let report = try runCodeboomBounded(["report", "--project", project.path, "--out", "/tmp/codeboom-never-\(UUID().uuidString)"], as: .unprivileged)
        #expect(report.status == 1)
        #expect(report.stdout.isEmpty)
        // As the owner the same project reads without errors: the messages come from the permissions.
        if geteuid() == 0 {
            #expect(try runCodeboomBounded(["check", "--project", project.path]).status == 0)
        }
    }

    @Test("a Codebooks folder that cannot be listed says so, instead of 'not found'")
    func unreadableCodebooks() throws {
        if let reason = RunAs.permissionTestsUnavailable {
            print("skipped: \(reason)")
            return
        }
        let project = try project()
        defer { project.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: project.root.appendingPathComponent("Codebooks").path)
        let check = try runCodeboomBounded(["check", "--project", project.path], as: .unprivileged)
        #expect(check.status == 1)
        #expect(check.stderr == "Codebooks: error: cannot be read (Permission denied) — check that the file exists and is readable\n")
    }
}
