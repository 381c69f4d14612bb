import CZlib
import Foundation

/// Raw-deflate decompression through the system zlib.
///
/// Output is produced in fixed chunks and stops as soon as it passes a cap,
/// so a stream that lies about its size cannot allocate more than the cap.
enum Inflater {
    /// Why inflating stopped early.
    enum Failure: Error, Equatable {
        /// The output passed the cap; `produced` bytes had been inflated by then.
        case exceededCap(produced: UInt64)
        /// The stream is damaged or ends early.
        case corrupt(String)
    }

    /// The size of the pieces ``inflate(_:cap:chunkSize:into:)`` hands on.
    static let chunkSize = 64 * 1024

    /// Inflates a raw deflate stream (no zlib or gzip header), refusing to produce more than `cap` bytes.
    static func inflate(_ input: Data, cap: UInt64) -> Result<Data, Failure> {
        var output = Data()
        output.reserveCapacity(Int(min(cap, 4 * 1_048_576)))
        return inflate(input, cap: cap) { output.append(contentsOf: $0) }.map { _ in output }
    }

    /// Inflates a raw deflate stream piece by piece: `body` gets each piece of at most `chunkSize` bytes as it
    /// comes (valid only during the call), so the whole output is never held. Refuses to produce more than
    /// `cap` bytes; gives the number of bytes produced.
    static func inflate(_ input: Data, cap: UInt64, chunkSize: Int = Inflater.chunkSize,
                        into body: (UnsafeBufferPointer<UInt8>) -> Void) -> Result<UInt64, Failure> {
        input.withUnsafeBytes { inflate($0, cap: cap, chunkSize: chunkSize, into: body) }
    }

    /// Inflates raw deflate bytes piece by piece, as ``inflate(_:cap:chunkSize:into:)`` does with `Data`;
    /// `consumed` learns, now and then, how many input bytes zlib has read and will not read again.
    static func inflate(_ raw: UnsafeRawBufferPointer, cap: UInt64, chunkSize: Int = Inflater.chunkSize,
                        consumed reportConsumed: (Int) -> Void = { _ in },
                        into body: (UnsafeBufferPointer<UInt8>) -> Void) -> Result<UInt64, Failure> {
        var stream = z_stream()
        // -15: raw deflate with a 32 KiB window, as ZIP stores it.
        let initStatus = inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { return .failure(.corrupt("zlib could not start, status \(initStatus)")) }
        defer { inflateEnd(&stream) }

        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var total: UInt64 = 0

        do {
            let inputCount = raw.count
            var consumed = 0
            while true {
                if stream.avail_in == 0, consumed < inputCount, let base = raw.baseAddress {
                    reportConsumed(consumed)
                    // A megabyte at a time, so that the input read so far can be let go.
                    let length = min(inputCount - consumed, 1 << 20)
                    stream.next_in = UnsafeMutablePointer(mutating: (base + consumed).assumingMemoryBound(to: Bytef.self))
                    stream.avail_in = uInt(length)
                    consumed += length
                }
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, buffer.count - Int(stream.avail_out))
                }
                if produced > 0 {
                    total += UInt64(produced)
                    if total > cap { return .failure(.exceededCap(produced: total)) }
                    chunk.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<produced])) }
                }
                switch status {
                case Z_STREAM_END:
                    return .success(total)
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress was possible: with a fresh output chunk that means the input ran out.
                    if stream.avail_in == 0, consumed >= inputCount {
                        return .failure(.corrupt("the deflate stream ends early"))
                    }
                case Z_NEED_DICT:
                    return .failure(.corrupt("the deflate stream asks for a preset dictionary"))
                case Z_MEM_ERROR:
                    return .failure(.corrupt("zlib ran out of memory"))
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                    return .failure(.corrupt(message))
                }
            }
        }
    }
}
