import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// A folder beside others in a fresh temporary parent, removed afterwards.
struct ScratchFolder {
    let parent: URL
    let folder: URL

    init(_ name: String = "Rapport") throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        folder = parent.appendingPathComponent(name)
    }

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func names(_ url: URL? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (url ?? folder).path).sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: parent) }
}

@Suite struct ReportFolderTests {
    let first: [(file: String, content: String)] = [("index.md", "# oud\n"), ("perspectief-a.md", "A oud\n"), ("perspectief-b.md", "B oud\n")]
    let second: [(file: String, content: String)] = [("index.md", "# nieuw\n"), ("perspectief-a.md", "A nieuw\n")]

    @Test("a new folder gets the pages and a manifest that lists exactly them")
    func manifest() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try ReportFolder.replace(scratch.folder, with: first)
        #expect(outcome.written == ["index.md", "perspectief-a.md", "perspectief-b.md"])
        #expect(try scratch.names() == [".codeboom-manifest", "index.md", "perspectief-a.md", "perspectief-b.md"])
        #expect(ReportFolder.manifest(of: scratch.folder) == ["index.md", "perspectief-a.md", "perspectief-b.md"])
        #expect(try scratch.read("perspectief-b.md") == "B oud\n")
    }

    @Test("only pages of the previous report are removed; a researcher's notes with page-like names stay, unchanged")
    func keepsOwnFiles() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try ReportFolder.replace(scratch.folder, with: first)
        try scratch.write("perspectief-mijn-notities.md", "mijn notities\n")
        try scratch.write("deelvraag-9-ideeen.md", "ideeën\n")
        try scratch.write("figuren/figuur 1.txt", "data\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.folder.appendingPathComponent("link").path, withDestinationPath: "figuren")
        let outcome = try ReportFolder.replace(scratch.folder, with: second)
        #expect(outcome.removed == ["perspectief-b.md"])
        #expect(outcome.kept == ["deelvraag-9-ideeen.md", "figuren", "link", "perspectief-mijn-notities.md"])
        #expect(try scratch.names() == [".codeboom-manifest", "deelvraag-9-ideeen.md", "figuren", "index.md", "link",
                                        "perspectief-a.md", "perspectief-mijn-notities.md"])
        #expect(try scratch.read("perspectief-mijn-notities.md") == "mijn notities\n")
        #expect(try scratch.read("deelvraag-9-ideeen.md") == "ideeën\n")
        #expect(try scratch.read("figuren/figuur 1.txt") == "data\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.folder.appendingPathComponent("link").path) == "figuren")
        #expect(try scratch.read("index.md") == "# nieuw\n")
        // Nothing left beside the folder.
        #expect(try scratch.names(scratch.parent) == ["Rapport"])
    }

    @Test("a file with a page's name that the manifest does not list stops the run before anything changes, unless allowed")
    func refusesToReplaceUnlisted() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try ReportFolder.replace(scratch.folder, with: second)
        try scratch.write("perspectief-b.md", "van de onderzoeker\n")
        #expect(throws: ReportFolder.WriteError.wouldReplace(path: scratch.folder.appendingPathComponent("perspectief-b.md").path)) {
            try ReportFolder.replace(scratch.folder, with: first)
        }
        #expect(try scratch.read("perspectief-b.md") == "van de onderzoeker\n")
        #expect(try scratch.read("index.md") == "# nieuw\n")
        #expect(try scratch.names(scratch.parent) == ["Rapport"])
        let outcome = try ReportFolder.replace(scratch.folder, with: first, replacingUnlisted: true)
        #expect(outcome.replaced == ["perspectief-b.md"])
        #expect(try scratch.read("perspectief-b.md") == "B oud\n")
    }

    @Test("the next run removes what a killed run left: staging folders beside it and old temp files inside it")
    func removesLeftovers() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try ReportFolder.replace(scratch.folder, with: first)
        let staging = scratch.parent.appendingPathComponent(".Rapport.codeboom-new-abc")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try "half\n".write(to: staging.appendingPathComponent("index.md"), atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(at: scratch.parent.appendingPathComponent(".Rapport.codeboom-old-def"), withIntermediateDirectories: true)
        let stale = ".index.md.\(UUID().uuidString).tmp"
        try scratch.write(stale, "half\n")
        // Names that only look alike belong to someone else.
        try FileManager.default.createDirectory(at: scratch.parent.appendingPathComponent(".Ander.codeboom-new-abc"), withIntermediateDirectories: true)
        try scratch.write(".notities.tmp", "van mij\n")
        let outcome = try ReportFolder.replace(scratch.folder, with: second)
        #expect(outcome.recovered.sorted() == [".Rapport.codeboom-new-abc", ".Rapport.codeboom-old-def"])
        #expect(try scratch.names(scratch.parent) == [".Ander.codeboom-new-abc", "Rapport"])
        #expect(try scratch.names() == [".codeboom-manifest", ".notities.tmp", "index.md", "perspectief-a.md"])
    }

    @Test("a folder lost between the two renames of a killed run is put back, with the researcher's files")
    func restoresFolderSetAside() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try ReportFolder.replace(scratch.folder, with: first)
        try scratch.write("notities.md", "mijn\n")
        // As a run without exchange leaves it when killed right after renaming the folder away.
        let aside = scratch.parent.appendingPathComponent(".Rapport.codeboom-old-xyz")
        try FileManager.default.moveItem(at: scratch.folder, to: aside)
        let outcome = try ReportFolder.replace(scratch.folder, with: second)
        #expect(outcome.recovered == [".Rapport.codeboom-old-xyz"])
        #expect(outcome.removed == ["perspectief-b.md"])
        #expect(try scratch.read("notities.md") == "mijn\n")
        #expect(try scratch.names(scratch.parent) == ["Rapport"])
    }

    @Test("without an exchange the folder is renamed away and the new one in, with the same result")
    func withoutExchange() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try ReportFolder.replace(scratch.folder, with: first, replacingUnlisted: false, exchanging: false)
        try scratch.write("notities.md", "mijn\n")
        let outcome = try ReportFolder.replace(scratch.folder, with: second, replacingUnlisted: false, exchanging: false)
        #expect(outcome.removed == ["perspectief-b.md"])
        #expect(try scratch.names() == [".codeboom-manifest", "index.md", "notities.md", "perspectief-a.md"])
        #expect(try scratch.names(scratch.parent) == ["Rapport"])
    }

    @Test("a report folder that is a symbolic link is replaced where it points, and the link stays")
    func symbolicLink() throws {
        let scratch = try ScratchFolder("echt")
        defer { scratch.remove() }
        _ = try ReportFolder.replace(scratch.folder, with: first)
        let link = scratch.parent.appendingPathComponent("Reports")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: scratch.folder)
        _ = try ReportFolder.replace(link, with: second)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == scratch.folder.path)
        #expect(try scratch.read("index.md") == "# nieuw\n")
    }

    @Test("a file where the folder should be is an error, and stays")
    func notAFolder() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try "tekst\n".write(to: scratch.folder, atomically: false, encoding: .utf8)
        #expect(throws: ReportFolder.WriteError.notAFolder(path: scratch.folder.path)) { try ReportFolder.replace(scratch.folder, with: first) }
        #expect(try String(contentsOf: scratch.folder, encoding: .utf8) == "tekst\n")
    }
}

