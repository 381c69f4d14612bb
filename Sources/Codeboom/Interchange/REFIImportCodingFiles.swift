import Foundation

/// The codings files of an import (`Corpus/codings/USER.csv`), written as the rows come: each coder's rows wait
/// in memory only until the rows waiting together pass a megabyte, then go to the end of their file. A file
/// is the header and its rows, each line ended by `\n`, as if written at once.
struct REFIImportCodingFiles {
    /// The folder of the files.
    let folder: URL
    /// Rows written or waiting, per coder.
    private(set) var counts: [String: Int] = [:]
    private var waiting: [String: [UInt8]] = [:]
    private var waitingBytes = 0
    private var started: Set<String> = []
    /// How many bytes may wait before they are written.
    private let limit = 1_048_576

    init(folder: URL) {
        self.folder = folder
    }

    /// One row (a CSV line without its `\n`) for `coder`.
    mutating func append(_ line: String, coder: String) {
        counts[coder, default: 0] += 1
        waitingBytes += line.utf8.count + 1
        waiting[coder, default: []].append(contentsOf: line.utf8)
        waiting[coder, default: []].append(UInt8(ascii: "\n"))
    }

    /// Writes the waiting rows if they are many.
    mutating func flushIfFull() throws(REFIImport.Failure) {
        if waitingBytes >= limit { try flush() }
    }

    /// Writes every waiting row to the end of its coder's file (made with its header the first time).
    mutating func flush() throws(REFIImport.Failure) {
        for (coder, bytes) in waiting.sorted(by: { $0.key < $1.key }) where !bytes.isEmpty {
            let url = folder.appendingPathComponent("\(coder).csv")
            do {
                if started.insert(coder).inserted {
                    try (Data((SidecarCodings.headerWithOffsets + "\n").utf8) + Data(bytes)).write(to: url)
                } else {
                    let handle = try FileHandle(forWritingTo: url)
                    defer { try? handle.close() }
                    try handle.seekToEnd()
                    try handle.write(contentsOf: bytes)
                }
            } catch {
                throw .cannotWrite(path: url.path, reason: error.localizedDescription)
            }
        }
        waiting = [:]
        waitingBytes = 0
    }
}
