import Foundation
import Testing
@testable import CodeboomTestSupport

/// `review` and `merge` are driven in a pseudo-terminal by `Tests/Scripts/review-merge-terminal.sh`:
/// tmux sends the keys a person presses and the script reads the screen and the files back.
@Suite struct InteractiveTerminalTests {
    /// Whether tmux is on the PATH; without it the test is skipped (`.ci/run` installs it).
    static var hasTmux: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { folder in
            FileManager.default.isExecutableFile(atPath: "\(folder)/tmux")
        }
    }

    @Test("review and merge, driven key by key in tmux: answers written at once, quit and resume, going back, kill -9 loses nothing",
          .enabled(if: hasTmux, "tmux is not installed"), .timeLimit(.minutes(5)))
    func reviewAndMergeInATerminal() throws {
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/Scripts/review-merge-terminal.sh")
        // Output to a file, not a pipe: nothing the script starts can keep a reader waiting.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-terminal-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, TestPaths.executable.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("review and merge: passed"))
    }
}
