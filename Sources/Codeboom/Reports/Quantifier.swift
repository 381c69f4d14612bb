/// The quantifier words Dutch research reports use, chosen from exact counts so a sentence never
/// says more than the numbers do.
///
/// The scale, from weak to strong (n of N respondents):
/// - `geen van de` — n = 0 (`geen` with the singular noun when N = 1: "geen cliënt")
/// - `één van de` — n = 1 (N > 1)
/// - `enkele` — 2 ≤ n and n < N/2
/// - `de helft van de` — n = N/2
/// - `de meeste` — N/2 < n < N
/// - `beide` — n = N = 2; `alle` — n = N > 2; `de enige` — n = N = 1
public enum Quantifier: Int, Sendable, Comparable, CaseIterable {
    /// None of them.
    case none = 0
    /// Exactly one.
    case one
    /// More than one, fewer than half.
    case some
    /// Exactly half.
    case half
    /// More than half, not all.
    case most
    /// All of them.
    case all

    /// The word for `count` of `total`. A count outside 0...total (which a frequency table never
    /// gives) is read as the nearest bound, so no input can stop a report here.
    public init(count: Int, of total: Int) {
        let n = min(max(count, 0), max(total, 0))
        if n == 0 {
            self = .none
        } else if n == total {
            self = .all
        } else if n == 1 {
            self = .one
        } else if 2 * n == total {
            self = .half
        } else if 2 * n > total {
            self = .most
        } else {
            self = .some
        }
    }

    /// The words before the plural noun, e.g. "de meeste" in "de meeste vrijwilligers".
    public func words(total: Int) -> String {
        switch self {
        case .none: total == 1 ? "geen" : "geen van de"
        case .one: "één van de"
        case .some: "enkele"
        case .half: "de helft van de"
        case .most: "de meeste"
        case .all: total == 1 ? "de enige" : total == 2 ? "beide" : "alle"
        }
    }

    /// Whether the verb after the phrase is singular ("één van de vrijwilligers noemt").
    public func takesSingularVerb(total: Int) -> Bool {
        self == .none || self == .one || (self == .all && total == 1)
    }

    /// "De meeste vrijwilligers (4 van 6)", with the noun singular where Dutch wants it: "de enige
    /// cliënt (1 van 1)", "geen cliënt (0 van 1)".
    public static func phrase(count n: Int, of total: Int, singular: String, plural: String, capitalised: Bool = true) -> String {
        let quantifier = Quantifier(count: n, of: total)
        let noun = total == 1 ? singular : plural
        let text = "\(quantifier.words(total: total)) \(noun) (\(n) van \(total))"
        guard capitalised else { return text }
        return text.capitalisingFirstLetter
    }

    /// From none to all.
    public static func < (lhs: Quantifier, rhs: Quantifier) -> Bool { lhs.rawValue < rhs.rawValue }
}
