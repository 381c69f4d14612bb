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
        .executableTarget(name: "codeboom", dependencies: ["Codeboom"]),
        // Benchmarks: `swift run -c release codeboom-bench` (not part of the tests).
        .executableTarget(name: "codeboom-bench", dependencies: ["Codeboom"]),
        .testTarget(
            name: "CodeboomTests",
            dependencies: ["Codeboom", "codeboom", "CZlib"],
            exclude: ["Golden", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
