import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a bounded run of the `codeboom` binary did.
struct BoundedRun {
    var stdout: String
    var stderr: String
    var status: Int32
    /// Whether the command had to be killed at the time limit: a hang.
    var timedOut: Bool
}

/// Who a command runs as: the test's own user, or an unprivileged one so that permission bits count
/// (root reads a `chmod 000` file anyway).
enum RunAs {
    case me
    case unprivileged

    /// Why permission tests cannot run here, or nil when they can: as root they need `setpriv` to
    /// drop to the user `nobody`.
    static var permissionTestsUnavailable: String? {
        guard geteuid() == 0 else { return nil }
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") ? nil
            : "running as root, where permission bits do not block reading, and /usr/bin/setpriv is missing to drop to nobody"
    }
}

/// Runs the built `codeboom` with a time limit, output going to files so that no pipe can fill up;
/// a run still going at the limit is killed and reported as timed out.
func runCodeboomBounded(_ arguments: [String], in directory: String? = nil, as user: RunAs = .me,
                        timeout: TimeInterval = 30) throws -> BoundedRun {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    if user == .unprivileged && geteuid() == 0 {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", TestPaths.executable.path] + arguments
    } else {
        process.executableURL = TestPaths.executable
        process.arguments = arguments
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    let timedOut = process.isRunning
    if timedOut {
        kill(process.processIdentifier, SIGKILL)
    }
    process.waitUntilExit()
    return BoundedRun(stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
                      status: process.terminationStatus, timedOut: timedOut)
}

/// Makes a named pipe at `path`.
func makeFIFO(_ path: String) throws {
    guard mkfifo(path, 0o644) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
}
