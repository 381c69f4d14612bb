import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite("Collapsing white space")
struct CollapsingWhitespaceTests {
    @Test("runs of white space become one space and the ends are trimmed")
    func examples() {
        #expect("  Nou,\tja.\r\n\n  Echt\u{00A0}niet \u{2003} ".collapsingWhitespace == "Nou, ja. Echt niet")
        #expect("".collapsingWhitespace == "")
        #expect(" \n ".collapsingWhitespace == "")
    }

    @Test("scalar by scalar gives what splitting by characters gives, marks after spaces included")
    func agreesWithCharacters() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{00A0}", "\u{2003}", "a", "é", "e\u{301}", "\u{301}", "“", "😀", "👍🏽",
                      "\u{1F3FD}", "\u{200D}", "ĳ"]
        var generator = SplitMix64(seed: 99)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 12) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let expected = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(text.collapsingWhitespace == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            // The bytes of a piece of a larger text collapse as the same text on its own (or say
            // they cannot, where a mark follows white space).
            let larger = Array(("x " + text + " y").utf8)
            let piece = larger.withUnsafeBufferPointer { String.collapsingWhitespace(utf8: UnsafeBufferPointer(rebasing: $0[2..<($0.count - 2)])) }
            if let piece { #expect(piece == expected) }
        }
    }
}
