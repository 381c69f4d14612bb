// swift-tools-version: 6.0
import PackageDescription

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
        // Fuzz targets: `Scripts/fuzz.sh TARGET SECONDS` (libFuzzer); built normally they replay saved inputs.
        .target(name: "FuzzSupport", dependencies: ["Codeboom"]),
        .executableTarget(name: "FuzzCodebook", dependencies: ["Codeboom", "FuzzSupport"]),
        .executableTarget(name: "FuzzTranscript", dependencies: ["Codeboom", "FuzzSupport"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["Codeboom", "FuzzSupport"]),
        .executableTarget(name: "FuzzArchive", dependencies: ["Codeboom", "FuzzSupport", "CZlib"]),
        .executableTarget(name: "FuzzSubtitles", dependencies: ["Codeboom", "FuzzSupport"]),
        // Helpers both test targets share (temporary projects, golden files, running the binary); fixtures and
        // golden files stay in Tests/CodeboomTests, found by path.
        .target(name: "CodeboomTestSupport", dependencies: ["Codeboom", "CZlib"], path: "Tests/CodeboomTestSupport"),
        .testTarget(
            name: "CodeboomTests",
            dependencies: ["Codeboom", "CodeboomTestSupport", "CZlib"],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(name: "CodeboomCLITests", dependencies: ["CodeboomCLI", "codeboom", "Codeboom", "CodeboomTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
