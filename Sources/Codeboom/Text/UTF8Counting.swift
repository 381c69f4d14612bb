/// Counting on UTF-8 bytes, for offsets in Unicode scalars without decoding.
enum UTF8Counting {
    /// The number of scalars in `bytes`: every byte that is not a continuation byte (`10xxxxxx`)
    /// starts one. Transcripts are long, so eight bytes are looked at per step, each with its own
    /// counter in a 64-bit word that is summed every 255 steps, before a counter could overflow.
    static func scalars(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let lowBits: UInt64 = 0x0101_0101_0101_0101
        var continuation = 0
        var index = 0
        while index + 8 <= bytes.count {
            var counters: UInt64 = 0
            var steps = 0
            while steps < 255, index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // Bit 7 set and bit 6 clear; shifting left by one moves each byte's bit 6 into its bit 7.
                counters &+= ((word & ~(word << 1)) >> 7) & lowBits
                index &+= 8
                steps &+= 1
            }
            // Add the eight byte counters: first pairwise into 16-bit lanes, then the lanes at once.
            let pairs = (counters & 0x00FF_00FF_00FF_00FF) &+ ((counters >> 8) & 0x00FF_00FF_00FF_00FF)
            continuation &+= Int((pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        while index < bytes.count {
            if base[index] & 0xC0 == 0x80 { continuation &+= 1 }
            index &+= 1
        }
        return bytes.count - continuation
    }
}
