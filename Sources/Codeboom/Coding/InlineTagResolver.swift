/// Decides, once the codebook is known, which `#words` in a document are inline codings and which
/// are ordinary text: transcripts hold hashtags (`#metoo`), numbers (`vraag #1`) and references
/// (`subsidie #CCR921930-02`) as well as codes.
///
/// - `#` and a code id (or a path of ids) is a coding; ids match without case and diacritics
///   (`#Klik` is `klik`), and a label's slug that is no code's id names its code (`#een-goede-klik`).
/// - `#` and a digit is text, unless it is exactly a code id.
/// - An unknown id close to a code's id or label (a typo), or a path through a known code, stays a
///   tag: a coding with an unknown code, which `check` reports as an error with its suggestion.
/// - Any other `#word` is text, with a warning: it stays in quotes and keyword search sees it.
public struct InlineTagResolver: Sendable {
    /// The codebook tags are read against.
    public let codebook: Codebook
    /// Finds the code an unknown id is a typo of.
    public let suggester: CodeSuggester

    /// Code ids by their folded form, then by their label's slug where that is no code's id; the
    /// first code wins a tie.
    private let idsByForm: [String: String]

    /// A resolver for `codebook`; `suggester` may be shared with other stages so its search is built once.
    public init(codebook: Codebook, suggester: CodeSuggester? = nil) {
        self.codebook = codebook
        self.suggester = suggester ?? CodeSuggester(codebook: codebook)
        var forms: [String: String] = [:]
        for code in codebook.codes where forms[code.id.folded] == nil { forms[code.id.folded] = code.id }
        for code in codebook.codes {
            let slug = CodeSuggester.slug(of: code.label)
            let form = String(String.UnicodeScalarView(slug.compactMap(Unicode.Scalar.init)))
            if forms[form] == nil { forms[form] = code.id }
        }
        idsByForm = forms
    }

    /// The code id a written id means: itself when it is one, else the id it is written for (another
    /// case, other diacritics, the label's slug); nil when it names no code.
    func codeID(written id: String) -> String? {
        codebook.position(of: id) != nil ? id : idsByForm[id.folded]
    }

    /// What a tag candidate is.
    enum Reading: Equatable {
        case coding
        /// Text without a word of warning: `#` and a digit.
        case number
        /// Text, with a warning that names it.
        case text
    }

    func reading(of tag: InlineTag) -> Reading {
        if codebook.position(of: tag.codeID) != nil { return .coding }
        if tag.startsWithDigit { return .number }
        if tag.path.dropLast().contains(where: { codebook.position(of: $0) != nil }) { return .coding }
        return suggester.suggestion(for: tag.codeID) != nil ? .coding : .text
    }

    /// Keeps in `parsed` the tags that are codings and turns the rest back into text (out of the
    /// tags, the document's tag ranges and the segments' tag ranges); returns one warning per
    /// distinct `#word` read as text, at its first place.
    ///
    /// - Complexity: O(t) for t tag candidates, plus one suggestion search per distinct unknown id.
    public func resolve(_ parsed: inout ParsedDocument) -> [Diagnostic] {
        guard !parsed.tags.isEmpty else { return [] }
        var readings: [String: Reading] = [:]
        var textWords: [String: (first: InlineTag, count: Int)] = [:]
        var textOrder: [String] = []
        var isText = [Bool](repeating: false, count: parsed.tags.count)
        for (index, entry) in parsed.tags.enumerated() {
            // Nearly every tag is a code: decided without building a string.
            if entry.tag.path.count == 1, codebook.position(of: entry.tag.codeID) != nil { continue }
            // Written another way (`#Klik`): the tag names the code by its id from here on.
            let meant = entry.tag.path.map { codeID(written: $0) ?? $0 }
            var tag = entry.tag
            if meant != tag.path {
                tag.path = meant
                parsed.tags[index].tag = tag
                if codebook.position(of: tag.codeID) != nil { continue }
            }
            let written = tag.path.joined(separator: "/")
            let decided: Reading
            if let known = readings[written] {
                decided = known
            } else {
                decided = reading(of: tag)
                readings[written] = decided
            }
            guard decided != .coding else { continue }
            isText[index] = true
            guard decided == .text else { continue }
            if let known = textWords[written] {
                textWords[written] = (known.first, known.count + 1)
            } else {
                textWords[written] = (tag, 1)
                textOrder.append(written)
            }
        }
        guard isText.contains(true) else { return [] }

        var textOffsets: Set<Int> = []
        for (index, entry) in parsed.tags.enumerated() where isText[index] {
            textOffsets.insert(entry.tag.offset)
            parsed.document.segments[entry.segment - 1].textTagByteOffsets.append(entry.tag.byteOffset)
        }
        parsed.document.tagRanges.removeAll { textOffsets.contains($0.lowerBound) }
        parsed.tags = parsed.tags.enumerated().filter { !isText[$0.offset] }.map(\.element)

        return textOrder.compactMap { written in
            guard let (first, count) = textWords[written] else { return nil }
            return Diagnostic(CodingError.tagReadAsText(SourceLocation(file: parsed.document.file, line: first.line, column: first.column),
                                                        written: written, codeID: first.codeID, count: count, codebookFile: codebook.file))
        }
    }
}
