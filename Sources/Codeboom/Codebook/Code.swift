/// One node of the code tree: a category (depth 0), a code, or a sub-code.
public struct Code: Sendable, Equatable, Identifiable {
    /// Unique, stable id: from `{#id}` or the slug of the label.
    public var id: String
    /// The heading's text, as reports print it.
    public var label: String
    /// 0 for a category (`##`), 1 for a code (`###`), 2 and deeper for sub-codes.
    public var depth: Int
    /// The id of the code one level up; nil for a category.
    public var parentID: String?
    /// The ids of the codes one level down, in codebook order.
    public var childIDs: [String] = []
    /// Markdown description: what the code covers and when not to use it.
    public var description: String
    /// Attribute lines as written (`key` lower-cased), kept so extensions need no format change.
    public var attributes: [String: String]
    /// The deelvragen this code answers; inherited from the parent when not given.
    public var deelvragen: [Int]
    /// The WIFA dimension the code belongs to, from `wifa:`.
    public var wifa: WIFADimension?
    /// The one line a results table prints for the theme (`samenvatting:`), when the codebook gives one.
    public var summary: String? = nil
    /// Where the heading stands, for messages.
    public var location: SourceLocation
    /// Where each attribute's value starts, for messages about rules.
    public var attributeLocations: [String: SourceLocation] = [:]

    /// Whether the code is a category (a `##` heading).
    public var isCategory: Bool { depth == 0 }
}
