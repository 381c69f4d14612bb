import Foundation
import Testing

/// Compares text with a golden file; `CODEBOOM_RECORD=1 swift test` writes the files anew.
/// On a mismatch the failure shows the first differing lines, so a reviewer sees what changed.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = TestPaths.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["CODEBOOM_RECORD"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("golden file \(name) is missing — run CODEBOOM_RECORD=1 swift test to record it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record("output differs from golden \(name):\n\(lineDiff(expected, actual))", sourceLocation: sourceLocation)
    }
}

/// The lines that differ, marked `-` (expected) and `+` (actual), at most 20.
func lineDiff(_ expected: String, _ actual: String) -> String {
    let left = expected.components(separatedBy: "\n")
    let right = actual.components(separatedBy: "\n")
    var lines: [String] = []
    for index in 0..<max(left.count, right.count) where lines.count < 40 {
        let a = index < left.count ? left[index] : nil
        let b = index < right.count ? right[index] : nil
        if a != b {
            lines.append("line \(index + 1):")
            if let a { lines.append("- \(a)") }
            if let b { lines.append("+ \(b)") }
        }
    }
    return lines.joined(separator: "\n")
}
