/// The kind of a document; it decides how speakers become respondents.
public enum DocumentType: String, Sendable, Hashable, CaseIterable {
    /// An interview with one respondent.
    case interview
    /// A focus group: several respondents, told apart by their labels.
    case focusgroep
    /// Notes or a report of a meeting (`notities`, `notes`, `verslag`).
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
