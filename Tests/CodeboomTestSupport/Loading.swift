import Codeboom

/// Loads a project and fails the test on a thrown error.
func loadProject(_ path: String, codebook: String? = nil) throws -> ProjectLoad {
    try ProjectLoader.load(directory: path, codebook: codebook)
}

extension ProjectLoad {
    /// Diagnostics as the user sees them, for compact assertions.
    var messages: [String] { diagnostics.map(\.description) }
}
