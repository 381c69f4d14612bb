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
        var failure: Failure? = nil
        let bytes = try withOpenFile(path) { descriptor, size in
            [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = fill(buffer.baseAddress, size: size, from: descriptor, failure: &failure)
            }
        }
        if let failure { throw failure }
        return bytes
        #else
        do { return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch { throw Failure(reason: error.localizedDescription) }
        #endif
    }

    /// Reads at most the first `maximum` bytes of a file, and whether that is the whole file.
    static func readPrefix(_ path: String, maximum: Int) throws(Failure) -> (bytes: [UInt8], isWhole: Bool) {
        #if canImport(Glibc)
        var failure: Failure? = nil
        let result = try withOpenFile(path) { descriptor, size in
            let wanted = min(size, maximum)
            let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
                // An empty buffer may have no address: `fill` then reads nothing.
                count = fill(buffer.baseAddress, size: wanted, from: descriptor, failure: &failure)
            }
            return (bytes, size <= maximum)
        }
        if let failure { throw failure }
        return result
        #else
        let bytes = try read(path)
        return (Array(bytes.prefix(maximum)), bytes.count <= maximum)
        #endif
    }

    /// Reads a file that is valid UTF-8 without a byte order mark or NUL byte straight into a string's storage,
    /// so the text is validated where it lies and never copied; nil for any other file, which the
    /// caller then reads with `read` and decodes.
    static func readUTF8(_ path: String) throws(Failure) -> String? {
        #if canImport(Glibc)
        var failure: Failure? = nil
        var filled = 0
        var text = try withOpenFile(path) { descriptor, size in
            String(unsafeUninitializedCapacity: size) { buffer in
                filled = fill(buffer.baseAddress, size: size, from: descriptor, failure: &failure)
                return filled
            }
        }
        if let failure { throw failure }
        // Invalid bytes come back repaired: the text is then longer than the bytes, or holds a U+FFFD.
        let isAsRead = text.withUTF8 { utf8 -> Bool in
            guard utf8.count == filled, let base = utf8.baseAddress else { return utf8.isEmpty && filled == 0 }
            // A byte order mark (U+FEFF) is the decoder's to remove, and a NUL byte (UTF-16 without
            // a mark, or no text at all) the decoder's to recognise or refuse.
            if utf8.starts(with: [0xEF, 0xBB, 0xBF]) || memchr(base, 0, utf8.count) != nil { return false }
            var from = 0
            while from < utf8.count, let found = memchr(base + from, 0xEF, utf8.count - from) {
                let position = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if position + 2 < utf8.count, utf8[position + 1] == 0xBF, utf8[position + 2] == 0xBD { return false }
                from = position + 1
            }
            return true
        }
        return isAsRead ? text : nil
        #else
        return nil
        #endif
    }

    #if canImport(Glibc)
    /// Opens a regular file and hands its descriptor and size to `body`.
    ///
    /// Opened without waiting, so a named pipe or a device under a transcript's name is refused at
    /// once instead of blocking until something writes to it.
    private static func withOpenFile<Result>(_ path: String, _ body: (Int32, Int) throws(Failure) -> Result) throws(Failure) -> Result {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw Failure(reason: kind(ofMode: status.st_mode)) }
        return try body(descriptor, Int(status.st_size))
    }

    /// What a file that is not a regular file is, in words for a message.
    static func kind(ofMode mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "it is a folder, not a file"
        case S_IFIFO: "it is a named pipe (FIFO), not a regular file"
        case S_IFSOCK: "it is a socket, not a regular file"
        case S_IFCHR, S_IFBLK: "it is a device, not a regular file"
        default: "not a regular file"
        }
    }
    #endif

    /// Whether anything at all is at `path`, a broken symbolic link included.
    static func exists(_ path: String) -> Bool {
        #if canImport(Glibc)
        var status = stat()
        return lstat(path, &status) == 0
        #else
        return FileManager.default.fileExists(atPath: path)
        #endif
    }

    /// Reads a file that may be absent: nil when nothing at all is at `path`; anything else that is
    /// there must be a readable regular file (a broken symbolic link, a folder or a pipe is a failure).
    static func readIfPresent(_ path: String) throws(Failure) -> [UInt8]? {
        #if canImport(Glibc)
        var status = stat()
        if lstat(path, &status) != 0 {
            if errno == ENOENT { return nil }
            throw Failure(reason: String(cString: strerror(errno)))
        }
        do {
            return try read(path)
        } catch {
            if (status.st_mode & S_IFMT) == S_IFLNK, access(path, F_OK) != 0 {
                throw Failure(reason: "a symbolic link to something that is not there")
            }
            throw error
        }
        #else
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try read(path)
        #endif
    }

    #if canImport(Glibc)
    /// Reads up to `size` bytes into `buffer`; returns how many were read (fewer if the file shrank).
    private static func fill(_ buffer: UnsafeMutablePointer<UInt8>?, size: Int, from descriptor: Int32, failure: inout Failure?) -> Int {
        // An empty buffer (an empty file) may have no address; there is nothing to read into it.
        guard let buffer else { return 0 }
        var filled = 0
        while filled < size {
            let got = Glibc.read(descriptor, buffer + filled, size - filled)
            if got < 0 {
                if errno == EINTR { continue }
                failure = Failure(reason: String(cString: strerror(errno)))
                break
            }
            if got == 0 { break }
            filled += got
        }
        return filled
    }
    #endif
}
