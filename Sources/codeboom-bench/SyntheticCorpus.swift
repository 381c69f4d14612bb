import Foundation

/// Writes a synthetic study: N interview transcripts of about `kilobytes` KB of Dutch-like words with
/// speaker turns and inline tags, and a codebook with `codeCount` codes of `termsPerCode` keyword rules.
struct SyntheticCorpus {
    let root: URL
    let documentCount: Int
    let kilobytes: Int
    let codeCount: Int
    let termsPerCode: Int

    static let words = """
    de het een en van ik je dat die niet is op te in wel ja nou maar ook zo dan als met voor naar heel gewoon eigenlijk
    vrijwilliger professional cliënt coördinator samenwerking afspraak gesprek huisbezoek wijkteam maatje administratie
    brief formulier schulden buurthuis overleg telefoon appje week maand moeder vader kinderen school werk geld huur
    vertrouwen contact aandacht waardering grens rol taak informatie privacy scholing training cursus groep inloop
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// The keyword terms of the codebook, one list per code; also written to a file for ripgrep.
    var terms: [[String]] {
        (0..<codeCount).map { code in (0..<termsPerCode).map { "term\(code)x\($0)" } }
    }

    func write() throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: root)
        try fileManager.createDirectory(at: root.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: root.appendingPathComponent("Codebooks"), withIntermediateDirectories: true)
        var codebook = "# Synthetische studie\n\n## Thema's {#themas}\ndeelvraag: 1\n\n"
        for (index, list) in terms.enumerated() {
            codebook += "### Code \(index) {#code-\(index)}\ntrefwoorden: \(list.joined(separator: ", "))\n\n"
        }
        try codebook.write(to: root.appendingPathComponent("Codebooks/synthetisch.md"), atomically: true, encoding: .utf8)
        try terms.flatMap { $0 }.joined(separator: "\n").appending("\n")
            .write(to: root.appendingPathComponent("terms.txt"), atomically: true, encoding: .utf8)
        let allTerms = terms.flatMap { $0 }
        DispatchQueue.concurrentPerform(iterations: documentCount) { index in
            var generator = SplitMix64(seed: UInt64(index) &+ 1)
            var text = "---\ntype: interview\nperspectief: p\(index % 4)\nrespondent: R\(index)\n---\n"
            var turn = 0
            while text.utf8.count < kilobytes * 1024 {
                turn += 1
                text += turn % 2 == 1 ? "I: " : "R: "
                let length = 20 + Int(generator.next() % 60)
                for position in 0..<length {
                    if position > 0 { text += " " }
                    if generator.next() % 40 == 0 {
                        text += allTerms[Int(generator.next() % UInt64(allTerms.count))]
                    } else {
                        text += Self.words[Int(generator.next() % UInt64(Self.words.count))]
                    }
                }
                if turn % 2 == 0 && generator.next() % 3 == 0 { text += " #code-\(generator.next() % UInt64(codeCount))" }
                text += ".\n\n"
            }
            try? text.write(to: root.appendingPathComponent("Corpus/interview-\(index).txt"), atomically: false, encoding: .utf8)
        }
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
