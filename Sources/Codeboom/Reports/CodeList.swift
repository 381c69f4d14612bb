/// The codebook to code with (`codeboom codes`): per code its id, label, a short description,
/// deelvragen, WIFA and trefwoorden, in codebook order — the codeerboek coders keep beside them.
public struct CodeList: Sendable, Equatable {
    /// One code as the list shows it.
    public struct Entry: Sendable, Equatable {
        /// The code's id, what a coder writes.
        public var id: String
        /// The heading's text.
        public var label: String
        /// 0 for a category, 1 for a code, deeper for sub-codes.
        public var depth: Int
        /// The `samenvatting:`, else the first sentence of the description that is no coding instruction.
        public var summary: String
        /// The deelvragen the code answers (inherited ones included).
        public var deelvragen: [Int]
        /// The WIFA dimension, when the codebook gives one.
        public var wifa: WIFADimension?
        /// The `trefwoorden:` as written, when given.
        public var keywords: String?
    }

    /// The codebook's title.
    public var title: String
    /// Every code in codebook order.
    public var entries: [Entry]

    /// The list of `codebook`'s codes.
    public init(codebook: Codebook) {
        title = codebook.title
        entries = codebook.codes.map { code in
            let keywords = code.attributes["trefwoorden"]?.collapsingWhitespace
            return Entry(id: code.id, label: code.label, depth: code.depth, summary: ThemeSummary.line(for: code),
                         deelvragen: code.deelvragen, wifa: code.wifa, keywords: keywords?.isEmpty == false ? keywords : nil)
        }
    }

    /// What stands after the label: `deelvraag 1, 2 · WIFA F (Faciliteren)`; empty when neither is given.
    public static func facts(of entry: Entry) -> String {
        var parts: [String] = []
        if !entry.deelvragen.isEmpty { parts.append("deelvraag " + entry.deelvragen.map(String.init).joined(separator: ", ")) }
        if let wifa = entry.wifa { parts.append("WIFA \(wifa.rawValue) (\(wifa.name))") }
        return parts.joined(separator: " · ")
    }

    /// Plain text lines of at most `width` characters (at least 40): a code's id and label on its
    /// line, its facts, summary and trefwoorden wrapped and indented below.
    public func text(width: Int) -> String {
        let width = max(width, 40)
        var lines: [String] = [title, String(repeating: "=", count: min(title.count, width)), ""]
        for entry in entries {
            let indent = String(repeating: "  ", count: entry.depth)
            if entry.depth == 0 && lines.last != "" { lines.append("") }
            let head = entry.depth == 0 ? entry.label.uppercased() : entry.label
            lines += Self.wrapped("\(head)  [\(entry.id)]", width: width, indent: indent, hanging: indent + "    ")
            let inner = indent + "    "
            let facts = Self.facts(of: entry)
            if !facts.isEmpty { lines += Self.wrapped(facts, width: width, indent: inner, hanging: inner) }
            if !entry.summary.isEmpty { lines += Self.wrapped(entry.summary, width: width, indent: inner, hanging: inner) }
            if let keywords = entry.keywords { lines += Self.wrapped("trefwoorden: " + keywords, width: width, indent: inner, hanging: inner + "  ") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` cut into lines at spaces, each at most `width` characters where words allow; a word
    /// longer than a line stands on its own.
    static func wrapped(_ text: String, width: Int, indent: String, hanging: String) -> [String] {
        var lines: [String] = []
        var current = indent
        var isFirstWord = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !isFirstWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = hanging + word
            } else {
                current += (isFirstWord ? "" : " ") + word
            }
            isFirstWord = false
        }
        if !isFirstWord { lines.append(current) }
        return lines
    }

    /// Markdown for printing on A4: a section per category, a block per code.
    public func markdown() -> String {
        var out = "# Codeerboek — \(MarkdownText.text(title))\n"
        for entry in entries {
            let heading = String(repeating: "#", count: min(entry.depth + 2, 6))
            out += "\n\(heading) \(MarkdownText.text(entry.label)) — \(MarkdownText.code(entry.id))\n\n"
            var lines: [String] = []
            let facts = Self.facts(of: entry)
            if !facts.isEmpty { lines.append("*\(MarkdownText.text(facts))*") }
            if !entry.summary.isEmpty { lines.append(MarkdownText.text(entry.summary)) }
            if let keywords = entry.keywords { lines.append("trefwoorden: \(MarkdownText.text(keywords))") }
            if !lines.isEmpty { out += lines.joined(separator: "  \n") + "\n" }
        }
        return out
    }

    /// The codeerboek as a Word document for A4: a heading per category and per code (`label — id`),
    /// its facts in italics, its summary and its trefwoorden.
    public func wordDocument() -> WordDocument {
        var document = WordDocument(title: "Codeerboek — \(title)")
        document.paragraph("Codeerboek — \(title)", style: .title)
        for entry in entries {
            let style: WordParagraphStyle = entry.depth == 0 ? .heading1 : entry.depth == 1 ? .heading2 : .heading3
            document.append(.paragraph(WordParagraph(style: style, runs: [WordRun(entry.label + " — "), WordRun(entry.id, bold: true)], keepWithNext: true)))
            let facts = Self.facts(of: entry)
            if !facts.isEmpty { document.append(.paragraph(WordParagraph(runs: [WordRun(facts, italic: true)]))) }
            if !entry.summary.isEmpty { document.paragraph(entry.summary) }
            if let keywords = entry.keywords {
                document.append(.paragraph(WordParagraph(runs: [WordRun("trefwoorden: ", italic: true), WordRun(keywords)])))
            }
        }
        return document
    }
}
