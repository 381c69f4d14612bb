/// The four dimensions of the WIFA model of cooperation between volunteers and professionals.
public enum WIFADimension: String, Sendable, CaseIterable, Comparable {
    /// Waardering (appreciation).
    case waardering = "W"
    /// Informeren (informing).
    case informeren = "I"
    /// Faciliteren (facilitating).
    case faciliteren = "F"
    /// Afstemming (coordination).
    case afstemming = "A"

    /// The Dutch name reports print.
    public var name: String {
        switch self {
        case .waardering: "Waardering"
        case .informeren: "Informeren"
        case .faciliteren: "Faciliteren"
        case .afstemming: "Afstemming"
        }
    }

    /// The verb of the model's name (Waarderen, Informeren, Faciliteren, Afstemmen), as codebooks also write it.
    public var verb: String {
        switch self {
        case .waardering: "Waarderen"
        case .informeren: "Informeren"
        case .faciliteren: "Faciliteren"
        case .afstemming: "Afstemmen"
        }
    }

    /// Accepts the letter, the name or the verb, any case, so `wifa: Afstemming` and `wifa: Afstemmen`
    /// work as well as `wifa: A`.
    public init?(attribute: String) {
        let value = attribute.folded
        guard let match = WIFADimension.allCases.first(where: {
            $0.rawValue.folded == value || $0.name.folded == value || $0.verb.folded == value
        })
        else { return nil }
        self = match
    }

    /// In the model's order: W, I, F, A.
    public static func < (lhs: WIFADimension, rhs: WIFADimension) -> Bool {
        lhs.order < rhs.order
    }

    /// The place in the model's order, from 0.
    private var order: Int {
        switch self {
        case .waardering: 0
        case .informeren: 1
        case .faciliteren: 2
        case .afstemming: 3
        }
    }
}
