import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension StudyTemplate {
    /// Why a new study could not be written; nothing of it is left behind.
    public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The folder holds entries (hidden ones count): the first few names, sorted, and how many there are.
        case notEmpty(path: String, names: [String], count: Int)
        /// Something other than a folder has the name.
        case notAFolder(path: String)
        /// The folder cannot be listed.
        case unreadable(path: String, reason: String)
        /// A folder or file of the study cannot be created; `path` is the one that failed.
        case cannotWrite(path: String, reason: String)

        /// `path: error: what is wrong — what to do`.
        public var description: String {
            switch self {
            case .notEmpty(let path, let names, let count):
                let more = count > names.count ? " and \(count - names.count) more" : ""
                // Never suggest the very folder that was refused.
                let refused = path.split(separator: "/").last.map(String.init)
                let suggestion = refused == "mijn-onderzoek" ? "mijn-onderzoek-2" : "mijn-onderzoek"
                return "\(TerminalText.escaped(path)): error: the folder is not empty (it holds \(TerminalText.escaped(names.joined(separator: ", ")))\(more)) "
                    + "— a new study needs a new or empty folder: give one, like `codeboom init \(suggestion)`"
            case .notAFolder(let path):
                return "\(TerminalText.escaped(path)): error: is not a folder — give the name of a new or empty folder"
            case .unreadable(let path, let reason):
                return "\(TerminalText.escaped(path)): error: cannot be read (\(reason)) — check that the folder is readable, or choose another"
            case .cannotWrite(let path, let reason):
                return "\(TerminalText.escaped(path)): error: cannot be written (\(reason)) — check that the folder is writable; nothing of the new study was kept"
            }
        }
    }

    /// How many names a `notEmpty` error shows.
    static let shownNames = 3

    /// Writes the study into `directory`, which is created when missing and must otherwise be empty
    /// (hidden entries count). Each file appears complete or not at all and never replaces one that
    /// appeared meanwhile; on any failure, every file and folder this call made is removed again.
    ///
    /// - Returns: the paths written, relative to `directory`, in order.
    public func write(into directory: String) throws(WriteError) -> [String] {
        let root = directory.isEmpty ? "." : directory
        var created: [String] = []
        var createdRoot = false
        var status = stat()
        if stat(root, &status) != 0 {
            guard errno == ENOENT else { throw .unreadable(path: directory, reason: String(cString: strerror(errno))) }
            do {
                try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: directory, reason: Self.reason(error))
            }
            createdRoot = true
        } else if (status.st_mode & S_IFMT) != S_IFDIR {
            throw .notAFolder(path: directory)
        } else {
            let names = try Self.names(in: root, shownAs: directory)
            if !names.isEmpty {
                throw .notEmpty(path: directory, names: Array(names.prefix(Self.shownNames)), count: names.count)
            }
        }
        func undo() {
            for path in created.reversed() {
                let full = root + "/" + path
                if unlink(full) != 0 { rmdir(full) }
            }
            if createdRoot { rmdir(root) }
        }
        func shown(_ path: String) -> String {
            directory == "." ? path : (directory.hasSuffix("/") ? directory + path : directory + "/" + path)
        }
        for folder in folders {
            guard mkdir(root + "/" + folder, 0o777) == 0 else {
                let reason = String(cString: strerror(errno))
                undo()
                throw .cannotWrite(path: shown(folder), reason: reason)
            }
            created.append(folder)
        }
        for file in files {
            if let reason = Self.createNew(root + "/" + file.path, bytes: Array(file.text.utf8)) {
                undo()
                throw .cannotWrite(path: shown(file.path), reason: reason)
            }
            created.append(file.path)
        }
        return files.map(\.path)
    }

    /// Every name in a folder but `.` and `..`, hidden ones included, sorted.
    private static func names(in path: String, shownAs shownPath: String) throws(WriteError) -> [String] {
        guard let folder = opendir(path) else { throw .unreadable(path: shownPath, reason: String(cString: strerror(errno))) }
        defer { closedir(folder) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                if errno != 0 { throw .unreadable(path: shownPath, reason: String(cString: strerror(errno))) }
                break
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Creates `path` with `bytes`, atomically and only if nothing has that name: the text goes to a
    /// temporary file beside it, which is then hard-linked to the name (`link` never replaces) and
    /// removed. Where the file system has no hard links, the file is created exclusively and written
    /// in place. Returns why it failed, or nil.
    private static func createNew(_ path: String, bytes: [UInt8]) -> String? {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { unlink(temporary) }
        let writeError = AtomicFileWriter.writeAll([bytes], to: descriptor)
        let closed = close(descriptor) == 0
        if let writeError { return String(cString: strerror(writeError)) }
        guard closed else { return String(cString: strerror(errno)) }
        if link(temporary, path) == 0 { return nil }
        let linkError = errno
        guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(linkError) else { return String(cString: strerror(linkError)) }
        let direct = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o666)
        guard direct >= 0 else { return String(cString: strerror(errno)) }
        let directError = AtomicFileWriter.writeAll([bytes], to: direct)
        let directClosed = close(direct) == 0
        if let directError {
            unlink(path)
            return String(cString: strerror(directError))
        }
        return directClosed ? nil : String(cString: strerror(errno))
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedDescription
    }
}
