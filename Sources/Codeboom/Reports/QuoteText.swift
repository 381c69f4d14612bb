/// What a coder marked in a turn, which a quote shows.
public enum QuoteMark: Sendable, Hashable {
    /// A scalar range in the document's text: a `start,end` sidecar row, a Word or OpenDocument comment.
    case range(Range<Int>)
    /// An inline tag, by the scalar offset of its `#`.
    case tag(Int)
    /// A keyword the auto-coder found, by the scalar offset of its start: a person marked no span,
    /// so the quote is the sentence that holds the keyword.
    case keyword(Int)
    /// The whole turn, without a place in it: a sidecar row by segment number.
    case turn

    /// The mark of a coding as the coding table keeps it; `isAutomatic` for the auto-coder's codings.
    init(_ entry: CodingTable.Entry, isAutomatic: Bool = false) {
        if let range = entry.range {
            self = isAutomatic ? .keyword(range.lowerBound) : .range(range)
        } else if let offset = entry.tagOffset {
            self = .tag(offset)
        } else {
            self = .turn
        }
    }
}

/// The words of a quote, before any cut: what the coder marked, without speaker label or tags,
/// white space collapsed.
///
/// - A range: exactly its words in the turn, widened to whole words.
/// - A tag: the sentence the tag ends or stands in; a tag right after a sentence on its line
///   ends that sentence, a tag at the start of a line belongs to the line's sentence. When that
///   sentence is shorter than ``minimumSentenceLength`` characters, the sentences before it are
///   added until it is not (as long as the whole stays within ``QuoteSelector/maximumLength``).
/// - A keyword of the auto-coder: the sentence that holds it, with those before it when it is short.
/// - The whole turn: its words from the start (the cut keeps the start).
enum QuoteText {
    /// A sentence shorter than this ("Ja, precies.") says too little alone: the one before it comes along.
    static let minimumSentenceLength = 60

    /// The words of `segment` of `document` that `mark` points at.
    /// - Complexity: O(n) in the turn's length.
    static func words(of segment: Segment, in document: Document, mark: QuoteMark) -> String {
        let turn = Turn(segment: segment, document: document)
        let span: Range<Int>
        switch mark {
        case .turn:
            span = 0..<turn.scalars.count
        case .range(let range):
            span = turn.widened(range) ?? 0..<turn.scalars.count
        case .tag(let offset):
            span = turn.sentenceSpan(ofTagAt: offset - segment.contentStart)
        case .keyword(let offset):
            span = turn.sentenceSpan(holding: offset - segment.contentStart)
        }
        return turn.printed(span)
    }

    /// A turn's words as scalars, with where the inline tags are.
    private struct Turn {
        let scalars: [Unicode.Scalar]
        /// Whether each scalar belongs to an inline tag that is a coding.
        let isTag: [Bool]
        let contentStart: Int

        init(segment: Segment, document: Document) {
            scalars = Array(document.words(of: segment).unicodeScalars)
            contentStart = segment.contentStart
            var isTag = [Bool](repeating: false, count: scalars.count)
            let end = contentStart + scalars.count
            for range in document.tagRanges where range.upperBound > contentStart && range.lowerBound < end {
                for offset in max(range.lowerBound, contentStart)..<min(range.upperBound, end) { isTag[offset - contentStart] = true }
                // A tag in brackets of its own, `goed (#klik) en`, takes its brackets along, as `Document.text(of:)` does.
                let before = range.lowerBound - contentStart - 1, after = range.upperBound - contentStart
                if before >= 0, after < scalars.count, scalars[before] == "(", scalars[after] == ")" {
                    isTag[before] = true
                    isTag[after] = true
                }
            }
            self.isTag = isTag
        }

        /// A document range, as offsets in the turn, widened to whole words; nil when it holds no word of the turn.
        func widened(_ range: Range<Int>) -> Range<Int>? {
            var start = max(range.lowerBound - contentStart, 0)
            var end = min(range.upperBound - contentStart, scalars.count)
            guard start < end else { return nil }
            while start > 0, isWord(at: start - 1), isWord(at: start) { start -= 1 }
            while end < scalars.count, isWord(at: end - 1), isWord(at: end) { end += 1 }
            guard (start..<end).contains(where: { isVisible($0) }) else { return nil }
            return start..<end
        }

        /// The sentence a tag (at `tag`, an offset in the turn) ends or stands in, with those before it when it is short.
        func sentenceSpan(ofTagAt tag: Int) -> Range<Int> {
            let sentences = self.sentences()
            guard let holding = sentences.firstIndex(where: { $0.contains(tag) }) ?? sentences.indices.last else { return 0..<scalars.count }
            let hasWords = sentences.map { sentence in sentence.contains { isVisible($0) } }
            let wordsBeforeTag = (sentences[holding].lowerBound..<min(tag, sentences[holding].upperBound)).contains { isVisible($0) }
            var chosen: Int?
            if wordsBeforeTag {
                chosen = holding
            } else {
                // Only white space and tags before it in its sentence: the tag closes the sentence
                // before, unless it starts its line (then it opens the line's sentence).
                var lineStart = min(tag, scalars.count)
                while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
                let textBeforeOnLine = (lineStart..<min(tag, scalars.count)).contains { isVisible($0) }
                if !textBeforeOnLine, hasWords[holding] { chosen = holding }
                if chosen == nil { chosen = (0..<holding).last { hasWords[$0] } }
                if chosen == nil { chosen = sentences.indices.first { hasWords[$0] } }
            }
            guard let chosen else { return 0..<scalars.count }
            return withShortOnesBefore(chosen, in: sentences, hasWords: hasWords)
        }

