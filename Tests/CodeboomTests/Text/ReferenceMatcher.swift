import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// An obviously-correct, slow matcher over a small alphabet: fold the text scalar by scalar with
/// a hand-written table, then try every term at every position.
struct ReferenceMatcher {
    enum Fold { case symbols(String), space, ignored }

    /// What each scalar of the generated texts folds to, written out by hand.
    static let folds: [Unicode.Scalar: Fold] = [
        "a": .symbols("a"), "A": .symbols("a"), "b": .symbols("b"), "B": .symbols("b"),
        "e": .symbols("e"), "E": .symbols("e"), "é": .symbols("e"), "ë": .symbols("e"),
        "É": .symbols("e"), "Ë": .symbols("e"), "s": .symbols("s"), "S": .symbols("s"),
        "n": .symbols("n"), "N": .symbols("n"), "ß": .symbols("ss"), "æ": .symbols("ae"), "Æ": .symbols("ae"),
        "ĳ": .symbols("ij"), "Ĳ": .symbols("ij"), "i": .symbols("i"), "I": .symbols("i"), "j": .symbols("j"),
        "J": .symbols("j"), "ø": .symbols("o"), "Ø": .symbols("o"), "o": .symbols("o"), "O": .symbols("o"),
        "1": .symbols("1"), "x": .symbols("x"),
        // Other scripts fold case and diacritics too (Greek final sigma is sigma, Turkish İ and ı
        // are i); emoji are kept as they are.
        "α": .symbols("α"), "Α": .symbols("α"), "ά": .symbols("α"), "Ά": .symbols("α"),
        "σ": .symbols("σ"), "ς": .symbols("σ"), "Σ": .symbols("σ"),
        "ж": .symbols("ж"), "Ж": .symbols("ж"), "и": .symbols("и"), "й": .symbols("и"), "Й": .symbols("и"),
        "İ": .symbols("i"), "ı": .symbols("i"), "😀": .symbols("😀"),
        "\u{308}": .ignored, "\u{AD}": .ignored,
        " ": .space, "\n": .space, "\t": .space, "\r": .space, "\u{A0}": .space,
        ",": .symbols(","), ".": .symbols("."), "'": .symbols("'"), "’": .symbols("'"),
        "-": .symbols("-"), "–": .symbols("-"), "“": .symbols("\""),
    ]

    static let textPieces = folds.keys.sorted().map { String($0) } + [" ", " ", " ", "  ", "a", "e", "s", "n", "\r\n"]
    static let wordPieces = ["a", "b", "e", "s", "n", "ë", "É", "ß", "æ", "ĳ", "ø", "α", "Ά", "ς", "σ", "Ж", "й", "İ", "ı",
                             "😀", "1", "as", "es", "ae", "ss", "ij"]

    /// Random pieces, a third of them words taken from `rules` (sometimes uppercased) so terms
    /// occur often, also next to each other and inside longer words.
    static func randomText(pieces: Int, borrowingFrom rules: [String], using random: inout SplitMix64) -> String {
        let words = rules.flatMap { $0.filter { $0 != "*" && $0 != "\"" }.split(separator: " ").map(String.init) }
        return (0..<pieces).map { _ in
            guard Int.random(in: 0..<3, using: &random) == 0 else { return textPieces.randomElement(using: &random)! }
            let word = words.randomElement(using: &random)!
            return Bool.random(using: &random) ? word.uppercased() : word
        }.joined()
    }

    static func randomWord(using random: inout SplitMix64) -> String {
        var word = (0..<Int.random(in: 1...3, using: &random)).map { _ in wordPieces.randomElement(using: &random)! }.joined()
        if Int.random(in: 0..<8, using: &random) == 0 {
            word += ["-", "'"].randomElement(using: &random)! + wordPieces.randomElement(using: &random)!
        }
        return word
    }

    static func randomRule(using random: inout SplitMix64) -> String {
        let word = randomWord(using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return word
        case 1: return word + "*"
        case 2: return "*" + word
        case 3: return "*" + word + "*"
        case 4: return "\"\(word) \(randomWord(using: &random))\""
        default: return "\"\(word) \(randomWord(using: &random))*\""
        }
    }

    /// The folded form of a generated rule, by the hand-written table.
    static func foldedRule(_ rule: String) -> String {
        let bare = rule.filter { $0 != "*" && $0 != "\"" }
        return String(String.UnicodeScalarView(bare.unicodeScalars)).unicodeScalars.map { scalar -> String in
            switch folds[scalar] {
            case .symbols(let symbols): return symbols
            case .space: return " "
            case .ignored, nil: return ""
            }
        }.joined()
    }

    static func isWord(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
    }

    let terms: [KeywordTerm]

    func matches(in text: String) -> [KeywordMatch] {
        // Folded bytes, each with the scalar range it came from.
        var symbols: [(byte: UInt8, start: Int, end: Int)] = []
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard let fold = Self.folds[scalar] else {
                Issue.record("the reference has no fold for U+\(String(scalar.value, radix: 16))")
                continue
            }
            switch fold {
            case .ignored:
                if !symbols.isEmpty { symbols[symbols.count - 1].end = offset + 1 }
            case .space:
                if symbols.last?.byte != 0x20 { symbols.append((0x20, offset, offset + 1)) }
            case .symbols(let folded):
                for byte in folded.utf8 { symbols.append((byte, offset, offset + 1)) }
            }
        }
        var found = Set<KeywordMatch>()
        for (termIndex, term) in terms.enumerated() {
            let pattern = Array(term.folded.utf8)
            guard !pattern.isEmpty, pattern.count <= symbols.count else { continue }
            for start in 0...(symbols.count - pattern.count)
            where (0..<pattern.count).allSatisfy({ symbols[start + $0].byte == pattern[$0] }) {
                let end = start + pattern.count
                if term.needsBoundaryBefore, start > 0, Self.isWord(symbols[start - 1].byte) { continue }
                if term.needsBoundaryAfter, end < symbols.count, Self.isWord(symbols[end].byte) { continue }
                var first = start
                if !term.needsBoundaryBefore { while first > 0, Self.isWord(symbols[first - 1].byte) { first -= 1 } }
                var last = end
                if !term.needsBoundaryAfter { while last < symbols.count, Self.isWord(symbols[last].byte) { last += 1 } }
                found.insert(KeywordMatch(termIndex: termIndex, start: symbols[first].start, end: symbols[last - 1].end))
            }
        }
        return found.sorted()
    }
}
