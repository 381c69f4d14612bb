/// The GUIDs of a REFI-QDA export, derived from what they name so that exporting the same project
/// twice gives the same bytes, and a code keeps its GUID from one export to the next.
///
/// Each GUID is a name-based UUID, version 5 (RFC 4122 §4.3: SHA-1), of a name such as `code:juiste-match`
/// in the namespace ``namespace`` — itself the version-5 UUID of `urn:codeboom:refi-qda` in the URL
/// namespace. Python's `uuid.uuid5(uuid.UUID("53b01c77-fe33-55bd-99eb-419a66a2d470"), "code:juiste-match")`
/// gives the same GUID. Written in lower case, without braces.
public enum REFIGUID {
    /// `53b01c77-fe33-55bd-99eb-419a66a2d470`: `uuid5(NAMESPACE_URL, "urn:codeboom:refi-qda")`.
    public static let namespace: [UInt8] = [
        0x53, 0xB0, 0x1C, 0x77, 0xFE, 0x33, 0x55, 0xBD, 0x99, 0xEB, 0x41, 0x9A, 0x66, 0xA2, 0xD4, 0x70,
    ]

    /// The GUID of a code: the name `code:ID`.
    public static func code(_ id: String) -> String { make("code:" + id) }
    /// The GUID of a coder (a REFI-QDA `User`): `user:NAME`.
    public static func user(_ name: String) -> String { make("user:" + name) }
    /// The GUID of a document's `TextSource` (and of its `sources/GUID.txt`): `source:ID`.
    public static func source(_ documentID: String) -> String { make("source:" + documentID) }
    /// The GUID of a variable: `variable:NAME`.
    public static func variable(_ name: String) -> String { make("variable:" + name) }
    /// The GUID of a respondent's `Case`: `case:ID`.
    public static func respondentCase(_ respondentID: String) -> String { make("case:" + respondentID) }

    /// The version-5 UUID of `name` (its UTF-8 bytes) in ``namespace``, as `xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx`.
    public static func make(_ name: String) -> String {
        var hash = SHA1.digest(namespace + Array(name.utf8))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let hex = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (index, byte) in hash.prefix(16).enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// SHA-1 (FIPS 180-4), only for name-based UUIDs, where RFC 4122 prescribes it; never for security.
enum SHA1 {
    /// The 20-byte digest of `message`.
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        var padded = message
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        let bits = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        var w = [UInt32](repeating: 0, count: 80)
        for block in stride(from: 0, to: padded.count, by: 64) {
            for t in 0..<16 {
                let i = block + t * 4
                w[t] = UInt32(padded[i]) << 24 | UInt32(padded[i + 1]) << 16 | UInt32(padded[i + 2]) << 8 | UInt32(padded[i + 3])
            }
            for t in 16..<80 {
                let x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]
                w[t] = x << 1 | x >> 31
            }
            var (a, b, c, d, e) = h
            for t in 0..<80 {
                let f: UInt32, k: UInt32
                switch t {
                case 0..<20: f = (b & c) | (~b & d); k = 0x5A82_7999
                case 20..<40: f = b ^ c ^ d; k = 0x6ED9_EBA1
                case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1B_BCDC
                default: f = b ^ c ^ d; k = 0xCA62_C1D6
                }
                let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[t]
                e = d
                d = c
                c = b << 30 | b >> 2
                b = a
                a = temp
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
        }
        var digest = [UInt8]()
        for word in [h.0, h.1, h.2, h.3, h.4] {
            for shift in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return digest
    }
}
