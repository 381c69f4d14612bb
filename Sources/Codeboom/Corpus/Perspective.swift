/// A respondent group such as `cliënt` or `vrijwilliger`; compared without case and diacritics.
public struct Perspective: Sendable, Hashable, Comparable {
    /// The spelling shown in reports: as most respondents write it (``spelledAsMostWrite(_:)``).
    public let name: String
    /// Folded form used for comparison and sorting.
    public let key: String

    /// A perspective as written; compared with diacritics folded and case ignored.
    public init(_ name: String) {
        self.name = name
        key = name.folded
    }

    private init(name: String, key: String) {
        self.name = name
        self.key = key
    }

    /// The column of respondents (and paragraphs) without a perspective, so that columns add up to the
    /// total; its key is no perspective's, so it never merges with a perspective a study names.
    public static let unassigned = Perspective(name: "zonder perspectief", key: "\u{0}zonder perspectief")

    /// Whether this is ``unassigned``.
    public var isUnassigned: Bool { key == Self.unassigned.key }

    /// Equal when the folded forms are.
    public static func == (lhs: Perspective, rhs: Perspective) -> Bool { lhs.key == rhs.key }
    /// Hashes the folded form, as `==` compares it.
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    /// By folded form.
    public static func < (lhs: Perspective, rhs: Perspective) -> Bool { lhs.key < rhs.key }

    /// The perspectives of `spellings` (one per respondent, or per document), each shown as most of
    /// them write it: `cliënt` three times and `Client` once is `cliënt`. On a tie the spelling that
    /// sorts last by code point is shown, which prefers lower case and diacritics (`cliënt` over
    /// `Client` and `client`), as Dutch writes them. Sorted in report order.
    /// `others` (documents' own perspectives) add perspectives that no spelling of `spellings` has.
    public static func spelledAsMostWrite(_ spellings: [String], adding others: [String] = []) -> [Perspective] {
        var counts: [String: [String: Int]] = [:]
        for spelling in spellings { counts[spelling.folded, default: [:]][spelling, default: 0] += 1 }
        var added: [String: [String: Int]] = [:]
        for spelling in others {
            let key = spelling.folded
            if counts[key] == nil { added[key, default: [:]][spelling, default: 0] += 1 }
        }
        counts.merge(added) { first, _ in first }
        return counts.map { key, forms in
            // On a tie the spelling with diacritics wins (`cliënt` over `Client`), then the one in lower case.
            let shown = forms.max { a, b in
                if a.value != b.value { return a.value < b.value }
                let (aMarks, bMarks) = (a.key.unicodeScalars.count { !$0.isASCII }, b.key.unicodeScalars.count { !$0.isASCII })
                if aMarks != bMarks { return aMarks < bMarks }
                return Array(a.key.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.key.unicodeScalars.map(\.value))
            }?.key ?? key
            return Perspective(name: shown, key: key)
        }.sorted()
    }
}
