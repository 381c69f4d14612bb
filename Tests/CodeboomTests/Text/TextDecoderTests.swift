import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct TextDecoderTests {
    @Test("UTF-8 without BOM is read as is")
    func plainUTF8() throws {
        let decoded = try TextDecoder.decode(Array("Cliënt: ja".utf8))
        #expect(decoded.text == "Cliënt: ja")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.firstInvalidUTF8 == nil)
    }

    @Test("a UTF-8 byte order mark is dropped")
    func utf8BOM() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("I: hallo".utf8))
        #expect(decoded.text == "I: hallo")
        #expect(decoded.encoding == .utf8WithBOM)
    }

    @Test("UTF-16 with a BOM is read in both byte orders")
    func utf16() throws {
        let units = Array("coördinator".utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try TextDecoder.decode(little).text == "coördinator")
        #expect(try TextDecoder.decode(little).encoding == .utf16LittleEndian)
        #expect(try TextDecoder.decode(big).text == "coördinator")
        #expect(try TextDecoder.decode(big).encoding == .utf16BigEndian)
    }

    @Test("invalid UTF-8 falls back to Windows-1252 and says where")
    func windows1252() throws {
        // "R: cliënt’s “goed”" as Word's Windows-1252 export writes it, on line 2.
        let bytes: [UInt8] = Array("I: ja\nR: cli".utf8) + [0xEB] + Array("nt".utf8) + [0x92, 0x73, 0x20, 0x93] + Array("goed".utf8) + [0x94, 0x80]
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == "I: ja\nR: cliënt’s “goed”€")
        #expect(decoded.firstInvalidUTF8?.line == 2)
        #expect(decoded.firstInvalidUTF8?.column == 7)
        #expect(decoded.warning(file: "a.txt") == .readAsWindows1252(Codeboom.SourceLocation(file: "a.txt", line: 2, column: 7)))
    }

    @Test("the Windows-1252 warning's column counts the Unicode scalars before the byte, not bytes; CRLF is one line end")
    func windows1252ColumnInScalars() throws {
        // "café " is 5 scalars but 6 bytes of UTF-8; "受访" is 2 scalars but 6 bytes. Hand count: column 6 and 3.
        let afterAccent: [UInt8] = Array("café ".utf8) + [0x92]
        #expect(try TextDecoder.decode(afterAccent, file: "a.txt").warning(file: "a.txt")
                == .readAsWindows1252(Codeboom.SourceLocation(file: "a.txt", line: 1, column: 6)))
        let afterCRLF: [UInt8] = Array("ja\r\nnee\r受访".utf8) + [0x80]
        let decoded = try TextDecoder.decode(afterCRLF)
        #expect(decoded.firstInvalidUTF8?.line == 3)
        #expect(decoded.firstInvalidUTF8?.column == 3)
        #expect(decoded.encoding == .windows1252)
    }

    @Test("CRLF and lone CR become LF")
    func lineEndings() throws {
        #expect(try TextDecoder.decode(Array("a\r\nb\rc\n".utf8)).text == "a\nb\nc\n")
    }

    @Test("decomposed characters are composed (NFC), so offsets count one code point for ë")
    func nfc() throws {
        let decomposed = "clie\u{0308}nt"
        let decoded = try TextDecoder.decode(Array(decomposed.utf8))
        #expect(decoded.text.unicodeScalars.count == 6)
        #expect(decoded.text == "cliënt")
    }
}

/// Text the decoder must not read wrong (issue 12.11): UTF-16 without a byte order mark, UTF-32, NUL bytes.
@Suite struct TextDecoderEncodingTests {
    static func utf32(_ text: String, littleEndian: Bool) -> [UInt8] {
        ([0xFEFF] + text.unicodeScalars.map(\.value)).flatMap { value in
            let bytes = (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }
            return littleEndian ? bytes : bytes.reversed()
        }
    }