@Suite struct AtomicFileWriterTests {
    @Test("a write removes the temp files that killed writes left in its folder, but not a live writer's or another name's")
    func removesLeftovers() throws {
        let scratch = try ScratchFolder("codings")
        defer { scratch.remove() }
        let dead = ".auto.csv.\(UUID().uuidString).tmp", live = ".auto.csv.\(UUID().uuidString).tmp"
        let deadOther = ".auto-2.csv.\(UUID().uuidString).tmp", notOurs = ".TS.csv.tmp"
        for name in [dead, live, deadOther, notOurs] { try scratch.write(name, "half") }
        // A live writer holds its temp file locked.
        let descriptor = open(scratch.folder.appendingPathComponent(live).path, O_RDONLY)
        #expect(flock(descriptor, LOCK_EX) == 0)
        defer { close(descriptor) }
        try AtomicFileWriter.write("document,segment,code\n", to: scratch.folder.appendingPathComponent("auto.csv"))
        #expect(try scratch.names() == [notOurs, live, "auto.csv"].sorted())
        #expect(try scratch.read("auto.csv") == "document,segment,code\n")
    }

    @Test("temp names are recognised by their exact pattern only", arguments: [
        (".auto.csv.\(UUID().uuidString).tmp", true), (".auto.csv.tmp", false), ("auto.csv.\(UUID().uuidString).tmp", false),
        (".\(UUID().uuidString).tmp", false), (".auto.csv.not-a-uuid-at-all-but-36-chars-long.tmp", false),
    ])
    func pattern(name: String, isTemporary: Bool) {
        #expect(AtomicFileWriter.isTemporaryName(name) == isTemporary)
    }
}
