import Foundation

/// A position to remember while text is assembled: a comment's start, end or anchor, or a subtitle turn.
enum MarkKey: Hashable, Sendable {
    case annotationStart(String)
    case annotationEnd(String)
    case annotationAnchor(String)
    case turn(Int)
}

/// A piece of a paragraph on its way into ``ExtractedText``.
enum StyledPiece: Equatable, Sendable {
    /// Text, with whether it was bold (used to recognise speaker labels).
    case text(String, bold: Bool)
    /// A position to report in the final text.
    case mark(MarkKey)

    static func plain(_ text: String) -> StyledPiece { .text(text, bold: false) }
}

extension [StyledPiece] {
    /// Whether the pieces hold any text other than whitespace.
    var hasVisibleText: Bool {
        contains { piece in
            if case .text(let text, _) = piece { return text.unicodeScalars.contains { !$0.properties.isWhitespace } }
            return false
        }
    }

    /// Whether the pieces hold neither text nor marks.
    var isBlank: Bool {
        !hasVisibleText && !contains { if case .mark = $0 { true } else { false } }
    }
}

/// Joins paragraph lines into NFC text while tracking where marks end up, in Unicode scalars.
///
/// Text is normalised in the stretches between marks, so every mark offset refers
/// to the normalised text exactly.
struct TextAssembler {
    /// Where a mark ended up, and the line (paragraph) that holds it.
    struct Position: Equatable {
        var offset: Int
        var line: Range<Int>
    }

    /// The assembled text and the final position of every mark.
    struct Result {
        var text: String
        var positions: [MarkKey: Position]
    }

    private(set) var lines: [[StyledPiece]] = []

    /// Adds a paragraph as one line.
    mutating func append(line: [StyledPiece]) {
        lines.append(line)
    }

    /// Adds a piece to the end of the last line, or starts a line when there is none.
    mutating func appendToLastLine(_ piece: StyledPiece) {
        if lines.isEmpty { lines.append([]) }
        lines[lines.count - 1].append(piece)
    }

    /// Joins the lines with `"\n"`, leaving out blank lines at the start and end.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    func assemble() -> Result {
        var first = 0
        var last = lines.count
        while first < last, lines[first].isBlank { first += 1 }
        while last > first, lines[last - 1].isBlank { last -= 1 }

        var text = ""
        var offset = 0
        var firstSeen: [MarkKey: (offset: Int, line: Int)] = [:]
        var lineRanges: [Range<Int>] = []
        for index in first..<last {
            if index > first {
                text += "\n"
                offset += 1
            }
            let lineStart = offset
            var pending = ""
            func flush() {
                guard !pending.isEmpty else { return }
                let normalised = Self.nfc(pending)
                text += normalised
                offset += normalised.unicodeScalars.count
                pending = ""
            }
            for piece in lines[index] {
                switch piece {
                case .text(let string, _):
                    pending += string
                case .mark(let key):
                    flush()
                    if firstSeen[key] == nil { firstSeen[key] = (offset, lineRanges.count) }
                }
            }
            flush()
            lineRanges.append(lineStart..<offset)
        }
        let positions = firstSeen.mapValues { Position(offset: $0.offset, line: lineRanges[$0.line]) }
        return Result(text: text, positions: positions)
    }

    /// Canonical composition (NFC), skipping the work for text that is NFC already.
    ///
    /// Every character below U+0300 is its own NFC form, and in UTF-8 exactly those
    /// characters are written with bytes below 0xCC; Dutch text with diacritics needs no more.
    static func nfc(_ string: String) -> String {
        if string.utf8.allSatisfy({ $0 < 0xCC }) { return string }
        return string.precomposedStringWithCanonicalMapping
    }
}
