#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Runs a command and returns its wall seconds and peak memory (from /usr/bin/time, when present:
/// a child spawned from this large process would report this process's peak as its own).
/// Spawned and waited for directly, as Foundation's `Process` polls for the exit in 50 ms steps,
/// too coarse for sub-second runs; output goes to /dev/null, so no command waits on a reader.
func measure(_ executable: String, _ arguments: [String]) -> (seconds: Double, megabytes: Double?) {
    let timeTool = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-bench-time-\(UUID().uuidString)").path
    let command = timeTool ? ["/usr/bin/time", "-f", "%M", "-o", report, executable] + arguments : [executable] + arguments
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    var status: Int32 = 0
    let elapsed = seconds {
        guard posix_spawn(&pid, command[0], &actions, nil, argv, environ) == 0 else { return }
        waitpid(pid, &status, 0)
    }
    let kilobytes = (try? String(contentsOfFile: report, encoding: .utf8)).flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    try? FileManager.default.removeItem(atPath: report)
    return (elapsed, kilobytes.map { $0 / 1024 })
}
