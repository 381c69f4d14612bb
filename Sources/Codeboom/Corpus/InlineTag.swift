/// A `#code-id` (or `#category/code-id`) written in a transcript.
public struct InlineTag: Sendable, Equatable {
    /// The path as written, split at `/`; the last element is the code id.
    public var path: [String]
    /// Unicode scalar offset of the `#` in the document text.
    public var offset: Int
    public var line: Int
    public var column: Int
    /// Scalars after the `#`, as written (the id and any `/`-path).
    public var length: Int = 0

    public var codeID: String { path.last ?? "" }

    /// Finds tags in a line: `#` at the line start or after white space, then a letter or digit,
    /// then letters, digits, `-`, `_`, `/`. Returns the tags and the line with the tags removed.
    static func scan(_ line: Substring, lineNumber: Int, lineOffset: Int) -> (tags: [InlineTag], stripped: String) {
        // Most lines hold no `#`: return them untouched without looking at scalars.
        guard line.utf8.contains(UInt8(ascii: "#")) else { return ([], String(line)) }
        var tags: [InlineTag] = []
        var stripped = String.UnicodeScalarView()
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let atBoundary = index == 0 || scalars[index - 1] == " " || scalars[index - 1] == "\t"
            if scalar == "#", atBoundary, index + 1 < scalars.count, isIDStart(scalars[index + 1]) {
                var end = index + 1
                while end < scalars.count, isIDCharacter(scalars[end]) { end += 1 }
                var token = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                // A sentence may end right after a tag: "… #agendadruk." keeps the full stop out of the id.
                while let last = token.unicodeScalars.last, last == "-" || last == "/" || last == "_" {
                    token.unicodeScalars.removeLast()
                }
                let path = token.split(separator: "/").map(String.init)
                tags.append(InlineTag(path: path, offset: lineOffset + index, line: lineNumber, column: index + 1, length: end - index - 1))
                // Drop one space before the tag so "tekst #code" strips to "tekst".
                if let last = stripped.last, last == " " || last == "\t" { stripped.removeLast() }
                index = end
                continue
            }
            stripped.append(scalar)
            index += 1
        }
        return (tags, String(stripped))
    }

    private static func isIDStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    private static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isIDStart(scalar) || scalar == "-" || scalar == "_" || scalar == "/"
    }
}
