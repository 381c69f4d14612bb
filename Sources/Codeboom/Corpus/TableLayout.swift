/// How a table of a Word or OpenDocument file becomes lines of text, the same for both formats.
///
/// A two-column table is a transcript in speaker turns only when it says so: its header row
/// reads `spreker` or `naam` (or `speaker`, `name`) over `tekst` (or `text`), or its first
/// column looks like speaker labels — every filled first cell is short (a label of at most
/// four words, as in a text transcript) and some label recurs. Every other table is read
/// row by row, its cells joined by tabs, so a table of dates or a two-column form does not
/// turn into speakers.
enum TableLayout {
    /// One cell's content, its paragraphs already joined on one line.
    typealias Cell = [StyledPiece]

    /// A cell's paragraphs (and nested tables' cells) on one line, joined by spaces.
    static func cell(joining parts: [[StyledPiece]]) -> Cell {
        var result: [StyledPiece] = []
        var needsSpace = false
        for part in parts {
            if part.hasVisibleText {
                if needsSpace { result.append(.plain(" ")) }
                needsSpace = true
            }
            result += part
        }
        return result
    }

    /// The lines of a table, one per row.
    static func lines(rows: [[Cell]]) -> [[StyledPiece]] {
        var speakers: Set<String> = []
        return lines(rows: rows, declaring: &speakers)
    }

    /// The lines of a table, one per row; the labels of a table read as turns are added to `speakers`
    /// (folded), so the text parser reads them as speakers even when one speaks once.
    static func lines(rows: [[Cell]], declaring speakers: inout Set<String>) -> [[StyledPiece]] {
        switch speakerColumns(rows) {
        case .turns(let bodyRows):
            for row in rows[bodyRows] {
                let label = labelText(row[0])
                if !label.isEmpty { speakers.insert(label.folded) }
            }
            return rows[bodyRows].map { FormattedSpeakerLabel.renderRow(label: $0[0], text: $0[1]) }
        case .plain:
            return rows.map { cells in
                var line: [StyledPiece] = []
                for (index, cell) in cells.enumerated() {
                    if index > 0 { line.append(.plain("\t")) }
                    line += cell
                }
                return line
            }
        }
    }

    enum Reading: Equatable {
        /// Speaker turns, from these rows (the header row, when there is one, left out).
        case turns(Range<Int>)
        /// Rows of cells joined by tabs.
        case plain
    }

    /// Whether a table is speaker turns, and which of its rows are turns.
    static func speakerColumns(_ rows: [[Cell]]) -> Reading {
        guard !rows.isEmpty, rows.allSatisfy({ $0.count == 2 }) else { return .plain }
        if isSpeakerHeader(rows[0]) { return .turns(1..<rows.count) }
        var counts: [String: Int] = [:]
        for row in rows {
            let label = labelText(row[0])
            guard !label.isEmpty else { continue }
            guard isShortLabel(label) else { return .plain }
            counts[label.folded, default: 0] += 1
        }
        return counts.values.contains { $0 >= 2 } ? .turns(0..<rows.count) : .plain
    }

    /// Header words for the speaker column and the text column.
    private static let speakerHeaders: Set<String> = ["spreker", "naam", "speaker", "name"]
    private static let textHeaders: Set<String> = ["tekst", "text"]

    private static func isSpeakerHeader(_ row: [Cell]) -> Bool {
        speakerHeaders.contains(labelText(row[0]).folded) && textHeaders.contains(labelText(row[1]).folded)
    }

    /// A cell's visible text, trimmed, without a closing colon (`Henk:` is the label `Henk`).
    private static func labelText(_ cell: Cell) -> String {
        var text = ""
        for case .text(let string, _) in cell { text += string }
        var trimmed = Substring(text.trimmingSpaces)
        if trimmed.hasSuffix(":") { trimmed = trimmed.dropLast() }
        return String(trimmed).trimmingSpaces
    }

    /// A label as a transcript writes one: 1–40 characters, at most four words, not a sentence.
    private static func isShortLabel(_ label: String) -> Bool {
        let scalars = Array(label.unicodeScalars)
        guard FormattedSpeakerLabel.isLabel(scalars[...]) else { return false }
        return label.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).count <= 4
    }
}
