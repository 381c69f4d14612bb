import Foundation
import Testing
@testable import Codeboom

@Suite struct KeywordFoldingTests {
    /// Letters whose base letter is not their canonical decomposition's first scalar.
    static let ligaturesAndStrokes: [Unicode.Scalar: String] = [
        "Æ": "ae", "æ": "ae", "Ð": "d", "ð": "d", "Ø": "o", "ø": "o", "Þ": "th", "þ": "th", "ß": "ss",
        "Đ": "d", "đ": "d", "Ħ": "h", "ħ": "h", "ı": "i", "Ĳ": "ij", "ĳ": "ij", "ĸ": "k", "Ŀ": "l",
        "ŀ": "l", "Ł": "l", "ł": "l", "ŉ": "n", "Ŋ": "n", "ŋ": "n", "Œ": "oe", "œ": "oe", "Ŧ": "t",
        "ŧ": "t", "ſ": "s",
    ]

    @Test func latinLettersFoldToTheirLowercaseBaseLetter() {
        for value in UInt32(0xC0)..<0x180 {
            let scalar = Unicode.Scalar(value)!
            guard scalar.properties.isAlphabetic else {
                #expect(KeywordFolding.fold(value) == .separator(KeywordFolding.otherSeparator), "\(scalar)")
                continue
            }
            let expected = Self.ligaturesAndStrokes[scalar]
                ?? String(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!).lowercased()
            let bytes = Array(expected.utf8)
            #expect(KeywordFolding.fold(value) == .letters(bytes[0], second: bytes.count > 1 ? bytes[1] : 0),
                    "U+\(String(value, radix: 16, uppercase: true)) \(scalar)")
        }
    }

    @Test func whiteSpaceFoldsToSpaceAndPunctuationSeparates() {
        for value: UInt32 in [0x09, 0x0A, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2003, 0x2028, 0x202F, 0x3000] {
            #expect(KeywordFolding.fold(value) == .space, "U+\(String(value, radix: 16))")
        }
        #expect(KeywordFolding.fold(0x2019) == .separator(UInt8(ascii: "'")))
        #expect(KeywordFolding.fold(0x201C) == .separator(UInt8(ascii: "\"")))
        #expect(KeywordFolding.fold(0x2013) == .separator(UInt8(ascii: "-")))
        #expect(KeywordFolding.fold(0x2014) == .separator(UInt8(ascii: "-")))
        #expect(KeywordFolding.fold(0x2026) == .separator(UInt8(ascii: ".")))
        #expect(KeywordFolding.fold(0xAB) == .separator(UInt8(ascii: "\"")))
    }

    @Test func marksAndInvisibleJoinersFoldAway() {
        for value: UInt32 in [0x300, 0x308, 0x36F, 0xAD, 0x200C, 0x200D, 0x2060, 0xFEFF] {
            #expect(KeywordFolding.fold(value) == .ignored, "U+\(String(value, radix: 16))")
        }
    }

    @Test func otherScalarsAreKeptAsWordCharacters() {
        for scalar: Unicode.Scalar in ["α", "ж", "ș", "中", "😀", "€", "µ", "²"] {
            #expect(KeywordFolding.fold(scalar.value) == .kept, "\(scalar)")
        }
    }

    @Test func symbolsOfATextCollapseSpaceAndTrim() {
        #expect(KeywordFolding.symbols(of: "  Eerste \n\t Lijn\u{A0} ") == Array("eerste lijn".utf8))
    }
}
