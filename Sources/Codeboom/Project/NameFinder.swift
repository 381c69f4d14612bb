/// Finds the names of a pseudonym table in a text in one pass, however many names there are: a thin
/// layer over `KeywordMatcher` that turns its overlapping hits into the stretches a replacement covers.
///
/// A name is a whole word or a phrase of whole words (case and diacritics ignored, any white space
/// between its words, line breaks included), or the same followed by a genitive `s` (`Jokes moeder`).
/// Where found names overlap, the leftmost, longest one decides the pseudonym and the stretch grows to
/// cover every overlapping name, so no part of any listed name is left standing: with `Jan` and
/// `Jan Willem` listed, `Jan Willem` is one name; with `Jan Willem` and `Willem de Vries`, the text
/// `Jan Willem de Vries` is one stretch with the pseudonym of `Jan Willem`.
struct NameFinder: Sendable {
    /// One stretch of a text to replace, in Unicode scalar offsets of that text.
    struct Stretch: Sendable, Equatable {
        /// The name (in the table's entry order) whose pseudonym replaces the stretch.
        var entry: Int
        var start: Int
        /// Just past the stretch, trailing combining marks included.
        var end: Int
        /// Whether the stretch ends in a genitive `s` that follows a name; it is kept after the pseudonym.
        var genitive: Bool
    }

    private let matcher: KeywordMatcher
    /// Why the names could not be made into one matcher; a table with it refuses to be used,
    /// since a finder that finds nothing would print every name in the clear.
    let limitError: KeywordRuleError?
    /// Per matcher term: the entry it finds, and whether it is that name's genitive form.
    private let termEntries: [(entry: Int, genitive: Bool)]

    /// A matcher for `names` (one per entry; nil entries are never found).
    init(names: [KeywordTerm?]) {
        var terms: [KeywordTerm] = []
        var termEntries: [(entry: Int, genitive: Bool)] = []
        for (entry, term) in names.enumerated() {
            guard let term else { continue }
            terms.append(term)
            termEntries.append((entry, false))
            terms.append(KeywordTerm(source: term.source + "s", folded: term.folded + "s", form: term.form, column: term.column))
            termEntries.append((entry, true))
        }
        matcher = KeywordMatcher(terms: terms)
        limitError = matcher.limitError
        self.termEntries = termEntries
    }

    /// The matching form of a name: a whole word or a phrase, or nil when it has no letter or digit,
    /// or holds a character the term syntax reserves (`*`, quotes).
    ///
    /// Punctuation at either end is left out (`'t Hart` is found as `t Hart`, after the apostrophe);
    /// hyphens, dashes and apostrophes inside are spaces (`Jan-Willem` is the phrase `Jan Willem`).
    static func term(for name: String) -> KeywordTerm? {
        let reserved: Set<Character> = ["*", "\"", "\u{201C}", "\u{201D}", "\u{201E}"]
        guard !name.contains(where: { reserved.contains($0) }) else { return nil }
        let isWordCharacter = { (character: Character) in character.isLetter || character.isNumber }
        let form = matchingForm(ofName: name)
        guard let first = form.firstIndex(where: isWordCharacter), let last = form.lastIndex(where: isWordCharacter) else { return nil }
        // Runs of spaces become one, as the term syntax wants.
        let core = form[first...last].split(separator: " ").joined(separator: " ")
        guard let terms = try? KeywordTermParser.parse("\"" + core + "\""), terms.count == 1,
              terms[0].form == .word || terms[0].form == .phrase else { return nil }
        return terms[0]
    }

    /// The stretches to replace in `text`, in reading order, never overlapping.
    ///
    /// - Complexity: O(*n* + *k* log *k*) for *n* UTF-8 bytes and *k* hits: one pass of the automaton
    ///   whatever the number of names.
    func stretches(in text: String) -> [Stretch] {
        let (hits, hasMarks) = Self.withMatchingForm(of: text) { (matcher.matches(inUTF8: $0), $1) }
        guard !hits.isEmpty else { return [] }
        // Leftmost first; at one start the longest, and the name itself before a genitive of the same length.
        let ordered = hits.map { (hit: $0, genitive: termEntries[$0.termIndex].genitive) }.sorted {
            ($0.hit.start, -$0.hit.end, $0.genitive ? 1 : 0, $0.hit.termIndex) < ($1.hit.start, -$1.hit.end, $1.genitive ? 1 : 0, $1.hit.termIndex)
        }
        var stretches: [Stretch] = []
        for (hit, genitive) in ordered {
            if let last = stretches.last, hit.start < last.end {
                if hit.end > last.end {
                    stretches[stretches.count - 1].end = hit.end
                    stretches[stretches.count - 1].genitive = genitive
                }
                continue
            }
            stretches.append(Stretch(entry: termEntries[hit.termIndex].entry, start: hit.start, end: hit.end, genitive: genitive))
        }
        return hasMarks ? Self.includingTrailingMarks(stretches, in: text) : stretches
    }

    /// Stretches grown over combining marks and invisible joiners right after them, which matching
    /// ignores but which belong to the name's last letter (`Zoe\u{308}`).
    private static func includingTrailingMarks(_ stretches: [Stretch], in text: String) -> [Stretch] {
        var result = stretches
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        for position in result.indices {
            let end = result[position].end
            index = scalars.index(index, offsetBy: end - offset)
            offset = end
            let limit = position + 1 < result.count ? result[position + 1].start : Int.max
            while index < scalars.endIndex, offset < limit, isInvisibleToMatching(scalars[index]) {
                index = scalars.index(after: index)
                offset += 1
            }
            result[position].end = offset
        }
        return result
    }

