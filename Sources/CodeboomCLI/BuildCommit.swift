import CBuildCommit

/// The commit the binary was built from, when the build was told it.
enum BuildCommit {
    /// The commit as `Scripts/install.sh` gives it (`3640be1`, or `3640be1-dirty` for a checkout with
    /// changes), or nil for a build without it (`swift build`, `swift run`).
    static let value: String? = codeboom_build_commit().map { String(cString: $0) }
}
