/// The charts of a report, as SVG files in `figuren/`: per deelvraag a grouped bar chart of its themes ×
/// perspectives, the WIFA chart (when the codebook has `wifa:` codes) and a heat map of every code ×
/// perspective. Each is a pure function of the counts; text from the project is pseudonymised, then escaped.
public enum ReportFigures {
    /// The folder of the charts inside the report folder.
    public static let folder = "figuren"

    /// One chart.
    public struct Figure: Sendable, Equatable {
        /// Path inside the report folder (`figuren/deelvraag-1.svg`).
        public var file: String
        /// Its title (the SVG's `<title>`, the alternative text of the image in Markdown).
        public var title: String
        /// Every number of the chart in words (the SVG's `<desc>`).
        public var description: String
        /// The SVG document.
        public var svg: String
    }

    /// `figuren/deelvraag-N.svg`.
    public static func deelvraagFile(_ number: Int) -> String { "\(folder)/deelvraag-\(number).svg" }
    /// `figuren/wifa.svg`.
    public static let wifaFile = "\(folder)/wifa.svg"
    /// `figuren/codes-per-perspectief.svg`.
    public static let heatMapFile = "\(folder)/codes-per-perspectief.svg"

    /// The title of deelvraag `number`'s chart.
    public static func deelvraagTitle(_ number: Int, _ wording: GroupWording = .perspective) -> String {
        "Deelvraag \(number): respondenten per thema en \(wording.noun)"
    }
    /// The WIFA chart's title.
    public static func wifaTitle(_ wording: GroupWording = .perspective) -> String { "WIFA-model: respondenten per dimensie en \(wording.noun)" }
    /// The heat map's title.
    public static func heatMapTitle(_ wording: GroupWording = .perspective) -> String { "Alle codes: respondenten \(wording.per)" }

    /// Every chart of the report, in page order. `idPrefix` keeps ids apart when several charts share a page.
    public static func figures(_ context: ReportContext) -> [Figure] {
        var figures: [Figure] = []
        for number in context.codebook.deelvraagNumbers where !context.themes(answering: number).isEmpty {
            figures.append(deelvraagChart(number, context: context))
        }
        if WIFAPage.applies(to: context.codebook) { figures.append(wifaChart(context)) }
        figures.append(heatMap(context))
        return figures
    }

    /// `![title](figuren/….svg)` for a Markdown page, with a pointer to the table that holds the same numbers.
    static func markdownImage(file: String, title: String) -> String {
        "![\(MarkdownText.link(title)) (de cijfers staan in de tabel hierbij)](\(file))"
    }

    static func columns(_ context: ReportContext) -> [Perspective?] { context.columns.map { $0 } + [nil] }

    static func seriesNames(_ context: ReportContext) -> [String] {
        columns(context).map { pseudonymised(context.header(for: $0), context) }
    }

    static func pseudonymised(_ text: String, _ context: ReportContext) -> String {
        context.project.pseudonyms.apply(to: text)
    }

    /// "cliënt 3 van 4, …, totaal 8 van 14" for a description.
    static func spoken(_ bars: [GroupedBarChart.Bar], _ context: ReportContext) -> String {
        zip(columns(context), bars).map { perspective, bar in
            let name = perspective.map { $0.name.isEmpty ? "zonder perspectief" : $0.name } ?? "totaal"
            return "\(pseudonymised(name, context)) \(bar.count) van \(bar.total)"
        }.joined(separator: ", ")
    }

    static func deelvraagChart(_ number: Int, context: ReportContext) -> Figure {
        let groups = context.themes(answering: number).map { theme in
            GroupedBarChart.Group(label: "\(context.numbers[theme.id] ?? ""). \(pseudonymised(theme.label, context))",
                                  bars: columns(context).map { bar(context.row(theme.id, $0), size: context.size(of: $0)) })
        }
        let question = context.codebook.deelvraagQuestions[number].map { " (\(pseudonymised($0, context)))" } ?? ""
        let description = "Staafdiagram bij deelvraag \(number)\(question): per thema het aandeel respondenten \(context.wording.ofEach) "
            + "dat het thema noemt (n van N). " + groups.map { "\($0.label): \(spoken($0.bars, context))." }.joined(separator: " ")
        let title = deelvraagTitle(number, context.wording)
        let chart = GroupedBarChart(title: title, description: description, series: seriesNames(context), lastIsTotal: true,
                                    groups: groups, axisLabel: "Aandeel van de respondenten \(context.wording.inThe)",
                                    idPrefix: "deelvraag-\(number)")
        return Figure(file: deelvraagFile(number), title: title, description: description, svg: chart.svg())
    }

    static func wifaChart(_ context: ReportContext) -> Figure {
        let groups = WIFADimension.allCases.map { dimension in
            let codes = WIFAPage.codes(of: dimension, context: context)
            return GroupedBarChart.Group(label: dimension.name, bars: columns(context).map {
                GroupedBarChart.Bar(count: WIFAPage.respondents(of: codes, in: $0, context: context).count, total: context.size(of: $0))
            })
        }
        let description = "Staafdiagram van het WIFA-model: per dimensie het aandeel respondenten \(context.wording.ofEach) met minstens "
            + "één fragment in een code van die dimensie (n van N). " + groups.map { "\($0.label): \(spoken($0.bars, context))." }.joined(separator: " ")
        let chart = GroupedBarChart(title: wifaTitle(context.wording), description: description, series: seriesNames(context), lastIsTotal: true,
                                    groups: groups, axisLabel: "Aandeel van de respondenten \(context.wording.inThe)", idPrefix: "wifa")
        return Figure(file: wifaFile, title: wifaTitle(context.wording), description: description, svg: chart.svg())
    }

    static func heatMap(_ context: ReportContext) -> Figure {
        let rows = context.codebook.codes.map { code in
            let number = context.numbers[code.id].map { "\($0). " } ?? ""
            return HeatMap.Row(label: number + pseudonymised(code.label, context), depth: code.depth,
                               cells: columns(context).map { bar(context.row(code.id, $0), size: context.size(of: $0)) })
        }
        let description = "Heatmap van het hele codeboek: per code (rij) en \(context.wording.noun) (kolom) hoeveel respondenten de code hebben "
            + "(n van N); hoe donkerder de cel, hoe groter het aandeel. " + rows.map { "\($0.label): \(spoken($0.cells, context))." }.joined(separator: " ")
        let map = HeatMap(title: heatMapTitle(context.wording), description: description, columns: seriesNames(context), rows: rows, idPrefix: "codes")
        return Figure(file: heatMapFile, title: heatMapTitle(context.wording), description: description, svg: map.svg())
    }

    static func bar(_ row: FrequencyTable.Row, size: Int) -> GroupedBarChart.Bar {
        GroupedBarChart.Bar(count: row.respondents, total: size)
    }
}
