import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file into a byte array with one allocation: corpora have thousands of files, and
/// going through `Data` costs a second copy of each.
enum FileBytes {
    struct Failure: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    static func read(_ path: String) throws(Failure) -> [UInt8] {
        #if canImport(Glibc)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw Failure(reason: "not a regular file") }
        let size = Int(status.st_size)
        var failure: Failure? = nil
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var filled = 0
            while filled < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + filled, size - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = Failure(reason: String(cString: strerror(errno)))
                    break
                }
                if got == 0 { break }
                filled += got
            }
            count = filled
        }
        if let failure { throw failure }
        return bytes
        #else
        do { return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch { throw Failure(reason: error.localizedDescription) }
        #endif
    }
}
