import Foundation

/// A project folder written for one test and removed afterwards.
struct TemporaryProject {
    let root: URL

    /// Writes `files` (path → content) under a fresh folder; a minimal codebook is added when none is given.
    init(_ files: [String: String], codebook: String? = TemporaryProject.defaultCodebook) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Corpus/codings"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Codebooks"), withIntermediateDirectories: true)
        if let codebook, files.keys.allSatisfy({ !$0.hasPrefix("Codebooks/") }) {
            try codebook.write(to: root.appendingPathComponent("Codebooks/codeboom.md"), atomically: true, encoding: .utf8)
        }
        for (path, content) in files {
            try write(path, content)
        }
    }

    func write(_ path: String, _ content: String) throws {
        try write(path, bytes: Array(content.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    var path: String { root.path }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static let defaultCodebook = """
    # Test

    ## Thema {#thema}
    deelvraag: 1

    ### Alpha {#alpha}

    ### Beta {#beta}

    #### Beta een {#beta-een}

    """
}
