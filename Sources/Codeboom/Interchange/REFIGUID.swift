/// The GUIDs of a REFI-QDA export, derived from what they name so that exporting the same project
/// twice gives the same bytes, and a code keeps its GUID from one export to the next.
///
/// Each GUID is a name-based UUID, version 5 (RFC 4122 §4.3: SHA-1), of a name such as `code:juiste-match`
/// in the namespace ``namespace`` — itself the version-5 UUID of `urn:codeboom:refi-qda` in the URL
/// namespace. Python's `uuid.uuid5(uuid.UUID("53b01c77-fe33-55bd-99eb-419a66a2d470"), "code:juiste-match")`
/// gives the same GUID. Written in lower case, without braces.
///
/// A document's selections, codings and notes, hundreds of thousands in a large project, are numbered within
/// it instead of hashed one by one: bytes 0–9 of the document's source GUID, byte 10 the kind (1 a selection,
/// 2 a coding, 3 a note), bytes 11–15 the selection's number in the document (from 0, big-endian).
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
        format(bytes(of: name))
    }

    /// What a part of a document is, for ``part(_:of:number:)``.
    public enum Part: UInt8, Sendable {
        /// A `PlainTextSelection`.
        case selection = 1
        /// The `Coding` in a selection.
        case coding = 2
        /// The `Note` of a selection's memo.
        case note = 3
    }

    /// The GUID of selection `number` of the document whose source GUID has the 16 `sourceBytes`
    /// (``bytes(of:)`` of `source:ID`), or of its coding or note.
    public static func part(_ part: Part, of sourceBytes: [UInt8], number: Int) -> String {
        var bytes = sourceBytes
        bytes[10] = part.rawValue
        for index in 0..<5 { bytes[15 - index] = UInt8(truncatingIfNeeded: number >> (8 * index)) }
        return format(bytes)
    }

    /// The 16 bytes of the version-5 UUID of `name` in ``namespace``.
    public static func bytes(of name: String) -> [UInt8] {
        var hash = Array(SHA1.digest(namespace + Array(name.utf8)).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        return hash
    }

    /// 16 bytes as `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lower case.
    static func format(_ bytes: [UInt8]) -> String {
        let hex: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { text in
            hex.withUTF8Buffer { digits in
                var position = 0
                for (index, byte) in bytes.prefix(16).enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = digits[Int(byte >> 4)]
                    text[position + 1] = digits[Int(byte & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }
}

/// SHA-1 (FIPS 180-4), only for name-based UUIDs, where RFC 4122 prescribes it; never for security.
enum SHA1 {
    /// The 20-byte digest of `message`.
    /// - Complexity: O(*n*); no allocation but the padded copy of the message's last block and the digest.
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        // The whole blocks of the message as they are, then the tail with its padding and length.
        let whole = message.count / 64 * 64
        var tail = Array(message[whole...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bits = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            func compress(_ bytes: UnsafeBufferPointer<UInt8>) {
                for block in stride(from: 0, to: bytes.count, by: 64) {
                    for t in 0..<16 {
                        let i = block + t * 4
                        w[t] = UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
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
            }
            message.withUnsafeBufferPointer { compress(UnsafeBufferPointer(rebasing: $0[..<whole])) }
            tail.withUnsafeBufferPointer { compress($0) }
        }
        var digest = [UInt8]()
        for word in [h.0, h.1, h.2, h.3, h.4] {
            for shift in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return digest
    }
}
