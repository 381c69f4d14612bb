import Foundation

extension String {
    /// Lower case without diacritics, so `Cliënt` and `client` compare equal as researchers expect.
    public var folded: String {
        // ASCII needs only lower-casing; Foundation's folding is slow on Linux and called per respondent.
        if utf8.allSatisfy({ $0 < 0x80 }) { return lowercased() }
        return folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// The id a heading gets without `{#id}`: folded, runs of other characters become `-`.
    public var slug: String {
        var result = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// Runs of white space (line breaks included) become single spaces; ends trimmed. For quotes and cells.
    public var collapsingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
