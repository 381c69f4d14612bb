/// HTML character references in subtitle text (`&amp;`, `&nbsp;`, `&#233;`, `&#x2019;`), consumed as
/// the HTML tokenizer's "consume a character reference" does, which the WebVTT cue text rules use.
///
/// Named references cover HTML 4's set (Latin-1, the special characters and the common punctuation and
/// symbols) — what subtitle and transcript tools write; other HTML 5 names stay text, as an unknown name does.
enum CharacterReference {
    /// The characters the reference after an `&` at `start` stands for, and where the text after it
    /// begins; nil when there is no reference there, so the `&` is text.
    ///
    /// `additionallyAllowed` is the character that ends a reference without one (`>` in a tag's annotation).
    static func consume(_ scalars: [Unicode.Scalar], at start: Int, additionallyAllowed: Unicode.Scalar? = nil) -> (String, Int)? {
        guard start < scalars.count else { return nil }
        let first = scalars[start]
        if first == "\t" || first == "\n" || first == "\u{0C}" || first == " " || first == "<" || first == "&" || first == additionallyAllowed {
            return nil
        }
        if first == "#" { return numeric(scalars, at: start + 1) }
        return named(scalars, at: start)
    }

    /// `#1234;` or `#x4D2;` (the `#` already read); the semicolon may be missing, as HTML allows.
    private static func numeric(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start
        var radix: UInt32 = 10
        if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
            radix = 16
            index += 1
        }
        let digitsStart = index
        var value: UInt32 = 0
        while index < scalars.count, let digit = digitValue(scalars[index], radix: radix) {
            // Saturate instead of overflowing; anything above U+10FFFF becomes U+FFFD anyway.
            value = value > 0x10FFFF ? value : value * radix + digit
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < scalars.count, scalars[index] == ";" { index += 1 }
        return (String(Character(scalar(forNumber: value))), index)
    }

    /// The scalar a numeric reference stands for, with HTML's replacements: U+0000, surrogates and values
    /// beyond Unicode become U+FFFD, and 0x80–0x9F are read as the Windows-1252 characters authors meant.
    static func scalar(forNumber value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value), let mapped = windows1252[value] { return mapped }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    /// The longest name from the table that the text starts with: `name;`, or a legacy name without
    /// its semicolon (`&amp`, `&eacute`), as HTML reads them outside attributes.
    private static func named(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var end = start
        while end < scalars.count, end - start < longestName, isASCIIAlphanumeric(scalars[end]) {
            end += 1
        }
        guard end > start else { return nil }
        let name = String(String.UnicodeScalarView(scalars[start..<end]))
        if end < scalars.count, scalars[end] == ";", let value = withSemicolon[name] { return (value, end + 1) }
        var prefix = Substring(name)
        while !prefix.isEmpty {
            if let value = withoutSemicolon[prefix] {
                return (value, start + prefix.unicodeScalars.count)
            }
            prefix = prefix.dropLast()
        }
        return nil
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f" where radix == 16: scalar.value - 0x61 + 10
        case "A"..."F" where radix == 16: scalar.value - 0x41 + 10
        default: nil
        }
    }

    /// HTML 4's Latin-1 names, for U+00A0 to U+00FF in order; HTML reads them with or without a semicolon.
    private static let latin1Names = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
        "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
        "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
        "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
        "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ]

    /// Names HTML also reads without a semicolon: the Latin-1 set and a few capitalised twins.
    private static let withoutSemicolon: [Substring: String] = {
        var table: [Substring: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "AMP": "&", "LT": "<", "GT": ">", "QUOT": "\"", "COPY": "©", "REG": "®",
        ]
        for (offset, name) in latin1Names.enumerated() {
            table[Substring(name)] = String(Character(Unicode.Scalar(UInt8(truncatingIfNeeded: 0xA0 + offset))))
        }
        return table
    }()

    /// Every name read with its semicolon.
    private static let withSemicolon: [String: String] = {
        var table: [String: String] = [
            "apos": "'", "OElig": "\u{0152}", "oelig": "\u{0153}", "Scaron": "\u{0160}", "scaron": "\u{0161}", "Yuml": "\u{0178}",
            "fnof": "\u{0192}", "circ": "\u{02C6}", "tilde": "\u{02DC}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
            "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}", "ndash": "\u{2013}", "mdash": "\u{2014}",
            "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bdquo": "\u{201E}",
            "dagger": "\u{2020}", "Dagger": "\u{2021}", "bull": "\u{2022}", "hellip": "\u{2026}", "permil": "\u{2030}", "prime": "\u{2032}",
            "Prime": "\u{2033}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "oline": "\u{203E}", "euro": "\u{20AC}", "trade": "\u{2122}",
            "larr": "\u{2190}", "uarr": "\u{2191}", "rarr": "\u{2192}", "darr": "\u{2193}", "harr": "\u{2194}", "minus": "\u{2212}",
        ]
        for (name, value) in withoutSemicolon { table[String(name)] = value }
        return table
    }()

    private static let longestName = 8

    /// What HTML makes of numeric references to 0x80–0x9F (the five bytes Windows-1252 leaves undefined stay as they are).
    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}", 0x87: "\u{2021}",
        0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}", 0x8E: "\u{017D}", 0x91: "\u{2018}",
        0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}",
        0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}", 0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]
}
