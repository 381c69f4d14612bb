import Testing
@testable import Codeboom

@Suite struct ByteKeyedPositionsTests {
    private func position(of key: String, in table: ByteKeyedPositions) -> Int32? {
        Array(key.utf8).withUnsafeBufferPointer { table.position(of: $0) }
    }

    @Test("every key is found with its own position after the table has grown, and nothing else is found")
    func growth() {
        // 500 keys: the table starts with 64 slots, so it grows several times.
        let keys = (0..<500).map { "code-\($0)" } + ["", "\u{E9}", "e\u{301}"]
        var table = ByteKeyedPositions()
        for (index, key) in keys.enumerated() {
            Array(key.utf8).withUnsafeBufferPointer { table.insert($0, position: Int32(index)) }
        }
        for (index, key) in keys.enumerated() { #expect(position(of: key, in: table) == Int32(index)) }
        // Bytes, not canonical equivalence: é written as one scalar or as e and an accent are two keys.
        #expect(position(of: "\u{E9}", in: table) == 501)
        #expect(position(of: "e\u{301}", in: table) == 502)
        for missing in ["code-500", "code-", "code-1 ", "Code-1", "e"] { #expect(position(of: missing, in: table) == nil) }
    }
}
