import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process whose output and error output are read at the same time, with a time limit and a
/// limit on the output kept, so neither a chatty nor a stuck program can block its caller.
struct ChildProcess {
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case outputTooLarge
        case failedToStart(String)
    }

    var output: [UInt8] = []
    /// The first `maximumErrorOutput` bytes of the error output; the rest is read and dropped.
    var errorOutput: [UInt8] = []
    /// Whether the error output was longer than what was kept.
    var errorOutputTruncated = false
    var ending: Ending = .exited(0)

    /// Error output kept; a program may write far more, which is drained so it never blocks.
    static let maximumErrorOutput = 64 * 1024

    private static let spawnLock = NSLock()

    /// Runs `executable` with `arguments`, standard input empty.
    static func run(_ executable: String, arguments: [String], timeout: Double, maximumOutput: Int) -> ChildProcess {
        var result = ChildProcess()
        #if canImport(Glibc)
        var outputPipe: [Int32] = [-1, -1], errorPipe: [Int32] = [-1, -1]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        // Its own process group, so that stopping it stops anything it started too.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        // Pipes are made close-on-exec and the child started under one lock, so a child started at the
        // same time by another thread never inherits these pipes (it would keep them from closing).
        let spawned: Int32 = spawnLock.withLock {
            guard pipe(&outputPipe) == 0 else { return errno }
            guard pipe(&errorPipe) == 0 else {
                let failure = errno
                close(outputPipe[0]); close(outputPipe[1])
                return failure
            }
            for descriptor in outputPipe + errorPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
            var spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
            // "Text file busy": another thread's child still holds the program open for writing for a
            // moment (a program just written, as the tests do); it passes, so try again briefly.
            var attempts = 0
            while spawned == ETXTBSY && attempts < 20 {
                attempts += 1
                usleep(25_000)
                spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
            }
            close(outputPipe[1])
            close(errorPipe[1])
            return spawned
        }
        guard outputPipe[0] >= 0, errorPipe[0] >= 0 else {
            result.ending = .failedToStart(String(cString: strerror(spawned)))
            return result
        }
        defer { close(outputPipe[0]); close(errorPipe[0]) }
        guard spawned == 0 else {
            result.ending = .failedToStart(String(cString: strerror(spawned)))
            return result
        }

        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        var open = [true, true]
        var buffer = [UInt8](repeating: 0, count: 65536)
        var stopped: Ending? = nil
        while open[0] || open[1] {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { stopped = .timedOut; break }
            var descriptors = [pollfd(fd: open[0] ? outputPipe[0] : -1, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: open[1] ? errorPipe[0] : -1, events: Int16(POLLIN), revents: 0)]
            let waitMilliseconds = Int32(min(1000, (deadline - now) / 1_000_000 + 1))
            let ready = poll(&descriptors, 2, waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for stream in 0..<2 where open[stream] && descriptors[stream].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptors[stream].fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { open[stream] = false; continue }
                if stream == 0 {
                    result.output.append(contentsOf: buffer[..<count])
                } else {
                    let kept = min(count, maximumErrorOutput - result.errorOutput.count)
                    result.errorOutput.append(contentsOf: buffer[..<kept])
                    if kept < count { result.errorOutputTruncated = true }
                }
            }
            if result.output.count > maximumOutput { stopped = .outputTooLarge; break }
        }
        // A program may close its output and still run on: the deadline holds for its exit too.
        var status: Int32 = 0
        while stopped == nil {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid || (waited < 0 && errno != EINTR) { break }
            if DispatchTime.now().uptimeNanoseconds >= deadline { stopped = .timedOut; break }
            usleep(2000)
        }
        if stopped != nil {
            kill(-pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        if let stopped {
            result.ending = stopped
        } else if status & 0x7F == 0 {
            result.ending = .exited((status >> 8) & 0xFF)
        } else {
            result.ending = .signalled(status & 0x7F)
        }
        #else
        result.ending = .failedToStart("not supported on this system")
        #endif
        return result
    }
}
