import Codeboom
import Foundation

extension FuzzHarness {
    /// A folder of this process's own (in memory where the system has /dev/shm), for inputs that go
    /// through `DocumentReader` as files, exactly as a project's documents do. Removed on exit; after a
    /// crash, `Scripts/fuzz.sh` removes it.
    private static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = "\(base)/codeboom-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: FuzzHarness.folder) }
        return folder
    }()

    /// Writes `bytes` as `Corpus/NAME` and reads it with `DocumentReader`, as `check` and `report` do;
    /// every diagnostic is rendered, as the command line would print it.
    public static func readDocument(_ bytes: some DataProtocol, named name: String) -> ParsedDocument? {
        let path = "\(folder)/\(name)"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fatalError("cannot write the fuzz input to \(path)")
        }
        let read = DocumentReader.read(file: path, relativePath: "Corpus/\(name)")
        for diagnostic in read.diagnostics { _ = diagnostic.description }
        return read.parsed
    }
}
