import Codeboom
import Foundation

/// The REFI-QDA fixtures of `Tests/CodeboomTests/Fixtures/refi`: a folder per imitated tool, packed into a
/// `.qdpx` as that tool's export would be, and imported into a fresh folder.
enum REFIFixtures {
    static let folder = TestPaths.fixtures.appendingPathComponent("refi")

    /// A fresh folder under the temporary folder; the caller removes it.
    static func temporaryFolder(_ label: String = "refi") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The files of a fixture folder (hidden ones too), as archive entry names with their bytes, sorted.
    static func entries(of name: String) throws -> [(name: String, data: Data)] {
        let root = folder.appendingPathComponent(name)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var result: [(name: String, data: Data)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            result.append((relative, try Data(contentsOf: url)))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// The fixture folder `name` packed as `name.qdpx` in `directory`; `edit` may change the entries first.
    static func qdpx(_ name: String, in directory: URL,
                     edit: (inout [(name: String, data: Data)]) -> Void = { _ in }) throws -> URL {
        var files = try entries(of: name)
        edit(&files)
        var writer = TestZipWriter()
        for file in files { writer.add(TestZipWriter.Entry(name: file.name, data: file.data)) }
        let url = directory.appendingPathComponent("\(name).qdpx")
        try writer.archive().write(to: url)
        return url
    }

    /// Imports a fixture (a folder, packed, or a `.qdc` file) into `directory/project`.
    static func importFixture(_ name: String, in directory: URL, options: REFIImport.Options = REFIImport.Options())
        throws -> (summary: REFIImport.Summary, project: URL) {
        let file = name.hasSuffix(".qdc") ? folder.appendingPathComponent(name) : try qdpx(name, in: directory)
        let project = directory.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        let summary = try REFIImport.run(file: file.path, shownPath: name, into: project, options: options)
        return (summary, project)
    }

    /// The text of a coding's span, counted in code points as the sidecar's offsets are.
    static func codedText(_ coding: Coding, in project: URL) throws -> String {
        let text = try String(contentsOf: project.appendingPathComponent("Corpus/\(coding.documentID).txt"), encoding: .utf8)
        guard let range = coding.range else { return "" }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[range])
        return String(result)
    }
}
