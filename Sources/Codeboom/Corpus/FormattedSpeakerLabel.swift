/// Recognises speaker labels that word processors show with formatting instead of a colon,
/// so that a bold `Interviewer` or `R<tab>` becomes the `Label: text` line the plain-text
/// transcript parser reads as a speaker turn.
enum FormattedSpeakerLabel {
    /// The longest label, in characters; longer bold openings are emphasis, not speakers.
    static let maxLength = 40

    /// Renders a paragraph as `Label: text` when it opens with a bold label or with `Label<tab>`,
    /// keeping every mark at the matching place; other paragraphs come back unchanged.
    static func render(_ pieces: [StyledPiece]) -> [StyledPiece] {
        guard mayHoldLabel(pieces) else { return pieces }
        let flat = Flattened(pieces)
        guard let split = boldLabel(in: flat) ?? tabLabel(in: flat) else { return pieces }
        return flat.rendered(with: split)
    }

    /// Renders a two-column table row `(speaker, text)`: as `speaker: text` when the first cell
    /// is a label, as the second cell alone when the first is empty, else the cells joined by a tab.
    static func renderRow(label: [StyledPiece], text: [StyledPiece]) -> [StyledPiece] {
        if !label.hasVisibleText { return label + text }
        let row = label + [.plain("\t")] + text
        let flat = Flattened(row)
        guard let split = tabLabel(in: flat) else { return row }
        return flat.rendered(with: split)
    }

    /// Whether a paragraph opens in bold or holds a tab; most paragraphs do neither, and
    /// are returned as they are without taking them apart scalar by scalar.
    private static func mayHoldLabel(_ pieces: [StyledPiece]) -> Bool {
        var opened = false
        for piece in pieces {
            guard case .text(let text, let bold) = piece else { continue }
            if !opened, let first = text.unicodeScalars.first(where: { !isSpace($0) }) {
                if bold { return true }
                opened = first != "\n"
            }
            if text.utf8.contains(0x09) { return true }
        }
        return false
    }

    /// Where the label lies in the paragraph's scalars and where the spoken text begins.
    struct Split {
        var labelStart: Int
        var labelEnd: Int
        var restStart: Int
    }

    /// Scalars, their boldness and the marks between them, so labels can be found across runs.
    struct Flattened {
        var scalars: [Unicode.Scalar] = []
        var bold: [Bool] = []
        var marks: [(offset: Int, key: MarkKey)] = []

        init(_ pieces: [StyledPiece]) {
            for piece in pieces {
                switch piece {
                case .text(let text, let isBold):
                    for scalar in text.unicodeScalars {
                        scalars.append(scalar)
                        bold.append(isBold)
                    }
                case .mark(let key):
                    marks.append((scalars.count, key))
                }
            }
        }

        /// `Label: ` followed by the spoken text, with marks moved to the same places.
        func rendered(with split: Split) -> [StyledPiece] {
            var output = String.UnicodeScalarView(scalars[split.labelStart..<split.labelEnd])
            output.append(contentsOf: ": ".unicodeScalars)
            let labelLength = split.labelEnd - split.labelStart
            let prefixLength = labelLength + 2
            output.append(contentsOf: scalars[split.restStart...])
            let outputScalars = Array(output)

            func mapped(_ offset: Int) -> Int {
                if offset <= split.labelStart { return 0 }
                if offset <= split.labelEnd { return offset - split.labelStart }
                if offset < split.restStart { return prefixLength }
                return offset - split.restStart + prefixLength
            }

            var pieces: [StyledPiece] = []
            var cursor = 0
            for mark in marks {
                let target = mapped(mark.offset)
                if target > cursor {
                    pieces.append(.plain(String(String.UnicodeScalarView(outputScalars[cursor..<target]))))
                    cursor = target
                }
                pieces.append(.mark(mark.key))
            }
            if cursor < outputScalars.count {
                pieces.append(.plain(String(String.UnicodeScalarView(outputScalars[cursor...]))))
            }
            return pieces
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar.properties.isWhitespace
    }

    /// A label that is the paragraph's opening bold run, followed by non-bold text.
    private static func boldLabel(in flat: Flattened) -> Split? {
        let scalars = flat.scalars
        var start = 0
        while start < scalars.count, isSpace(scalars[start]) { start += 1 }
        guard start < scalars.count, flat.bold[start] else { return nil }
        var boldEnd = start
        while boldEnd < scalars.count, flat.bold[boldEnd], scalars[boldEnd] != "\n", scalars[boldEnd] != "\t" {
            boldEnd += 1
        }
        // A bold tab ends the label too: `**I**<tab>` and `**I<tab>**` both mean a speaker.
        var labelEnd = boldEnd
        while labelEnd > start, isSpace(scalars[labelEnd - 1]) { labelEnd -= 1 }
        var hadColon = false
        if labelEnd > start, scalars[labelEnd - 1] == ":" {
            hadColon = true
            labelEnd -= 1
            while labelEnd > start, isSpace(scalars[labelEnd - 1]) { labelEnd -= 1 }
        }
        var restStart = boldEnd
        var sawSeparator = hadColon || boldEnd > labelEnd
        while restStart < scalars.count, isSpace(scalars[restStart]) {
            restStart += 1
            sawSeparator = true
        }
        if !hadColon, restStart < scalars.count, scalars[restStart] == ":" {
            restStart += 1
            sawSeparator = true
            while restStart < scalars.count, isSpace(scalars[restStart]) { restStart += 1 }
        }
        // `**Jan**zegt` is emphasis inside a word, not a label.
        guard sawSeparator, isLabel(scalars[start..<labelEnd]), hasText(scalars[restStart...]) else { return nil }
        return Split(labelStart: start, labelEnd: labelEnd, restStart: restStart)
    }

    /// A label before the paragraph's first tab, as in `R<tab>Ja, dat klopt.`
    private static func tabLabel(in flat: Flattened) -> Split? {
        let scalars = flat.scalars
        guard let tab = scalars.firstIndex(of: "\t") else { return nil }
        var start = 0
        while start < tab, isSpace(scalars[start]) { start += 1 }
        var labelEnd = tab
        while labelEnd > start, isSpace(scalars[labelEnd - 1]) { labelEnd -= 1 }
        if labelEnd > start, scalars[labelEnd - 1] == ":" {
            labelEnd -= 1
            while labelEnd > start, isSpace(scalars[labelEnd - 1]) { labelEnd -= 1 }
        }
        var restStart = tab + 1
        while restStart < scalars.count, isSpace(scalars[restStart]) { restStart += 1 }
        guard isLabel(scalars[start..<labelEnd]), hasText(scalars[restStart...]) else { return nil }
        return Split(labelStart: start, labelEnd: labelEnd, restStart: restStart)
    }

    /// 1–40 characters on one line, without tabs or colons, not ending like a sentence
    /// (a bold `Ja.` opening a paragraph is emphasis, not a speaker, and text before a tab
    /// in `R: ja<tab>nee` is already a labelled turn).
    static func isLabel(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let last = scalars.last, !scalars.contains("\n"), !scalars.contains("\t"), !scalars.contains(":")
        else { return false }
        guard !".!?,;…".unicodeScalars.contains(last) else { return false }
        let characters = String(String.UnicodeScalarView(scalars)).count
        return characters >= 1 && characters <= maxLength
    }

    private static func hasText(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        scalars.contains { !$0.properties.isWhitespace }
    }
}