    @Test("UTF-16 without a byte order mark is recognised by its NUL bytes, in both byte orders, with a warning")
    func utf16WithoutBOM() throws {
        let text = "I: Hoe gaat het?\nR: Goed, de coördinator belt elke week. #klik\n"
        let little = try TextDecoder.decode(EncodedText.utf16(text, littleEndian: true))
        #expect(little.text == text)
        #expect(little.encoding == .utf16LittleEndianWithoutBOM)
        #expect(little.warning(file: "a.txt")?.description == "a.txt:1:1: warning: no byte order mark; read as UTF-16LE by the NUL bytes in its characters — save the file as UTF-8 to be sure every character is read as meant")
        let big = try TextDecoder.decode(EncodedText.utf16(text, littleEndian: false))
        #expect(big.text == text)
        #expect(big.encoding == .utf16BigEndianWithoutBOM)
    }

    @Test("UTF-16 without BOM in Cyrillic, Turkish or with U+0100-like characters reads; in a CJK script it is refused, not guessed")
    func scripts() throws {
        for text in ["R: Всё хорошо, спасибо.\n", "R: Çok güzel, teşekkürler.\n", "R: Āmen, zei de dominee\u{2000}in de kerk.\n"] {
            #expect(try TextDecoder.decode(EncodedText.utf16(text, littleEndian: true)).text == text)
        }
        #expect(throws: TextDecodingError.self) { try TextDecoder.decode(EncodedText.utf16("受访者：我们很好。\n", littleEndian: true)) }
    }

    @Test("generated texts in UTF-16 without BOM read back exactly; the same texts with one NUL in UTF-8 are refused")
    func generated() throws {
        var random = SplitMix64(seed: 1211)
        // Words as transcripts hold them: mostly Dutch, some symbols, Greek and an emoji, with spaces and line breaks.
        let words = ["de", "cliënt", "coördinator", "€", "—", "\nR:", "\nI:", "#klik", "🙂", "één", "Ελλάδα", "ja.", "1234", "vrijwilliger"]
        for _ in 0..<300 {
            let text = "R: " + (0..<Int.random(in: 3...40, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ") + "\n"
            for littleEndian in [true, false] {
                #expect(try TextDecoder.decode(EncodedText.utf16(text, littleEndian: littleEndian)).text == text)
            }
            var bytes = Array(text.utf8)
            let place = Int.random(in: 0...bytes.count, using: &random)
            // Between two characters, so the text before it stays UTF-8.
            let boundary = String(decoding: bytes[..<place], as: UTF8.self).utf8.count == place ? place : 0
            bytes.insert(0, at: boundary)
            #expect(throws: TextDecodingError.self) { try TextDecoder.decode(bytes) }
        }
    }

    @Test("UTF-32 with a byte order mark is read in both byte orders, not as UTF-16")
    func utf32() throws {
        let text = "R: coördinator 😀\n"
        let little = try TextDecoder.decode(Self.utf32(text, littleEndian: true))
        #expect(little.text == text)
        #expect(little.encoding == .utf32LittleEndian)
        let big = try TextDecoder.decode(Self.utf32(text, littleEndian: false))
        #expect(big.text == text)
        #expect(big.encoding == .utf32BigEndian)
    }

    @Test(
        "bytes with NUL are refused with the place of the first NUL, in characters",
        arguments: [
            ([0], 1, 1),
            ([UInt8](repeating: 0, count: 4096), 1, 1),
            (Array("I: ja\nR: cliënt".utf8) + [0] + Array("s".utf8), 2, 10),
            ([0xEF, 0xBB, 0xBF] + Array("ab".utf8) + [0], 1, 3),
            (Array("een\r\ntwee\rdrie ".utf8) + [0, 0, 0, 7], 3, 6),
            // A PNG header: NUL bytes at both places of a UTF-16 unit.
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], 3, 1),
            // UTF-32 without a byte order mark: every character holds NUL bytes at both places.
            ([0x52, 0, 0, 0, 0x3A, 0, 0, 0], 1, 2),
        ] as [([UInt8], Int, Int)])
    func nulBytes(bytes: [UInt8], line: Int, column: Int) {
        #expect(throws: TextDecodingError.nulByte(at(line, column))) { try TextDecoder.decode(bytes) }
    }

