/// How a report's text names the groups its columns are: the perspectives, or with `report --by` the values of
/// another variable ("per type", "per organisatie", and "per jaar" for `datum`, which is grouped by year).
///
/// Grouped by perspective every phrase is the one the report always had. Grouped by another variable the
/// phrases avoid "elk"/"elke" (whether a variable's name is a de-word or a het-word is not known) and speak
/// of "groepen" and of "respondenten met type focusgroep", "respondenten uit 2016".
public struct GroupWording: Sendable, Equatable {
    /// The grouping variable's name as the project writes it; nil for the perspectives.
    public let variable: String?
    /// Whether the groups are the years of `datum`.
    let isYear: Bool

    /// The wording of the perspectives.
    public static let perspective = GroupWording(variable: nil, isYear: false)

    /// The wording of `grouping`'s groups; nil (or `perspectief`) is ``perspective``.
    public init(grouping: GroupingVariable?) {
        guard let grouping, !grouping.isPerspectiveVariable else {
            self = .perspective
            return
        }
        self.init(variable: grouping.name, isYear: grouping.isYear)
    }

    init(variable: String?, isYear: Bool) {
        self.variable = variable
        self.isYear = isYear
    }

    /// Whether the groups are the perspectives.
    public var isPerspective: Bool { variable == nil }

    /// The noun that names one group's variable: "perspectief", "type", "jaar" (for `datum`), "organisatie".
    public var noun: String { isYear ? "jaar" : (variable ?? "perspectief") }

    /// "per perspectief", "per type", "per jaar".
    public var per: String { "per \(noun)" }

    /// How many respondents "van elk perspectief" raise something; grouped, "per type".
    public var ofEach: String { isPerspective ? "van elk perspectief" : per }

    /// "n respondenten van de N in dat perspectief"; grouped, "in die groep".
    public var inThat: String { isPerspective ? "in dat perspectief" : "in die groep" }

    /// "Aandeel van de respondenten in het perspectief"; grouped, "in de groep".
    public var inThe: String { isPerspective ? "in het perspectief" : "in de groep" }

    /// "Alle perspectieven"; grouped, "Alle groepen".
    public var all: String { isPerspective ? "Alle perspectieven" : "Alle groepen" }

    /// A list of the groups' names: "Perspectieven"; grouped, "Groepen (type)".
    public var listTitle: String { isPerspective ? "Perspectieven" : "Groepen (\(noun))" }

    /// The name of the column that lists the groups: "Perspectief", "Type", "Jaar".
    public var columnHeader: String { noun.capitalisingFirstLetter }

    /// The respondents of one group in a sentence, without article: a perspective's name ("cliënt") or its
    /// plural ("cliënten"); grouped, "respondent met type interview", "respondenten uit 2016" or
    /// "respondenten zonder organisatie" (the column of those without a value, named "zonder organisatie").
    public func respondents(of group: Perspective, singular: Bool) -> String {
        if isPerspective { return singular ? group.name : PerspectiveNoun.plural(of: group.name) }
        let who = singular ? "respondent" : "respondenten"
        if group.name.hasPrefix("zonder ") { return "\(who) \(group.name)" }
        return isYear ? "\(who) uit \(group.name)" : "\(who) met \(noun) \(group.name)"
    }
}

extension ReportContext {
    /// How this report names its columns' groups (``GroupWording``).
    public var wording: GroupWording { GroupWording(grouping: grouping) }
}