    /// Calls `body` with the UTF-8 of `text` as names are looked for in it, one scalar for each scalar
    /// of `text` so that offsets stay those of `text`:
    /// - hyphens, dashes and apostrophes become spaces, as they do in the names: `Jan Willem` also
    ///   finds `Jan-Willem`, and `O'Brien` finds `O’Brien` and `O Brien`;
    /// - every other scalar that is no letter, digit, mark or white space becomes a space too: keyword
    ///   terms count symbols such as emoji as word characters, which would let `Joke😀` or `Joke™`
    ///   through unreplaced;
    /// - marks outside the combining diacritics block, and invisible format characters (a zero-width
    ///   space, direction controls, also as the `\u{202E}` outputs show them in), become U+0301, which
    ///   folding ignores: `Joke` with any combining mark, or `Jo\u{200B}ke`, is still the word `Joke`.
    ///
    /// - Complexity: O(*n*); bytes below U+0080 other than `-`, `'` and `\` are skipped eight at a time.
    /// `body` also learns whether the text holds any combining mark (or joiner), so that the work of
    /// growing stretches over marks is only done where there are some.
    static func withMatchingForm<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Result) -> Result {
        var text = text
        return text.withUTF8 { utf8 -> Result in
            guard let base = utf8.baseAddress else { return body(utf8, false) }
            var hasMarks = false
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            let count = utf8.count
            @inline(__always) func replace(_ length: Int, with substitute: String) {
                if output.isEmpty { output.reserveCapacity(count) }
                output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: index - copied))
                output.append(contentsOf: substitute.utf8)
                copied = min(count, index + length)
            }
            while index < count {
                if index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 && !hasByte(word, 0x27) && !hasByte(word, 0x2D) && !hasByte(word, 0x5C) {
                        index += 8
                        continue
                    }
                }
                let lead = base[index]
                if lead < 0x80 {
                    if lead == 0x27 || lead == 0x2D {
                        replace(1, with: " ")
                    } else if lead == 0x5C, let length = escapedFormatCharacter(base + index, count: count - index) {
                        // An invisible character a report shows as `\u{202E}` is as invisible as itself.
                        replace(length, with: String(repeating: "\u{301}", count: length))
                        hasMarks = true
                        index += length
                        continue
                    }
                    index += 1
                    continue
                }
                let length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2)
                var value = UInt32(lead) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
                for offset in 1..<length where index + offset < count { value = value << 6 | UInt32(base[index + offset] & 0x3F) }
                if let scalar = Unicode.Scalar(value) {
                    if let substitute = substitute(for: scalar) {
                        if substitute == "\u{301}" { hasMarks = true }
                        replace(length, with: substitute)
                    } else if isInvisibleToMatching(scalar) {
                        hasMarks = true
                    }
                }
                index += length
            }
            guard copied > 0 else { return body(utf8, hasMarks) }
            output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: count - copied))
            return output.withUnsafeBufferPointer { body($0, hasMarks) }
        }
    }

    /// The length of a `\u{HEX}` at `bytes` (the notation outputs show invisible characters in) when
    /// it names a format character such as a direction control, else nil.
    private static func escapedFormatCharacter(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int? {
        guard count >= 5, bytes[1] == UInt8(ascii: "u"), bytes[2] == UInt8(ascii: "{") else { return nil }
        var value: UInt32 = 0
        var index = 3
        while index < min(count, 10), let digit = hexDigit(bytes[index]) {
            value = value << 4 | digit
            index += 1
        }
        guard index > 3, index < count, bytes[index] == UInt8(ascii: "}"), let scalar = Unicode.Scalar(value),
              scalar.properties.generalCategory == .format else { return nil }
        return index + 1
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        default: return nil
        }
    }

    /// Whether any byte of `word` is `byte`.
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let spread = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (spread &- 0x0101_0101_0101_0101) & ~spread & 0x8080_8080_8080_8080 != 0
    }

    /// What a scalar at or above U+0080 is looked at as, when not as itself.
    static func substitute(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        // Latin letters, by far the most common: no table lookup.
        case 0xC0..<0x250 where scalar.value != 0xD7 && scalar.value != 0xF7: return nil
        // Dashes and apostrophes separate a name's words like a space.
        case 0x2010...0x2015, 0x2018, 0x2019, 0x201B, 0x2032, 0x2035: return " "
        // Spacing modifier letters: `ʼ` (U+02BC) is written as an apostrophe (`Jokeʼs`).
        case 0x2B0..<0x300: return " "
        // Combining diacritics, joiners and the soft hyphen fold to nothing already; the others
        // below are white space or punctuation that folding already treats as separators.
        case 0x300..<0x370, 0xAD, 0x200C, 0x200D, 0x2060, 0xFEFF: return nil
        // Other invisible format characters (zero-width space, direction marks and controls): a name
        // with one inside looks whole when read, so it is whole when looked for.
        case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2061...0x2064, 0x2066...0x206F: return "\u{301}"
        case 0x80..<0xC0, 0xD7, 0xF7, 0x1680, 0x2000...0x206F, 0x3000...0x3003: return nil
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return nil
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            return "\u{301}"
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return nil
        default:
            return " "
        }
    }

    /// A name as looked for: hyphens, dashes and apostrophes are spaces, as in `withMatchingForm`.
    static func matchingForm(ofName name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { scalar -> Unicode.Scalar in
            if scalar == "-" || scalar == "'" { return " " }
            if scalar.value >= 0x80, substitute(for: scalar) == " " { return " " }
            return scalar
        }))
    }

    /// Marks and joiners that folding drops, so they never split or end a word.
    static func isInvisibleToMatching(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300: return scalar.value == 0xAD
        case 0x300..<0x370, 0x200C, 0x200D, 0x2060, 0xFEFF: return true
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
            default: return false
            }
        }
    }
}
