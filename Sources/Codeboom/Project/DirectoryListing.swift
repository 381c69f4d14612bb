import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The entries of a folder with their kind as the directory itself reports it, so listing a corpus
/// of thousands of files needs no `stat` per file; symbolic links and odd entries are looked at
/// one by one.
enum DirectoryListing {
    enum Kind: Equatable {
        case directory
        case regularFile
        /// A named pipe, socket or device: reading it could block forever, so it is never read.
        case special(String)
        /// A symbolic link whose target is missing, or a chain of links that never ends.
        case brokenLink(String)
    }

    /// A folder's identity, the same whichever path (or symbolic link) reaches it.
    struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    struct Failure: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// Every name in a folder (hidden ones too) with its kind, symbolic links followed, sorted by name.
    static func entries(of path: String) throws(Failure) -> [(name: String, kind: Kind)] {
        #if canImport(Glibc)
        guard let directory = opendir(path) else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { closedir(directory) }
        var entries: [(name: String, kind: Kind)] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw Failure(reason: String(cString: strerror(errno))) }
                break
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .regularFile
            // Symbolic links and unknown types are decided by following them, as reading would.
            default: kind = Self.kind(of: path + "/" + name)
            }
            entries.append((name, kind))
        }
        return entries.sorted { $0.name < $1.name }
        #else
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { ($0, kind(of: path + "/" + $0)) }
        } catch {
            throw Failure(reason: error.localizedDescription)
        }
        #endif
    }

    /// What is at `path`, symbolic links followed.
    static func kind(of path: String) -> Kind {
        #if canImport(Glibc)
        var status = stat()
        guard stat(path, &status) == 0 else {
            return .brokenLink(errno == ELOOP ? "a loop of symbolic links" : "a symbolic link to something that is not there (\(String(cString: strerror(errno))))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        default: return .special(FileBytes.kind(ofMode: status.st_mode))
        }
        #else
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .brokenLink("not there") }
        return isDirectory.boolValue ? .directory : .regularFile
        #endif
    }

    /// The identity of the folder at `path` (links followed), to notice a folder reached twice.
    static func identity(of path: String) -> FolderIdentity? {
        #if canImport(Glibc)
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FolderIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        #else
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath),
              let number = attributes[.systemFileNumber] as? NSNumber else { return nil }
        return FolderIdentity(device: 0, inode: number.uint64Value)
        #endif
    }
}
