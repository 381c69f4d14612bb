/// `perspectief-SLUG.md`: what one respondent group said, per deelvraag, in the words of a report
/// ("De meeste vrijwilligers (4 van 6) noemen …"), with quotes.
public enum PerspectivePage {
    /// `perspectief-SLUG.md`.
    public static func fileName(for perspective: Perspective, context: ReportContext) -> String {
        "perspectief-\(context.slug(of: perspective)).md"
    }

    /// The page of one perspective: what its respondents said, theme by theme, with quotes.
    public static func render(_ perspective: Perspective, context: ReportContext) -> String {
        // Everything from the project is escaped once here; the sentences below only add our own words.
        let plural = MarkdownText.text(context.plural(perspective))
        let singular = MarkdownText.text(perspective.name)
        let size = context.size(of: perspective)
        let respondents = context.project.respondents(in: perspective)
        let documents = Set(respondents.flatMap(\.documentIDs)).count
        // One respondent is "de enige cliënt", never "de 1 cliënt".
        let who = size == 1 ? "de enige \(singular)" : "de \(size) \(plural)"
        let howMany = size == 1 ? "of de \(singular) het noemde" : "hoeveel van hen het noemden"
        var lines = [
            "# Volgens de \(plural)",
            "",
            "Dit hoofdstuk beschrijft wat \(who) "
                + "(\(MarkdownText.text(respondents.map(\.id).joined(separator: ", ")))) in \(Counted.phrase(documents, "document", "documenten")) "
                + "naar voren \(size == 1 ? "bracht" : "brachten"), per \(DeelvraagGroups.byCategory(context) ? "categorie" : "deelvraag"). Per thema staat \(howMany), met citaten. \(CoderWording.line(for: context.coder))",
        ]
        for group in DeelvraagGroups.groups(context) {
            lines += ["", "## \(group.category.map { MarkdownText.text($0.label) } ?? context.deelvraagTitle(group.numbers))", ""]
            for number in group.numbers {
                if let question = context.codebook.deelvraagQuestions[number] { lines.append("*\(number). \(MarkdownText.text(question))*  ") }
            }
            if lines.last?.hasSuffix("  ") == true { lines[lines.count - 1].removeLast(2) }
            // A category has no question lines under its heading.
            if group.category != nil { lines.removeLast() }
            // Most respondents first; equal counts keep codebook order.
            let raised = group.themes.filter { context.row($0.id, perspective).respondents > 0 }
                .enumerated().sorted { first, second in
                    let a = context.row(first.element.id, perspective).respondents
                    let b = context.row(second.element.id, perspective).respondents
                    return a != b ? a > b : first.offset < second.offset
                }
                .map(\.element)
            if raised.isEmpty {
                lines += ["", "\(Quantifier.phrase(count: 0, of: size, singular: singular, plural: plural)) noemt een thema bij deze \(group.category == nil ? "deelvraag" : "categorie")."]
                continue
            }
            for theme in raised {
                let row = context.row(theme.id, perspective)
                let quantifier = Quantifier(count: row.respondents, of: size)
                let phrase = Quantifier.phrase(count: row.respondents, of: size, singular: singular, plural: plural)
                let verb = quantifier.takesSingularVerb(total: size) ? "noemt" : "noemen"
                lines += ["", "### \(context.numbers[theme.id] ?? ""). \(MarkdownText.text(theme.label))", "",
                          "\(phrase) \(verb) het thema *\(MarkdownText.text(theme.label.lowercasedFirst))* (\(Counted.phrase(row.segments, "fragment", "fragmenten")))."]
                let children = theme.childIDs.compactMap { context.codebook.code(id: $0) }
                    .map { ($0, context.row($0.id, perspective)) }.filter { $0.1.respondents > 0 }
                if !children.isEmpty {
                    let parts = children.map { "*\(MarkdownText.text($0.0.label.lowercasedFirst))* (\($0.1.respondents) van \(size))" }
                    lines[lines.count - 1] += " Daarbinnen: " + parts.joined(separator: ", ") + "."
                }
                for quote in context.quotes(for: theme.id, perspective: perspective) {
                    lines += ["", "> \(MarkdownText.text(QuotationMarks.quoted(quote.text))) \(MarkdownText.text(quote.source))"]
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Deelvragen that share exactly the same themes are reported together ("Deelvraag 1 en 2"),
/// so a page never repeats a section.
enum DeelvraagGroups {
    struct Group {
        var numbers: [Int]
        var themes: [Code]
        /// The category the group is, when no code has a deelvraag.
        var category: Code? = nil
    }

    /// Whether the pages group themes by category: no code answers a deelvraag, so grouping by
    /// deelvraag would leave every page empty.
    static func byCategory(_ context: ReportContext) -> Bool {
        context.codebook.groupsByCategory
    }

    static func groups(_ context: ReportContext) -> [Group] {
        if byCategory(context) {
            return context.codebook.categories.map { Group(numbers: [], themes: context.themes(in: $0), category: $0) }
        }
        var groups: [Group] = []
        for number in context.codebook.deelvraagNumbers {
            let themes = context.themes(answering: number)
            if let last = groups.last, last.themes.map(\.id) == themes.map(\.id), !themes.isEmpty {
                groups[groups.count - 1].numbers.append(number)
            } else {
                groups.append(Group(numbers: [number], themes: themes))
            }
        }
        return groups
    }
}

extension String {
    /// "Een juiste match" → "een juiste match", but acronyms like "WIFA" stay.
    var lowercasedFirst: String {
        guard let first = first, first.isUppercase else { return self }
        let second = dropFirst().first
        if let second, second.isUppercase { return self }
        return first.lowercased() + dropFirst()
    }
}
