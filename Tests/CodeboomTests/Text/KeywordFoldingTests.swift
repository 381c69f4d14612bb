import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

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
        for scalar: Unicode.Scalar in ["α", "ж", "中", "😀", "€", "²", "≠", "ª"] {
            #expect(KeywordFolding.fold(scalar.value) == .kept, "\(scalar)")
        }
    }

    @Test func theLatinTableHasOneEntryPerScalar() {
        #expect(KeywordFolding.latinLetters.count == 0x180 - 0xC0)
    }

    /// The symbols of a string, as a string again.
    private func folded(_ text: String) -> String {
        String(decoding: KeywordFolding.symbols(of: text), as: UTF8.self)
    }

    @Test(arguments: [
        // Greek: case, tonos and dialytika, final sigma, iota subscript.
        ("ΑΘΗΝΑ", "αθηνα"), ("Αθήνα", "αθηνα"), ("ΟΔΥΣΣΕΥΣ", "οδυσσευσ"), ("οδυσσευς", "οδυσσευσ"),
        ("ΐ", "ι"), ("ᾀ", "αι"), ("ᾼ", "αι"),
        // Cyrillic: case, and й, ё as и, е (the breve and diaeresis are diacritics).
        ("МОСКВА", "москва"), ("Йогурт", "иогурт"), ("ЁЖ", "еж"), ("Її", "іі"),
        // Turkish by the default folding: I and i are one letter; the dot of İ and its absence in ı
        // are diacritics, so all four fold to i.
        ("İSTANBUL", "istanbul"), ("ıstakoz", "istakoz"), ("KADIN", "kadin"), ("kadın", "kadin"), ("Şişli", "sisli"),
        // Full case folding: sharp s, capital sharp s, ligatures.
        ("STRASSE", "strasse"), ("Straße", "strasse"), ("STRAẞE", "strasse"), ("ﬁx", "fix"),
        // Other Latin blocks lose diacritics too, and a Latin result folds once more.
        ("Việt Nam", "viet nam"), ("Ǿ", "o"), ("ǽ", "ae"), ("Ș", "s"),
        // Other cased scripts, and the micro sign as Greek mu.
        ("ԱՐԱՄ", "արամ"), ("𐐀", "𐐨"), ("µg", "μg"), ("ＡＢＣ", "ａｂｃ"),
        // Punctuation of other scripts separates words; letters without case stay.
        ("مرحبا، سلام", "مرحبا\u{1} سلام"), ("中文。", "中文\u{1}"),
    ])
    func everyScriptFoldsCaseAndDiacritics(text: String, expected: String) {
        #expect(folded(text) == expected)
    }

    @Test func combiningMarksOfEveryDiacriticBlockFoldAway() {
        for value: UInt32 in [0x1AB0, 0x1DC0, 0x20D0, 0xFE20] {
            #expect(KeywordFolding.fold(value) == .ignored, "U+\(String(value, radix: 16))")
        }
        #expect(folded("e\u{1DC4}en") == "een")
    }

    @Test func everyGeneratedFoldingIsRead() {
        // Each entry of the generated table changes its scalar; a skipped line would keep it.
        var entries = 0
        for item in KeywordFolding.unicodeFoldings.split(whereSeparator: \.isWhitespace) {
            let value = UInt32(item.split(separator: ":")[0], radix: 16)!
            #expect(KeywordFolding.fold(value) != .kept, "U+\(String(value, radix: 16))")
            entries += 1
        }
        #expect(entries > 1_600)
        for item in KeywordFolding.unicodePunctuation.split(whereSeparator: \.isWhitespace) {
            let value = UInt32(item.split(separator: "-")[0], radix: 16)!
            #expect(KeywordFolding.fold(value) == .separator(KeywordFolding.otherSeparator))
        }
    }

    @Test func uppercaseAndLowercaseFoldAlikeInEveryScript() throws {
        // Checked against the Swift standard library's own case mappings, over every scalar of
        // the Unicode version the table was made from: a letter, its lowercase and its
        // uppercase fold to the same symbols.
        let version = KeywordFolding.unicodeVersion.split(separator: ".").compactMap { Int($0) }
        let tableVersion = (major: try #require(version.first), minor: version.count > 1 ? version[1] : 0)
        var checked = 0
        for value in UInt32(0x80)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped,
                  let age = scalar.properties.age, (age.major, age.minor) <= tableVersion,
                  // ŉ is n by the hand-made Latin table; its uppercase ʼN keeps the apostrophe letter.
                  // The iota subscript is a combining mark (ignored); its uppercase is a letter.
                  value != 0x149, value != 0x345 else { continue }
            let properties = scalar.properties
            // A letter whose other case came later (ƛ got its capital in Unicode 16) is left out.
            let mapped = (properties.lowercaseMapping + properties.uppercaseMapping).unicodeScalars
            guard mapped.allSatisfy({ $0.properties.age.map { ($0.major, $0.minor) <= tableVersion } ?? false }) else { continue }
            let own = folded(String(scalar))
            #expect(folded(properties.lowercaseMapping) == own, "U+\(String(value, radix: 16)) lower")
            #expect(folded(properties.uppercaseMapping) == own, "U+\(String(value, radix: 16)) upper")
            checked += 1
        }
        #expect(checked > 2_500)
    }

    @Test func symbolsOfATextCollapseSpaceAndTrim() {
        #expect(KeywordFolding.symbols(of: "  Eerste \n\t Lijn\u{A0} ") == Array("eerste lijn".utf8))
    }
}
