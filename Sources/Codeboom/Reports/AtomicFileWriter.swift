import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        try write([Array(text.utf8)], to: url)
    }

    /// Writes the chunks one after another, as they are: large outputs rendered in parts (one per
    /// document) are never joined in memory first. On any failure the previous file stays as it was.
    public static func write(_ chunks: [[UInt8]], to url: URL) throws(WriteError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        func failure(_ reason: String) -> WriteError {
            try? FileManager.default.removeItem(at: temporary)
            return .cannotWrite(path: url.path, reason: reason)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        for chunk in chunks {
            let error = chunk.withUnsafeBytes { bytes -> Int32? in
                var written = 0
                while written < bytes.count {
                    let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    written += count
                }
                return nil
            }
            if let error {
                close(descriptor)
                throw failure(String(cString: strerror(error)))
            }
        }
        guard close(descriptor) == 0 else { throw failure(String(cString: strerror(errno))) }
        guard rename(temporary.path, url.path) == 0 else { throw failure(String(cString: strerror(errno))) }
    }
}
