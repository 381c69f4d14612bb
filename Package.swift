// swift-tools-version: 6.0
import PackageDescription

// The fuzz executables (`Scripts/fuzz.sh`, libFuzzer) join the package only when asked for: the script
// builds with CODEBOOM_FUZZ=1 in its own scratch folder, so `swift build` and `swift test` never build them.
let fuzzExecutables: [Target] = Context.environment["CODEBOOM_FUZZ"] == "1"
    ? ["FuzzCodebook", "FuzzTranscript", "FuzzCSV", "FuzzArchive", "FuzzSubtitles", "FuzzImport"].map {
        .executableTarget(name: $0, dependencies: ["FuzzSupport"])
    }
    : []

let package = Package(
    name: "Codeboom",
    products: [
        .library(name: "Codeboom", targets: ["Codeboom"]),
        .executable(name: "codeboom", targets: ["codeboom"]),
    ],
    targets: [
        // zlib from the operating system: inflate for .docx, .odt and .qdpx archives.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "Codeboom", dependencies: ["CZlib"]),
        // The command line: parsing, help, running a command and its policies; `codeboom` prints and exits.
        .target(name: "CodeboomCLI", dependencies: ["Codeboom", "CBuildCommit"]),
        // The commit `--version` prints, as a C string `Scripts/install.sh` defines (Swift defines carry no strings).
        .target(name: "CBuildCommit"),
        .executableTarget(name: "codeboom", dependencies: ["CodeboomCLI"]),
        // Benchmarks: `swift run -c release codeboom-bench` (not part of the tests).
        .executableTarget(name: "codeboom-bench", dependencies: ["Codeboom"]),
        // What the fuzz targets run on each input; the tests replay the fuzz seeds and findings through it.
        .target(name: "FuzzSupport", dependencies: ["Codeboom", "CZlib"]),
        // Helpers both test targets share (temporary projects, golden files, running the binary); fixtures and
        // golden files stay in Tests/CodeboomTests, found by path.
        .target(name: "CodeboomTestSupport", dependencies: ["Codeboom", "CZlib"], path: "Tests/CodeboomTestSupport"),
        .testTarget(
            name: "CodeboomTests",
            dependencies: ["Codeboom", "CodeboomTestSupport", "CZlib", "FuzzSupport"],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(name: "CodeboomCLITests", dependencies: ["CodeboomCLI", "codeboom", "Codeboom", "CodeboomTestSupport"]),
    ] + fuzzExecutables,
    swiftLanguageModes: [.v6]
)
