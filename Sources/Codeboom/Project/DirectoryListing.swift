import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The entries of a folder with their kind as the directory itself reports it, so listing a corpus
/// of thousands of files needs no `stat` per file.
enum DirectoryListing {
    enum Kind { case directory, other }

    /// Names and kinds; a kind is nil where the file system does not say (the caller then asks).
    static func entries(of path: String) -> [(name: String, kind: Kind?)] {
        #if canImport(Glibc)
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, kind: Kind?)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            // Symbolic links and unknown types are decided by following them, as reading would.
            let kind: Kind? = type == UInt8(DT_DIR) ? .directory : (type == UInt8(DT_REG) ? .other : nil)
            entries.append((name, kind))
        }
        return entries
        #else
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).map { ($0, nil) }
        #endif
    }
}
