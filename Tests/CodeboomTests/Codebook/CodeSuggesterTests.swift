import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct CodeSuggesterTests {
    /// The full Levenshtein table, the textbook way: the reference the bounded trie search must agree with.
    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
        }
        return table[a.count][b.count]
    }

    /// What the suggestion should be, by comparing with every code: the closest id or label slug within
    /// the limit, the earliest code on a tie.
    static func expected(_ id: String, in codebook: Codebook) -> String? {
        let wanted = Array(id.folded.unicodeScalars)
        let limit = min(2, wanted.count / 2)
        var best: (distance: Int, id: String)? = nil
        for code in codebook.codes {
            let distance = [code.id.folded, code.label.slug].filter { !$0.isEmpty }
                .map { levenshtein(wanted, Array($0.unicodeScalars)) }.min()!
            if distance <= limit, best == nil || distance < best!.distance { best = (distance, code.id) }
        }
        return best?.id
    }

    @Test("suggestions agree with comparing every code in full, on seeded random codebooks and typos")
    func agreesWithFullComparison() {
        var generator = SplitMix64(seed: 11)
        let alphabet = Array("aabcdeeiklmnorst-ë")
        func word(_ length: Int) -> String { String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }) }
        for _ in 0..<30 {
            var source = "# T\n"
            var ids: [String] = []
            for number in 0..<40 {
                let id = word(Int.random(in: 2...9, using: &generator)) + "\(number % 3 == 0 ? "" : "x")"
                ids.append(id)
                source += "## \(word(Int.random(in: 1...8, using: &generator))) \(word(3)) {#\(id)}\n"
            }
            let codebook = CodebookParser.parse(source, file: "c.md").codebook
            let suggester = CodeSuggester(codebook: codebook)
            for _ in 0..<60 {
                // Typos of real ids (some edits), and unrelated words.
                var typo = Array((ids.randomElement(using: &generator)!))
                for _ in 0..<Int.random(in: 0...3, using: &generator) {
                    let position = Int.random(in: 0...typo.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0 where position < typo.count: typo.remove(at: position)
                    case 1 where position < typo.count: typo[position] = alphabet.randomElement(using: &generator)!
                    default: typo.insert(alphabet.randomElement(using: &generator)!, at: position)
                    }
                }
                for candidate in [String(typo), word(Int.random(in: 1...10, using: &generator))] where !candidate.isEmpty {
                    #expect(suggester.suggestion(for: candidate) == Self.expected(candidate, in: codebook), "\(candidate)")
                }
            }
        }
    }

    @Test("short words are held to a smaller distance; case and diacritics are ignored",
          arguments: [("alfa", "alpha"), ("Alpha", "alpha"), ("ALPHÁ", "alpha"), ("ab", nil), ("x", nil), ("bta", "beta"), ("metoo", nil)] as [(String, String?)])
    func limits(id: String, suggestion: String?) {
        let codebook = CodebookParser.parse("# T\n## Alpha {#alpha}\n## Beta {#beta}\n## C {#c}\n", file: "c.md").codebook
        #expect(CodeSuggester(codebook: codebook).suggestion(for: id) == suggestion)
    }

    @Test("a label's slug is a form of its code: a typo of the label suggests the code's id")
    func labels() {
        let codebook = CodebookParser.parse("# T\n## Een juiste match {#match}\n", file: "c.md").codebook
        #expect(CodeSuggester(codebook: codebook).suggestion(for: "een-juiste-mach") == "match")
    }

    @Test("distinct unknown ids against 50,000 numbered codes, each looked up once", .timeLimit(.minutes(1)))
    func largeCodebook() {
        // Numbered ids that differ in a digit are the hardest case for the search: many are within reach.
        // The benchmark (Benchmarks/stress.sh) asks 10,000 such typos in a release build.
        var source = "# Groot\n"
        for number in 0..<50_000 { source += "## Categorie \(number)\n" }
        let suggester = CodeSuggester(codebook: CodebookParser.parse(source, file: "c.md").codebook)
        for number in 0..<500 {
            #expect(suggester.suggestion(for: "categorie-\(number * 97)x") == "categorie-\(number * 97)")
            #expect(suggester.suggestion(for: "hashtag\(number)") == nil)
        }
    }

    @Test("a very long unknown id is ruled out without a table of its length per code", .timeLimit(.minutes(1)))
    func longID() {
        let codebook = CodebookParser.parse("# T\n## Alpha {#alpha}\n## Aaaa {#aaaa}\n", file: "c.md").codebook
        #expect(CodeSuggester(codebook: codebook).suggestion(for: String(repeating: "a", count: 1_000_000)) == nil)
    }
}
