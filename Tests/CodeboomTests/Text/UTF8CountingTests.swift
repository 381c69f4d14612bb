import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite("Counting scalars on UTF-8 bytes")
struct UTF8CountingTests {
    @Test("every length around the 32-byte blocks and the 127-block sums gives the scalar count")
    func countsScalarsAtEveryLength() {
        var generator = SplitMix64(seed: 7)
        let pieces = ["a", "é", "ë", "€", "😀", " ", "\n", "ö"]
        for length in Array(0...70) + [127 * 32 - 1, 127 * 32, 127 * 32 + 1, 10_000] {
            var text = ""
            while text.unicodeScalars.count < length {
                text += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            let bytes = Array(text.utf8)
            let counted = bytes.withUnsafeBufferPointer { UTF8Counting.scalars(in: $0) }
            #expect(counted == text.unicodeScalars.count, "length \(length)")
        }
    }

    @Test("only continuation bytes are left out")
    func onlyContinuationBytesAreLeftOut() {
        let bytes = (0...255).map(UInt8.init)
        let counted = bytes.withUnsafeBufferPointer { UTF8Counting.scalars(in: $0) }
        #expect(counted == 256 - 64)
    }
}
