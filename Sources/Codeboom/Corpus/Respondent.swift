/// A person who speaks as a source of the study's data; may appear in several documents.
public struct Respondent: Sendable, Equatable, Identifiable {
    /// The respondent id, as reports cite it.
    public var id: String
    /// Perspective as first written; compare with `Perspective.key`.
    public var perspective: String?
    /// Ids of the documents the respondent speaks in, in corpus order.
    public var documentIDs: [String]
}
