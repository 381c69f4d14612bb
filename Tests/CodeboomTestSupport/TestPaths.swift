import Foundation

/// Paths of the test sources, so fixtures and golden files are read (and re-recorded) in place. Both test
/// targets use the fixtures and golden files of `Tests/CodeboomTests`.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let testsFolder = packageRoot.appendingPathComponent("Tests/CodeboomTests")
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let golden = testsFolder.appendingPathComponent("Golden")
    static let miniStudy = fixtures.appendingPathComponent("mini-study").path

    /// The built `codeboom` executable, beside the test bundle.
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !folder.path.hasSuffix("debug") && !folder.path.hasSuffix("release") && folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        let candidate = folder.appendingPathComponent("codeboom")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return packageRoot.appendingPathComponent(".build/debug/codeboom")
    }
}
