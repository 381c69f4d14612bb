/// The one line a results table prints for a theme, as the studies print it: the code's
/// `samenvatting:` when the codebook gives one, else the first sentence of its description that is
/// not a coding instruction, at most ``maximumWords`` words (cut at a word, with "…"). The full
/// description stays in the codebook.
enum ThemeSummary {
    static let maximumWords = 25

    /// Sentences that tell the coder what to do ("Codeer hier als …") rather than what the theme is.
    static let instructionOpenings = ["codeer ", "gebruik deze", "gebruik dit", "niet gebruiken", "niet coderen", "let op"]

    static func line(for code: Code) -> String {
        if let summary = code.summary?.collapsingWhitespace, !summary.isEmpty { return summary }
        let sentences = sentences(in: code.description.collapsingWhitespace)
        let first = sentences.first { sentence in
            let lower = sentence.lowercased()
            return !instructionOpenings.contains { lower.hasPrefix($0) } && !lower.hasPrefix("**niet")
        } ?? ""
        return shortened(first)
    }

    /// Sentences end at `.`, `?` or `!` followed by a space and a capital letter, a digit or an
    /// opening quotation mark (so "bijv. een" and "10.1" do not end one), or by the end of the text.
    static func sentences(in text: String) -> [String] {
        var sentences: [String] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let after = text.index(after: index)
            if character == "." || character == "?" || character == "!", after < text.endIndex, text[after] == " " {
                let next = text.index(after: after)
                if next < text.endIndex, text[next].isUppercase || text[next].isNumber || "“„‘\"(*".contains(text[next]) {
                    sentences.append(String(text[start..<after]))
                    start = next
                }
            }
            index = after
        }
        if start < text.endIndex { sentences.append(String(text[start...])) }
        return sentences
    }

    /// At most `maximumWords` words; a longer sentence is cut after a word, without a trailing
    /// comma or colon, and ends in "…".
    static func shortened(_ sentence: String) -> String {
        let words = sentence.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count > maximumWords else { return sentence }
        return words.prefix(maximumWords).joined(separator: " ").trimmingTrailingPunctuation + " …"
    }
}
