import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes outputs so that a reader never sees a half-written file: temp file in the same folder, then rename.
///
/// The temp file is `.NAME.UUID.tmp` beside the target and is locked (`flock`) while it is written.
/// A run that is killed leaves it behind; the next write into the same folder removes every such
/// file that no running writer holds, so leftovers never pile up.
public enum AtomicFileWriter {
    /// Why a file could not be written; the previous file is left as it was.
    public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Writing, syncing or renaming the file at `path` failed with `reason`.
        case cannotWrite(path: String, reason: String)

        /// `path: error: what — what to do`.
        public var description: String {
            switch self {
            case .cannotWrite(let path, let reason):
                "\(TerminalText.escaped(path)): error: cannot write (\(reason)) — check that the folder exists and is writable"
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
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        removeLeftovers(in: folder)
        let (temporary, descriptor) = try createLockedTemporary(for: url)
        func failure(_ reason: String) -> WriteError {
            unlink(temporary.path)
            return .cannotWrite(path: url.path, reason: reason)
        }
        if let error = writeAll(chunks, to: descriptor) {
            close(descriptor)
            throw failure(String(cString: strerror(error)))
        }
        // The lock goes with the descriptor, after the rename: a cleaner never sees an unlocked temp of a live writer.
        guard rename(temporary.path, url.path) == 0 else {
            let error = errno
            close(descriptor)
            throw failure(String(cString: strerror(error)))
        }
        guard close(descriptor) == 0 else { throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
    }

    /// Whether `name` is a temp file of this writer for the target `target` (`.TARGET.UUID.tmp`).
    public static func isTemporaryName(_ name: String, of target: String? = nil) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let inner = name.dropFirst().dropLast(4)
        guard inner.count > 37, inner[inner.index(inner.endIndex, offsetBy: -37)] == "." else { return false }
        let uuid = inner.suffix(36)
        let base = inner.dropLast(37)
        guard UUID(uuidString: String(uuid)) != nil, !base.isEmpty else { return false }
        return target.map { base == $0 } ?? true
    }

    /// Removes temp files of earlier, interrupted writes in `folder` (of `target` only, when given):
    /// only names of our own pattern, and only those no live writer holds locked.
    public static func removeLeftovers(of target: String? = nil, in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where isTemporaryName(name, of: target) {
            let path = folder.appendingPathComponent(name).path
            let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
            guard descriptor >= 0 else { continue }
            var status = stat()
            if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                unlink(path)
            }
            close(descriptor)
        }
    }

    /// Creates `.NAME.UUID.tmp` and locks it; retries when a cleaner removed it between the two steps.
    static func createLockedTemporary(for url: URL) throws(WriteError) -> (URL, Int32) {
        let folder = url.deletingLastPathComponent()
        for _ in 0..<8 {
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o666)
            guard descriptor >= 0 else { throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
            guard flock(descriptor, LOCK_EX) == 0 else {
                let error = errno
                close(descriptor)
                unlink(temporary.path)
                throw .cannotWrite(path: url.path, reason: String(cString: strerror(error)))
            }
            // Still the file under that name? A cleaner may have taken it before the lock.
            var held = stat(), named = stat()
            if fstat(descriptor, &held) == 0, lstat(temporary.path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                return (temporary, descriptor)
            }
            close(descriptor)
        }
        throw .cannotWrite(path: url.path, reason: "its temporary file kept disappearing")
    }

    /// Writes every byte, retrying after interruptions; the `errno` of a failure, or nil.
    static func writeAll(_ chunks: [[UInt8]], to descriptor: Int32) -> Int32? {
        for chunk in chunks {
            if let error = chunk.withUnsafeBytes({ DescriptorWriter.writeAll($0, to: descriptor) }) { return error }
        }
        return nil
    }
}
