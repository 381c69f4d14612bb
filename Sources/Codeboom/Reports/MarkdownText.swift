/// Text from the project (labels, perspective names, file names, transcript quotes) written into a
/// Markdown page so that it shows as the text it is: it never becomes markup, HTML, a link or a
/// broken table.
///
/// One function per place in a page:
/// - ``text(_:)``: running text after our own words, a heading or emphasis. `<`, `>` and `&` become
///   entities (so `<script>` is text, not HTML); `\`, `` ` ``, `*`, `_`, `~`, `#` and the `]` of
///   `](` are backslash-escaped.
/// - ``lineStart(_:)``: text that begins a line or a block quote: the same, and a leading `-`,
///   `+`, `=` or `1.` can no longer start a list or a heading.
/// - ``cell(_:)``: a table cell: as ``text(_:)``, and `|` escaped.
/// - ``link(_:)``: the text of a link: the same, and `[`, `]` escaped.
/// - ``code(_:inTable:)``: a code span, which shows its content literally.
///
/// In all of them line breaks and tabs become spaces and other control characters show as
/// `\u{HEX}` (``TerminalText``), so a file name with a line break cannot end a table row.
/// Text without any of these characters is returned unchanged.
enum MarkdownText {
    static func text(_ text: String) -> String {
        escaped(text, extra: [], atLineStart: false)
    }

    static func lineStart(_ text: String) -> String {
        escaped(text, extra: [], atLineStart: true)
    }

    static func cell(_ text: String) -> String {
        escaped(text, extra: [UInt8(ascii: "|")], atLineStart: false)
    }

    static func link(_ text: String) -> String {
        escaped(text, extra: [UInt8(ascii: "["), UInt8(ascii: "]")], atLineStart: false)
    }

    /// `` `id` ``, with a longer fence when the text holds backticks (CommonMark code spans).
    static func code(_ text: String, inTable: Bool = false) -> String {
        var content = String(String.UnicodeScalarView(text.unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
            if scalar == "\n" || scalar == "\r" || scalar == "\t" { return [" "] }
            if TerminalText.needsEscape(scalar, keepingLineBreaks: false) { return Array(TerminalText.visible(scalar).unicodeScalars) }
            return [scalar]
        }))
        // Table cells are split at `|` before code spans are read, so a `|` needs its backslash even here.
        if inTable && content.contains("|") { content = content.replacingOccurrences(of: "|", with: "\\|") }
        var longestRun = 0, run = 0
        for character in content {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padding = content.hasPrefix("`") || content.hasSuffix("`") ? " " : ""
        return fence + padding + content + padding + fence
    }

    /// Characters escaped everywhere in running text.
    private static let backslashed: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "~", "#"]
    private static let entities: [Unicode.Scalar: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;"]

    private static func escaped(_ text: String, extra: [UInt8], atLineStart: Bool) -> String {
        let mayChange = mayChange(text, extra: extra)
        let marker = atLineStart ? blockMarkerIndex(Array(text.unicodeScalars.prefix(12))) : nil
        guard mayChange || marker != nil else { return text }
        var result = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var next = iterator.next()
        var index = 0
        while let scalar = next {
            next = iterator.next()
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                result.append(" ")
            } else if TerminalText.needsEscape(scalar, keepingLineBreaks: false) {
                result.append(contentsOf: TerminalText.visible(scalar).unicodeScalars)
            } else if let entity = entities[scalar] {
                result.append(contentsOf: entity.unicodeScalars)
            } else if index == marker || backslashed.contains(scalar) || (scalar.isASCII && extra.contains(UInt8(scalar.value))) || (scalar == "]" && next == "(") {
                result.append("\\")
                result.append(scalar)
            } else {
                result.append(scalar)
            }
            index += 1
        }
        return String(result)
    }

    /// ASCII bytes that are escaped or replaced in every kind of text: controls, `\\`, `` ` ``,
    /// `*`, `_`, `~`, `#`, `<`, `>`, `&` and `]`.
    private static let asciiNeedingEscape: [Bool] = (0..<128).map { byte in
        byte < 0x20 || byte == 0x7F || "\\`*_~#<>&]".utf8.contains(UInt8(byte))
    }

    /// Whether `text` holds anything to escape; decided on the UTF-8 bytes, since pages are mostly
    /// plain text and `search` escapes every hit's context.
    /// `extra` holds ASCII bytes, compared as bytes: a set would hash every byte of every cell.
    private static func mayChange(_ text: String, extra: [UInt8]) -> Bool {
        var hasNonASCII = false
        for byte in text.utf8 {
            if byte >= 0x80 {
                hasNonASCII = true
            } else if asciiNeedingEscape[Int(byte)] || extra.contains(byte) {
                return true
            }
        }
        return hasNonASCII && text.unicodeScalars.contains { $0.value >= 0x80 && TerminalText.needsEscape($0, keepingLineBreaks: false) }
    }

    /// Where a leading list, heading or setext marker stands (`-`, `+`, `=`, the `.` of `12.`, the
    /// `)` of `3)`), after spaces; `#`, `*` and `>` are escaped wherever they stand.
    private static func blockMarkerIndex(_ scalars: [Unicode.Scalar]) -> Int? {
        var index = 0
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count else { return nil }
        switch scalars[index] {
        case "-", "+", "=":
            return index
        case "0"..."9":
            var end = index
            while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
            guard end < scalars.count, scalars[end] == "." || scalars[end] == ")" else { return nil }
            return end
        default:
            return nil
        }
    }
}
