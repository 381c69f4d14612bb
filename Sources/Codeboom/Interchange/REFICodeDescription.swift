import Foundation

/// How a code's attributes travel in a REFI-QDA `Description`, which other tools show as plain text.
///
/// REFI-QDA has no place for a deelvraag, a WIFA dimension or keyword rules, so they are written as the
/// codebook writes them: the `Description` starts with the code's attribute lines, exactly as in the
/// Markdown codebook (`key: value`, key in lower case), one per line, then one empty line, then the
/// code's description as written:
///
/// ```text
/// deelvraag: 1, 2
/// wifa: F
/// trefwoorden: klik, "het klikt", match*
///
/// Uitspraken over hoe vrijwilliger en cliënt bij elkaar passen …
/// ```
///
/// - Order: `deelvraag`, `wifa`, `samenvatting`, `trefwoorden`, `uitsluiten`, `vraag`, then any other
///   attribute (`kleur` excepted when it is a colour, which travels as the code's `color`) by key.
/// - Only attributes written at the code travel; an inherited `deelvraag` stays with the parent.
/// - Without attributes the `Description` is the description alone; without a description it is the
///   attribute lines alone; with neither the code has no `Description`.
/// - Reading back: the lines from the start up to the first empty line are attribute lines when each of
///   them is a `key: value` line (a key of at most three words of letters, digits, `-` and `_`); the rest,
///   after that empty line, is the description. Written under a `##`-heading in that order, they read as
///   the same code, because a codebook takes `key: value` lines right under a heading as attributes, and
///   a description never starts with one.
public enum REFICodeDescription {
    /// The attribute keys in the order they are written; other keys follow, sorted.
    public static let keyOrder = ["deelvraag", "wifa", "samenvatting", "trefwoorden", "uitsluiten", "vraag"]

    /// The `Description` text of `code`, or nil when it has neither attributes nor a description.
    public static func text(of code: Code) -> String? {
        let lines = attributeLines(of: code)
        let description = code.description.trimmingCharacters(in: .newlines)
        switch (lines.isEmpty, description.isEmpty) {
        case (true, true): return nil
        case (true, false): return description
        case (false, true): return lines.joined(separator: "\n")
        case (false, false): return lines.joined(separator: "\n") + "\n\n" + description
        }
    }

    /// The `key: value` lines of the attributes written at `code`, in ``keyOrder``.
    public static func attributeLines(of code: Code) -> [String] {
        var keys = keyOrder.filter { code.attributes[$0] != nil }
        keys += code.attributes.keys.filter { !keyOrder.contains($0) && !($0 == colorKey && color(of: code) != nil) }.sorted()
        return keys.map { "\($0): \(code.attributes[$0] ?? "")" }
    }

    /// The attribute whose `#RRGGBB` value becomes a code's `color` (what `import` writes for a colour).
    public static let colorKey = "kleur"

    /// The code's colour as REFI-QDA writes it (`#RRGGBB`, upper case), from a `kleur:` attribute.
    public static func color(of code: Code) -> String? {
        guard let value = code.attributes[colorKey]?.trimmingCharacters(in: .whitespaces) else { return nil }
        let digits = value.utf8.dropFirst()
        guard value.hasPrefix("#"), digits.count == 6 || digits.count == 3,
              digits.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x46).contains($0 & 0xDF) }) else { return nil }
        return value.uppercased()
    }
}
