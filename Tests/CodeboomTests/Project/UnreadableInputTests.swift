import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// Files and folders that are there but cannot be read are errors, never silently left out, and
/// nothing under `Corpus/` can make a command wait forever (issue 12, points 1, 4 and 12).
@Suite struct UnreadableInputTests {
    static let codebook = TemporaryProject.unreadableInputCodebook
    static let interview = TemporaryProject.unreadableInputInterview

    func project(_ extra: [String: String] = [:]) throws -> TemporaryProject {
        try TemporaryProject.unreadableInput(extra)
    }

    @Test("a folder named like a transcript is read as a folder, with a warning")
    func folderNamedTxt() throws {
        let project = try project(["Corpus/x.txt/b.txt": Self.interview.replacingOccurrences(of: "R1", with: "R2")])
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.messages.contains("Corpus/x.txt: warning: a folder named like a transcript; the files in it are read as part of the corpus — rename the folder if it should have been a .txt file"))
        #expect(load.project.documents.map(\.file) == ["Corpus/a.txt", "Corpus/x.txt/b.txt"])
    }

    @Test("a symbolic link loop in Corpus/ is one warning, and every document is read once")
    func symlinkLoop() throws {
        let project = try project(["Corpus/sub/b.txt": Self.interview.replacingOccurrences(of: "R1", with: "R2")])
        defer { project.remove() }
        let corpus = project.root.appendingPathComponent("Corpus").path
        try FileManager.default.createSymbolicLink(atPath: corpus + "/sub/terug", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: corpus + "/sub/zelf", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: corpus + "/kring.txt", withDestinationPath: "kring.txt")
        let load = try loadProject(project.path)
        #expect(load.messages.filter { $0.hasPrefix("Corpus/") && !$0.contains(": note: ") } == [
            "Corpus/kring.txt: error: cannot be read (a loop of symbolic links) — point the link at the file or folder, or remove it",
            "Corpus/sub/terug: warning: a symbolic link back to Corpus, a loop; not followed — remove the link",
            "Corpus/sub/zelf: warning: a symbolic link back to Corpus/sub, a loop; not followed — remove the link",
        ])
        #expect(load.project.documents.map(\.file) == ["Corpus/a.txt", "Corpus/sub/b.txt"])
    }

    @Test("two links to one folder read its documents once, from the first path in name order")
    func folderReachedTwice() throws {
        let project = try project(["Corpus/zz/b.txt": Self.interview.replacingOccurrences(of: "R1", with: "R2")])
        defer { project.remove() }
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("Corpus/mm").path, withDestinationPath: "zz")
        let load = try loadProject(project.path)
        #expect(load.errors.isEmpty)
        #expect(load.messages.contains("Corpus/zz: warning: the same folder as Corpus/mm; its documents are read once, from there — remove the link"))
        #expect(load.project.documents.map(\.file) == ["Corpus/a.txt", "Corpus/mm/b.txt"])
    }

    @Test("a table under another case or in a subfolder is an error, as it would not be read")
    func misplacedTables() throws {
        let project = try project(["Corpus/Pseudoniemen.CSV": "naam,pseudoniem\nAnna,[a]\n", "Corpus/sub/respondenten.csv": "respondent,document,spreker\n"])
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.messages.contains("Corpus/Pseudoniemen.CSV: error: is not read: only Corpus/pseudoniemen.csv is — move or rename it to Corpus/pseudoniemen.csv"))
        #expect(load.messages.contains("Corpus/sub/respondenten.csv: error: is not read: only Corpus/respondenten.csv is — move or rename it to Corpus/respondenten.csv"))
    }
}