    @Test("one stray NUL in a long UTF-8 text is not taken for UTF-16")
    func strayNUL() {
        var bytes = Array(String(repeating: "R: het gaat goed met de buurt.\n", count: 200).utf8)
        bytes[101] = 0
        #expect(throws: TextDecodingError.nulByte(at(4, 9))) { try TextDecoder.decode(bytes) }
    }

    @Test("broken UTF-16 and UTF-32 are errors at the broken character; U+0000 in them is a NUL")
    func broken() {
        let loneSurrogate = [0xFF, 0xFE] + EncodedText.utf16("ja\nne", littleEndian: true) + [0x00, 0xD8] + EncodedText.utf16("e", littleEndian: true)
        #expect(throws: TextDecodingError.invalidUTF16(at(2, 3), encoding: .utf16LittleEndian)) { try TextDecoder.decode(loneSurrogate) }
        let oddLength = [0xFE, 0xFF] + EncodedText.utf16("ja", littleEndian: false) + [0x00]
        #expect(throws: TextDecodingError.invalidUTF16(at(1, 3), encoding: .utf16BigEndian)) { try TextDecoder.decode(oddLength) }
        let beyondUnicode = Self.utf32("a", littleEndian: true) + [0x00, 0x00, 0x11, 0x00]
        #expect(throws: TextDecodingError.invalidUTF32(at(1, 2), encoding: .utf32LittleEndian)) { try TextDecoder.decode(beyondUnicode) }
        let cutOff = Self.utf32("a", littleEndian: false) + [0x00, 0x00]
        #expect(throws: TextDecodingError.invalidUTF32(at(1, 2), encoding: .utf32BigEndian)) { try TextDecoder.decode(cutOff) }
        let nulInUTF16 = [0xFF, 0xFE] + EncodedText.utf16("a\u{0}", littleEndian: true)
        #expect(throws: TextDecodingError.nulByte(at(1, 2))) { try TextDecoder.decode(nulInUTF16) }
    }

    @Test("a UTF-16 byte order mark followed by text is still UTF-16, not UTF-32")
    func utf16NotUTF32() throws {
        #expect(try TextDecoder.decode([0xFF, 0xFE] + EncodedText.utf16("ok", littleEndian: true)).encoding == .utf16LittleEndian)
    }
}

@Suite struct FoldingTests {
    @Test("folding removes case and diacritics", arguments: [("Cliënt", "client"), ("COÖRDINATOR", "coordinator"), ("één", "een")])
    func folding(input: String, expected: String) {
        #expect(input.folded == expected)
    }

    @Test("slugs fold diacritics and join words with dashes")
    func slug() {
        #expect("Samenwerken met een vrijwilligerscoördinator".slug == "samenwerken-met-een-vrijwilligerscoordinator")
        #expect("Grensdilemma's".slug == "grensdilemma-s")
        #expect("  1. Een juiste match!  ".slug == "1-een-juiste-match")
    }
}

@Suite struct CSVTableTests {
    @Test("quoted fields keep commas, quotes and line breaks, and rows keep their line numbers")
    func quoted() {
        let table = CSVTable(text: "document,segment,code,memo\na,1,x,\"een, twee\"\nb,2,y,\"zei \"\"ja\"\"\nen nee\"\nc,3,z,\n")
        #expect(table.header == ["document", "segment", "code", "memo"])
        #expect(table.rows.map(\.line) == [2, 3, 5])
        #expect(table.rows[0]["memo"] == "een, twee")
        #expect(table.rows[1]["memo"] == "zei \"ja\"\nen nee")
        #expect(table.rows[2]["memo"] == nil)
    }

    @Test("semicolon-separated files from Dutch Excel are read too")
    func semicolons() {
        let table = CSVTable(text: "naam;pseudoniem\r\nJoke;[vrijwilliger]\n".replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(table.rows.first?["pseudoniem"] == "[vrijwilliger]")
    }

}

/// A place in bytes decoded without a file name.
private func at(_ line: Int, _ column: Int) -> Codeboom.SourceLocation {
    Codeboom.SourceLocation(file: "", line: line, column: column)
}
