/// A GUID as the import keeps hundreds of thousands of them (the selections and notes of 10,000 transcripts):
/// a GUID in the canonical form `8-4-4-4-12` of lower-case hex digits (what ``REFIProject/normalisedGUID(_:)``
/// makes of every tool's GUIDs) as its 128 bits, any other text as it is. Two keys are equal exactly when their
/// texts are, and ``description`` gives the text back.
enum REFIImportGUIDKey: Hashable, Sendable, CustomStringConvertible {
    case uuid(UInt64, UInt64)
    case text(String)

    init(_ guid: String) {
        var text = guid
        self = text.withUTF8(Self.parse) ?? .text(guid)
    }

    /// The 128 bits of a canonical GUID, or nil.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> REFIImportGUIDKey? {
        guard bytes.count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if digits < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            digits += 1
        }
        return .uuid(high, low)
    }

    var description: String {
        switch self {
        case let .text(text):
            return text
        case let .uuid(high, low):
            let hex = Array("0123456789abcdef".utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(36)
            for (index, half) in [high, low].enumerated() {
                for shift in stride(from: 60, through: 0, by: -4) {
                    let position = index * 16 + (15 - shift / 4)
                    if position == 8 || position == 12 || position == 16 || position == 20 { bytes.append(UInt8(ascii: "-")) }
                    bytes.append(hex[Int(half >> UInt64(shift) & 0xF)])
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
