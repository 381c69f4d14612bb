import Foundation

/// The entry point of every `Fuzz…` executable.
///
/// Built for fuzzing (`Scripts/fuzz.sh`: `-sanitize=fuzzer` and `-DFUZZING`), it hands control to
/// libFuzzer, which calls `body` with each input. Built without `-DFUZZING`, it replays the files and
/// folders named on the command line, so a saved crash can be re-run in a plain debug build or a
/// debugger: `CODEBOOM_FUZZ=1 swift run --scratch-path .build-fuzz/plain FuzzCSV crash-1234` (the
/// executables are part of the package only with CODEBOOM_FUZZ=1).
public enum FuzzHarness {
    /// Runs the target and exits with libFuzzer's status, or 0 after replaying every input.
    public static func run(_ body: @escaping ([UInt8]) -> Void) -> Never {
        #if FUZZING
        target = body
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzTestOneInput))
        #else
        exit(replay(CommandLine.arguments.dropFirst(), body))
        #endif
    }

    /// Runs `body` on every file named, and on every file inside each folder named, in name order.
    static func replay(_ paths: some Collection<String>, _ body: ([UInt8]) -> Void) -> Int32 {
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(CommandLine.arguments[0]) FILE|FOLDER… — replays saved inputs; Scripts/fuzz.sh fuzzes\n".utf8))
            return 64
        }
        var count = 0
        for path in paths {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("\(file): error: cannot be read\n".utf8))
                    return 1
                }
                let started = Date()
                body(Array(data))
                let seconds = Date().timeIntervalSince(started)
                // A slow input is what a libFuzzer timeout would report; say so while replaying too.
                if seconds > 1 { FileHandle.standardError.write(Data("\(file): slow: \(Int(seconds * 1000)) ms\n".utf8)) }
                count += 1
            }
        }
        FileHandle.standardError.write(Data("replayed \(count) input(s) without a finding\n".utf8))
        return 0
    }

    private static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }.filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    #if FUZZING
    // libFuzzer calls back through a C function pointer, which cannot capture: the target waits here.
    nonisolated(unsafe) fileprivate static var target: ([UInt8]) -> Void = { _ in }
    #endif
}

#if FUZZING
/// libFuzzer's per-input callback. Also exported under its conventional name: the linker may pull in
/// libFuzzer's own `main`, which refers to it, but SwiftPM's `--defsym main=…` keeps our `main` the entry.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzHarness.target(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}

// libFuzzer's driver for programs with their own `main` (SwiftPM gives every executable one).
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
