import Codeboom
import Foundation

/// The files a report folder holds, as text, for tests that look through every output: pages and charts as
/// they are, `rapport.docx` as its `word/document.xml` (read by our ZIP reader), `figuren/` included.
enum ReportFiles {
    /// Relative path → text, sorted by path; hidden files (the manifest) left out.
    static func texts(in folder: URL) throws -> [(file: String, text: String)] {
        var result: [(file: String, text: String)] = []
        func walk(_ url: URL, prefix: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where !name.hasPrefix(".") {
                let entry = url.appendingPathComponent(name)
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: entry.path, isDirectory: &isFolder)
                if isFolder.boolValue {
                    try walk(entry, prefix: prefix + name + "/")
                } else if name.hasSuffix(".docx") {
                    let archive = try ZipArchive(data: try Data(contentsOf: entry))
                    result.append((prefix + name, String(decoding: try archive.data(for: "word/document.xml"), as: UTF8.self)))
                } else {
                    result.append((prefix + name, try String(contentsOf: entry, encoding: .utf8)))
                }
            }
        }
        try walk(folder, prefix: "")
        return result
    }

    /// Whether a report file is one of the Markdown or CSV pages (which have golden files), not a chart or document.
    static func isPage(_ file: String) -> Bool { file.hasSuffix(".md") || file.hasSuffix(".csv") }

    /// The files `report` writes beside its pages for a study with deelvragen 1…`deelvragen`, a WIFA page or not.
    static func outputs(deelvragen: Int, wifa: Bool) -> [String] {
        (1...max(deelvragen, 1)).prefix(deelvragen).map { "figuren/deelvraag-\($0).svg" } + (wifa ? ["figuren/wifa.svg"] : [])
            + ["figuren/codes-per-perspectief.svg", "rapport.docx", "rapport.html"]
    }
}
