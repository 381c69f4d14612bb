import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// The charts live in `figuren/`, a folder the report shares with the researcher: only the files the report
/// wrote there are replaced or removed; binary files (the .docx) are written byte for byte.
@Suite struct ReportFolderSubfolderTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("figures are replaced and removed file by file; the researcher's own file in figuren/ stays")
    func sharedFolder() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let binary: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0x0A, 0x0D]
        _ = try ReportFolder.replace(scratch.folder, with: [(file: "index.md", bytes: Self.bytes("# oud\n")),
                                                            (file: "figuren/a.svg", bytes: Self.bytes("<svg>a</svg>")),
                                                            (file: "figuren/b.svg", bytes: Self.bytes("<svg>b</svg>")),
                                                            (file: "rapport.docx", bytes: binary)])
        #expect(ReportFolder.manifest(of: scratch.folder) == ["index.md", "figuren/a.svg", "figuren/b.svg", "rapport.docx"])
        #expect(try Data(contentsOf: scratch.folder.appendingPathComponent("rapport.docx")) == Data(binary))
        try scratch.write("figuren/mijn-schets.png", "van mij")
        let outcome = try ReportFolder.replace(scratch.folder, with: [(file: "index.md", bytes: Self.bytes("# nieuw\n")),
                                                                      (file: "figuren/a.svg", bytes: Self.bytes("<svg>A</svg>"))])
        #expect(outcome.removed == ["figuren/b.svg", "rapport.docx"])
        #expect(outcome.kept == ["figuren/mijn-schets.png"])
        #expect(try scratch.names(scratch.folder.appendingPathComponent("figuren")) == ["a.svg", "mijn-schets.png"])
        #expect(try scratch.read("figuren/a.svg") == "<svg>A</svg>")
        #expect(try scratch.read("figuren/mijn-schets.png") == "van mij")
        // No figure left: the folder stays for the researcher's file alone.
        _ = try ReportFolder.replace(scratch.folder, with: [(file: "index.md", bytes: Self.bytes("# leeg\n"))])
        #expect(try scratch.names(scratch.folder.appendingPathComponent("figuren")) == ["mijn-schets.png"])
    }

    @Test("a researcher's file with a figure's name stops the run, and nothing changes")
    func refusesToReplace() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try ReportFolder.replace(scratch.folder, with: [(file: "index.md", bytes: Self.bytes("# oud\n"))])
        try scratch.write("figuren/a.svg", "van mij")
        #expect(throws: ReportFolder.WriteError.wouldReplace(path: scratch.folder.appendingPathComponent("figuren/a.svg").path)) {
            try ReportFolder.replace(scratch.folder, with: [(file: "index.md", bytes: Self.bytes("# nieuw\n")),
                                                            (file: "figuren/a.svg", bytes: Self.bytes("<svg/>"))])
        }
        #expect(try scratch.read("figuren/a.svg") == "van mij")
        #expect(try scratch.read("index.md") == "# oud\n")
        // A file named figuren where the report needs the folder also stops it.
        try FileManager.default.removeItem(at: scratch.folder.appendingPathComponent("figuren"))
        try scratch.write("figuren", "een bestand")
        #expect(throws: ReportFolder.WriteError.self) {
            try ReportFolder.replace(scratch.folder, with: [(file: "figuren/a.svg", bytes: Self.bytes("<svg/>"))])
        }
        #expect(try scratch.read("figuren") == "een bestand")
    }
}
