import Foundation

/// Positions looked up by a name's UTF-8 bytes, without making a string of them: how the rows of a
/// codings file find their code, hundreds of thousands of times, among a few hundred code ids.
/// Open addressing on an FNV-1a hash, at most half full.
struct ByteKeyedPositions: Sendable {
    private var keys: [[UInt8]] = []
    private var positions: [Int32] = []
    /// Indexes into `keys`, -1 for an empty slot; the count is a power of two.
    private var slots = [Int32](repeating: -1, count: 64)

    /// The position kept for these bytes, if any.
    func position(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if Self.equal(keys[index], bytes) { return positions[index] }
            slot = (slot + 1) & mask
        }
    }

    /// Keeps `position` for bytes that have none yet.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, position: Int32) {
        keys.append(Array(bytes))
        positions.append(position)
        if keys.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for index in keys.indices { place(index) }
        } else {
            place(keys.count - 1)
        }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = keys[index].withUnsafeBufferPointer { Int(truncatingIfNeeded: Self.hash($0)) } & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    private static func equal(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == bytes.count else { return false }
        guard let base = bytes.baseAddress, !key.isEmpty else { return true }
        return key.withUnsafeBufferPointer { keyBytes in
            guard let keyBase = keyBytes.baseAddress else { return false }
            return memcmp(keyBase, base, key.count) == 0
        }
    }
}
