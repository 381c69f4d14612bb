/// Singular and plural of a perspective's name, for sentences like "de meeste vrijwilligers".
public enum PerspectiveNoun {
    /// Plurals of the perspectives studies in social work use; other names follow simple Dutch rules.
    static let knownPlurals: [String: String] = [
        "client": "cliënten", "vrijwilliger": "vrijwilligers", "professional": "professionals",
        "coordinator": "coördinatoren", "vrijwilligerscoordinator": "vrijwilligerscoördinatoren",
        "jongere": "jongeren", "ouder": "ouders", "gezin": "gezinnen", "mantelzorger": "mantelzorgers",
        "maatschappelijk werker": "maatschappelijk werkers", "wijkteam": "wijkteams", "manager": "managers",
    ]

    /// The Dutch plural of a perspective's name (`vrijwilliger` → `vrijwilligers`), for sentences.
    public static func plural(of name: String) -> String {
        if let known = knownPlurals[name.folded] { return known }
        let lower = name.lowercased()
        if ["er", "el", "em", "en", "je", "ie", "al", "ar"].contains(where: { lower.hasSuffix($0) }) { return name + "s" }
        if lower.hasSuffix("e") { return name + "n" }
        if lower.hasSuffix("or") { return name + "en" }
        return name + "en"
    }
}
