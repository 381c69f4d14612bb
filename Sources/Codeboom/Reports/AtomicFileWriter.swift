import Foundation

/// Writes outputs so that a reader never sees a half-written file: temp file in the same folder, then rename.
public enum AtomicFileWriter {
    public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .cannotWrite(let path, let reason):
                "\(path): error: cannot write (\(reason)) — check that the folder exists and is writable"
            }
        }
    }

    /// Writes `text` to `url`; on any failure the previous file stays as it was.
    public static func write(_ text: String, to url: URL) throws(WriteError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw WriteError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as WriteError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }
}
