import Dispatch

/// What every report page needs: the project, the counts of one coder, and the numbering of themes.
public struct ReportContext: Sendable {
    /// The project the report is about.
    public var project: Project
    /// The counts of `coder`'s codings.
    public var table: FrequencyTable
    /// The coder whose codings the report counts.
    public var coder: String
    /// Themes (depth 1) numbered 1… across categories; sub-codes as "10.1".
    public var numbers: [String: String]
    /// Optional date printed on the index; reports carry no timestamp otherwise.
    public var date: String?
    /// `--where`: the conditions the project was filtered by, which every page states first.
    public var conditions: [FilterCondition] = []
    /// `--by`: the variable whose groups are the table's columns instead of the perspectives; the
    /// pages about perspectives are then left out. Set by ``init(project:coder:date:printedLengths:grouping:)``,
    /// which counts and chooses quotes per group.
    public private(set) var grouping: GroupingVariable? = nil
    /// Whether the report draws its charts (`figuren/`), so that pages show them.
    public var drawsFigures = true
    /// The quotes of each theme (by id) and perspective or group (by key), chosen and read once for all pages.
    private var quotesByTheme: [String: [String: [Quote]]]

    /// The counts, numbering and quotes of a report. `printedLengths` (per document in project order,
    /// ``QuoteSelector/printedLengths(of:)``) lets quotes be chosen without reading any text; then
    /// only the segments chosen are read again, for their words.
    ///
    /// With `grouping` (`--by`, a variable other than `perspectief`) the columns are that variable's
    /// groups (``FrequencyTable/init(project:coder:groupedBy:)``) and each theme's quotes are chosen
    /// per group, by the same rule as per perspective.
    public init(project: Project, coder: String, date: String? = nil, printedLengths: [[Int]]? = nil, grouping: GroupingVariable? = nil) {
        self.project = project
        self.coder = coder
        self.date = date
        // By perspectief the report is the usual one.
        let grouping = grouping.flatMap { $0.isPerspectiveVariable ? nil : $0 }
        self.grouping = grouping
        // The counts and the quote candidates are gathered at once, on two cores: neither needs the other.
        let candidates = QuoteSelectorBox()
        let gathered = DispatchGroup()
        DispatchQueue.global().async(group: gathered) {
            candidates.selector = QuoteSelector(project: project, coder: coder, printedLengths: printedLengths, grouping: grouping)
        }
        table = grouping.map { FrequencyTable(project: project, coder: coder, groupedBy: $0) } ?? FrequencyTable(project: project, coder: coder)
        gathered.wait()
        numbers = Self.themeNumbers(of: project.codebook)
        // Every theme a page can quote (those answering a deelvraag, or all when pages group by category), in every perspective.
        let selector = candidates.selector ?? QuoteSelector(project: project, coder: coder, printedLengths: printedLengths, grouping: grouping)
        var choices: [(theme: String, perspective: Perspective, choices: [QuoteSelector.Choice])] = []
        for perspective in table.perspectives {
            for theme in project.codebook.codes where theme.depth == 1 && (!theme.deelvragen.isEmpty || project.codebook.groupsByCategory) {
                let chosen = selector.choices(for: project.codebook.subtree(of: theme.id), perspective: perspective)
                if !chosen.isEmpty { choices.append((theme.id, perspective, chosen)) }
            }
        }
        let texts = QuoteSelector.quoteTexts(of: choices.flatMap(\.choices), in: project)
        var quotesByTheme: [String: [String: [Quote]]] = [:]
        for entry in choices {
            quotesByTheme[entry.theme, default: [:]][entry.perspective.key] = entry.choices.compactMap { selector.quote($0, text: texts[$0]) }
        }
        self.quotesByTheme = quotesByTheme
    }

    /// Themes (depth 1) numbered 1… across categories, their sub-codes "10.1", as the report numbers them.
    public static func themeNumbers(of codebook: Codebook) -> [String: String] {
        var numbers: [String: String] = [:]
        var themeNumber = 0
        for code in codebook.codes where code.depth == 1 {
            themeNumber += 1
            numbers[code.id] = String(themeNumber)
            var subNumber = 0
            for child in code.childIDs {
                subNumber += 1
                numbers[child] = "\(themeNumber).\(subNumber)"
            }
        }
        return numbers
    }

    /// The quotes of a theme (with its sub-codes) in one perspective (with `--by`, one group), at most two.
    public func quotes(for theme: String, perspective: Perspective) -> [Quote] {
        quotesByTheme[theme]?[perspective.key] ?? []
    }

    /// The project's codebook.
    public var codebook: Codebook { project.codebook }
    /// The perspectives, in the table's order.
    public var perspectives: [Perspective] { table.perspectives }
    /// The columns of a table: the perspectives and, when someone has none, "zonder perspectief".
    public var columns: [Perspective] { table.columns }

    /// The themes (depth-1 codes) of a category, in codebook order.
    public func themes(in category: Code) -> [Code] {
        category.childIDs.compactMap { codebook.code(id: $0) }
    }

    /// Themes that answer a deelvraag.
    public func themes(answering deelvraag: Int) -> [Code] {
        codebook.codes.filter { $0.depth == 1 && $0.deelvragen.contains(deelvraag) }
    }

    /// The counts of `code` in `perspective` (nil: the total).
    public func row(_ code: String, _ perspective: Perspective?) -> FrequencyTable.Row {
        // The table has a row for every code and perspective; an empty row stands in for none.
        table.row(code: code, perspective: perspective)
            ?? FrequencyTable.Row(codeID: code, path: [code], perspective: perspective, segments: 0, documents: 0, respondents: 0,
                                  respondentsInPerspective: 0, respondentIDs: [])
    }

    /// Total respondents of a perspective (N), or of the whole study.
    public func size(of perspective: Perspective?) -> Int {
        table.rows.first { $0.perspective == perspective }?.respondentsInPerspective ?? 0
    }

    /// "Cliënt (N=4)" as a column header.
    public func header(for perspective: Perspective?) -> String {
        let name = perspective.map { ($0.name.isEmpty ? "zonder perspectief" : $0.name).capitalisingFirstLetter } ?? "Totaal"
        return "\(name) (N=\(size(of: perspective)))"
    }

    /// "cliënten", for sentences.
    public func plural(_ perspective: Perspective) -> String { PerspectiveNoun.plural(of: perspective.name) }

    /// The line a results table shows for a code (``ThemeSummary``): its `samenvatting:`, else its description's first sentence.
    public func summary(of code: Code) -> String { ThemeSummary.line(for: code) }

    /// "Deelvraag 3" or "Deelvraag 1 en 2", with questions.
    public func deelvraagTitle(_ numbers: [Int]) -> String {
        "Deelvraag " + numbers.map(String.init).joinedAsDutchList
    }

    /// The part of a perspective page's file name that names the perspective.
    public func slug(of perspective: Perspective) -> String { perspective.name.slug.isEmpty ? "zonder-perspectief" : perspective.name.slug }
}


/// The quote selector made on another thread; read only after that thread is done.
private final class QuoteSelectorBox: @unchecked Sendable {
    var selector: QuoteSelector?
}

/// Text as a Markdown table cell shows it (``MarkdownText/cell(_:)``).
func cell(_ text: String) -> String { MarkdownText.cell(text) }
