import Codeboom

/// Loads a project and fails the test on a thrown error.
func loadProject(_ path: String, codebook: String? = nil) throws -> ProjectLoad {
    try ProjectLoader.load(directory: path, codebook: codebook)
}

extension ProjectLoad {
    /// Diagnostics as the user sees them, for compact assertions.
    var messages: [String] { diagnostics.map(\.description) }
}

/// The documents of a project with their text, as every command reads them (``CorpusReader``), in
/// corpus order; a project keeps only their outlines.
func readDocuments(_ path: String, codebook: String? = nil) throws -> [Document] {
    let scan = try CorpusScanner.scan(directory: path, codebook: codebook)
    return CorpusReader(scan).map(transform: { $0.document }).compactMap(\.value)
}

/// One document of a project with its text.
func readDocument(_ path: String, id: String) throws -> Document? {
    try readDocuments(path).first { $0.id == id }
}

extension Project {
    /// Every document with its text, read again, in project order.
    var fullDocuments: [Document] { documents.indices.compactMap { readDocument(at: $0) } }

    /// One document with its text, read again.
    func fullDocument(id: String) -> Document? { position(ofDocument: id).flatMap { readDocument(at: $0) } }
}

extension AutoCoder {
    /// Hits of every document of a project, its text read again, in corpus order.
    func hits(in project: Project) -> [Hit] { project.fullDocuments.flatMap { hits(in: $0) } }
}
