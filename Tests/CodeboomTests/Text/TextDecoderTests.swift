import Testing
@testable import Codeboom

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
