/// The kind of a document; it decides how speakers become respondents.
public enum DocumentType: String, Sendable, Hashable, CaseIterable {
    case interview
    case focusgroep
    case notities

    /// Accepts the Dutch words and their common English twins.
    public init?(attribute: String) {
        switch attribute.folded {
        case "interview": self = .interview
        case "focusgroep", "focus group", "focusgroup", "groepsinterview": self = .focusgroep
        case "notities", "notes", "notitie", "verslag": self = .notities
        default: return nil
        }
    }
}
