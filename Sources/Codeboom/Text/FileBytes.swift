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
                count = fill(buffer.baseAddress!, size: size, from: descriptor, failure: &failure)
            }
        }
        if let failure { throw failure }
        return bytes
        #else
        do { return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch { throw Failure(reason: error.localizedDescription) }
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
                filled = fill(buffer.baseAddress!, size: size, from: descriptor, failure: &failure)
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
    private static func withOpenFile<Result>(_ path: String, _ body: (Int32, Int) throws(Failure) -> Result) throws(Failure) -> Result {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw Failure(reason: "not a regular file") }
        return try body(descriptor, Int(status.st_size))
    }

    /// Reads up to `size` bytes into `buffer`; returns how many were read (fewer if the file shrank).
    private static func fill(_ buffer: UnsafeMutablePointer<UInt8>, size: Int, from descriptor: Int32, failure: inout Failure?) -> Int {
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
