import Foundation

/// Writing to an open file descriptor: every byte, as `write` may take fewer than it is given.
enum DescriptorWriter {
    /// Writes all of `bytes`, retrying after interruptions; the `errno` of a failure, or nil.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var written = 0
        while written < bytes.count {
            let count = Foundation.write(descriptor, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += count
        }
        return nil
    }
}