        /// The sentence that holds the offset `offset` in the turn, with those before it when it is short.
        func sentenceSpan(holding offset: Int) -> Range<Int> {
            let sentences = self.sentences()
            guard let holding = sentences.firstIndex(where: { $0.contains(offset) }) ?? sentences.indices.last else { return 0..<scalars.count }
            return withShortOnesBefore(holding, in: sentences, hasWords: sentences.map { sentence in sentence.contains { isVisible($0) } })
        }

        /// Sentence `chosen`, with the sentences before it while it is shorter than ``QuoteText/minimumSentenceLength``
        /// and the whole fits in a quote.
        private func withShortOnesBefore(_ chosen: Int, in sentences: [Range<Int>], hasWords: [Bool]) -> Range<Int> {
            var span = sentences[chosen]
            var before = chosen
            while printedCount(span) < QuoteText.minimumSentenceLength, let previous = (0..<before).last(where: { hasWords[$0] }) {
                let widened = sentences[previous].lowerBound..<span.upperBound
                guard printedCount(widened) <= QuoteSelector.maximumLength else { break }
                span = widened
                before = previous
            }
            return span
        }

        /// The turn's sentences, as offset ranges that together cover it. A sentence ends at `.`,
        /// `?`, `!` or `…` (with closing quotes and brackets) before white space, unless a lower-case
        /// letter follows ("Eh... ja", "bijv. een"); a blank line ends one too.
        func sentences() -> [Range<Int>] {
            var result: [Range<Int>] = []
            var start = 0
            var index = 0
            let count = scalars.count
            while index < count {
                let scalar = scalars[index]
                if scalar == "\n" {
                    var next = index + 1
                    while next < count, scalars[next] == " " || scalars[next] == "\t" || scalars[next] == "\r" { next += 1 }
                    if next < count, scalars[next] == "\n" {
                        if (start..<index).contains(where: { isVisible($0) }) { result.append(start..<index); start = index }
                        index = next
                        continue
                    }
                }
                if !isTag[index], Self.endsSentence(scalar) {
                    var end = index + 1
                    while end < count, Self.endsSentence(scalars[end]) || Self.closes(scalars[end]) { end += 1 }
                    if end == count || scalars[end].properties.isWhitespace || isTag[end] {
                        var next = end
                        while next < count, scalars[next].properties.isWhitespace || isTag[next] { next += 1 }
                        if next == count || !scalars[next].properties.isLowercase {
                            result.append(start..<end)
                            start = end
                        }
                    }
                    index = end
                    continue
                }
                index += 1
            }
            if start < count { result.append(start..<count) }
            return result
        }

        /// The span as a quote prints it: tags (with one space or tab before each) left out, white space collapsed.
        func printed(_ span: Range<Int>) -> String {
            var text = String.UnicodeScalarView()
            var index = span.lowerBound
            while index < span.upperBound {
                if isTag[index] {
                    if let last = text.last, last == " " || last == "\t" { text.removeLast() }
                    while index < span.upperBound, isTag[index] { index += 1 }
                    continue
                }
                text.append(scalars[index])
                index += 1
            }
            return String(text).collapsingWhitespace
        }

        func printedCount(_ span: Range<Int>) -> Int { printed(span).count }

        /// A scalar that is printed and is not white space.
        private func isVisible(_ index: Int) -> Bool {
            !isTag[index] && !scalars[index].properties.isWhitespace
        }

        /// Part of a word: a letter, digit or mark, or an apostrophe or hyphen between two of them ("zo'n", "ex-partner").
        private func isWord(at index: Int) -> Bool {
            guard !isTag[index] else { return false }
            if Self.isLetterOrDigit(scalars[index]) { return true }
            guard scalars[index] == "'" || scalars[index] == "’" || scalars[index] == "-", index > 0, index + 1 < scalars.count else { return false }
            return Self.isLetterOrDigit(scalars[index - 1]) && Self.isLetterOrDigit(scalars[index + 1])
        }

        private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                || properties.generalCategory == .spacingMark
        }

        private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "." || scalar == "?" || scalar == "!" || scalar == "…"
        }

        private static func closes(_ scalar: Unicode.Scalar) -> Bool {
            scalar == ")" || scalar == "]" || scalar == "\"" || scalar == "'" || scalar == "”" || scalar == "’" || scalar == "»"
        }
    }
}
