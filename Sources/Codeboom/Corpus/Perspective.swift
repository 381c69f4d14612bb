/// A respondent group such as `cliënt` or `vrijwilliger`; compared without case and diacritics.
public struct Perspective: Sendable, Hashable, Comparable {
    /// The spelling shown in reports (the first one the project uses).
    public let name: String
    /// Folded form used for comparison and sorting.
    public let key: String

    /// A perspective as written; compared with diacritics folded and case ignored.
    public init(_ name: String) {
        self.name = name
        key = name.folded
    }

    /// Equal when the folded forms are.
    public static func == (lhs: Perspective, rhs: Perspective) -> Bool { lhs.key == rhs.key }
    /// Hashes the folded form, as `==` compares it.
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    /// By folded form.
    public static func < (lhs: Perspective, rhs: Perspective) -> Bool { lhs.key < rhs.key }
}
