/// `rapport.docx`: the report as a Word document for a thesis — Word's heading styles (so a table of contents
/// finds them), the results table and the deelvraag tables as real Word tables, the charts as SVG images with
/// a caption, and quotes in the Quote style with their source. Every text from the project is pseudonymised.
public enum WordReport {
    /// The file's name in the report folder.
    public static let fileName = "rapport.docx"

    /// The `.docx` file's bytes, byte-identical for the same context.
    public static func package(_ context: ReportContext, figures: [ReportFigures.Figure], agreement: AgreementTable? = nil) -> [UInt8] {
        WordDocumentWriter.package(document(context, figures: figures, agreement: agreement))
    }

    /// The document, before it is written.
    public static func document(_ context: ReportContext, figures: [ReportFigures.Figure], agreement: AgreementTable? = nil) -> WordDocument {
        var builder = WordReportBuilder(context: context, figures: figures)
        builder.build(agreement: agreement)
        return builder.document
    }
}

struct WordReportBuilder {
    let context: ReportContext
    let figures: [ReportFigures.Figure]
    let columns: [Perspective?]
    var document: WordDocument
    var figureNumber = 0

    init(context: ReportContext, figures: [ReportFigures.Figure]) {
        self.context = context
        self.figures = figures
        columns = context.columns.map { $0 } + [nil]
        document = WordDocument(title: context.project.pseudonyms.apply(to: context.codebook.title))
    }

    /// How the report names its columns' groups.
    var wording: GroupWording { context.wording }

    /// Project text, pseudonymised (the writer escapes it).
    func p(_ text: String) -> String { context.project.pseudonyms.apply(to: text) }

    func perspectiveName(_ perspective: Perspective) -> String { p(perspective.name.isEmpty ? "zonder perspectief" : perspective.name) }

    func countCells(_ code: String) -> [WordTableCell] {
        columns.map { WordTableCell("\(context.row(code, $0).respondents)/\(context.size(of: $0))", alignment: .end) }
    }

    /// "Cliënt" over "(N=4)", so that narrow number columns break there and not inside a word.
    var headerCells: [WordTableCell] {
        columns.map { WordTableCell(p(context.header(for: $0)).replacingOccurrences(of: " (N=", with: "\n(N="), alignment: .end) }
    }

    mutating func caption(_ text: String) {
        document.append(.paragraph(WordParagraph(style: .caption, runs: [WordRun(text)], keepWithNext: true)))
    }

    mutating func figure(_ file: String) {
        guard let figure = figures.first(where: { $0.file == file }) else { return }
        figureNumber += 1
        let size = Self.size(of: figure.svg)
        let name = String(file.split(separator: "/").last ?? "figuur.svg")
        let image = WordImage(fileName: name, svg: Array(figure.svg.utf8), width: size.width * 0.75, height: size.height * 0.75,
                              description: figure.description)
        document.append(.paragraph(WordParagraph(runs: [WordRun(image: image)], keepWithNext: true)))
        document.append(.paragraph(WordParagraph(style: .caption, runs: [WordRun("Figuur \(figureNumber). \(figure.title).")])))
    }

    /// The `width` and `height` of our own SVG's root element, in pixels.
    static func size(of svg: String) -> (width: Double, height: Double) {
        func attribute(_ name: String) -> Double {
            guard let start = svg.range(of: " \(name)=\"") else { return 100 }
            let rest = svg[start.upperBound...]
            return Double(rest.prefix { $0 != "\"" }) ?? 100
        }
        return (attribute("width"), attribute("height"))
    }

    mutating func build(agreement: AgreementTable?) {
        let project = context.project
        document.paragraph(p(context.codebook.title), style: .title)
        var lead = "Rapportage gemaakt met Codeboom uit \(p(context.codebook.file)) en Corpus/. Codering: \(p(CoderWording.words(for: context.coder)))."
        if let date = context.date { lead = "Datum: \(p(date)). " + lead }
        document.paragraph(lead)
        // A filtered or regrouped report says so first, in the words its Markdown pages use.
        for sentence in AnalysisScope.sentences(conditions: context.conditions, grouping: context.grouping) {
            document.append(.paragraph(WordParagraph(runs: [WordRun(p(sentence), italic: true)])))
        }

        document.paragraph("Overzicht", style: .heading1)
        var byType: [String: Int] = [:]
        for item in project.documents { byType[item.type?.rawValue ?? "zonder type", default: 0] += 1 }
        caption("Tabel: documenten per type")
        document.append(.table(WordTable(rows: [[WordTableCell("Type"), WordTableCell("Documenten", alignment: .end)]]
            + byType.sorted { $0.key < $1.key }.map { [WordTableCell(p($0.key)), WordTableCell(String($0.value), alignment: .end)] }
            + [[WordTableCell("totaal", bold: true), WordTableCell(String(project.documents.count), bold: true, alignment: .end)]],
            columnWidths: [3, 1])))
        caption("Tabel: respondenten \(p(wording.per))")
        document.append(.table(WordTable(rows: [[WordTableCell(p(context.columnHeader)), WordTableCell("Respondenten", alignment: .end)]]
            + context.columns.map { [WordTableCell(perspectiveName($0)), WordTableCell(String(context.respondents(in: $0).count), alignment: .end)] }
            + [[WordTableCell("totaal", bold: true), WordTableCell(String(project.respondents.count), bold: true, alignment: .end)]],
            columnWidths: [3, 1])))

        resultsTable()
        for number in context.codebook.deelvraagNumbers { deelvraag(number) }
        if WIFAPage.applies(to: context.codebook) { wifa() }
        codeTree()
        quotes()
        if let agreement { self.agreement(agreement) }
    }

    mutating func resultsTable() {
        let codebook = context.codebook
        document.append(.pageBreak)
        document.paragraph("Tabel met resultaten", style: .heading1)
        document.paragraph("Per thema staat hoeveel respondenten \(p(wording.ofEach)) het thema naar voren brachten (n/N: n respondenten van de N \(wording.inThat)).")
        for category in codebook.categories {
            document.paragraph(p(category.label), style: .heading2)
            if !category.deelvragen.isEmpty {
                let questions = category.deelvragen.map { number in
                    "deelvraag \(number)" + (codebook.deelvraagQuestions[number].map { ": \($0)" } ?? "")
                }
                document.append(.paragraph(WordParagraph(runs: [WordRun(p(questions.joined(separator: "; ").capitalisingFirstLetter), italic: true)])))
            }
            var rows = [[WordTableCell("Nr.", alignment: .end), WordTableCell("Thema"), WordTableCell("Omschrijving")] + headerCells]
            for theme in context.themes(in: category) {
                rows.append([WordTableCell(context.numbers[theme.id] ?? "", alignment: .end), WordTableCell(p(theme.label), bold: true),
                             WordTableCell(p(context.summary(of: theme)))] + countCells(theme.id))
                for child in theme.childIDs.compactMap({ codebook.code(id: $0) }) {
                    rows.append([WordTableCell(context.numbers[child.id] ?? "", alignment: .end), WordTableCell("\u{2003}" + p(child.label)),
                                 WordTableCell(p(context.summary(of: child)))] + countCells(child.id))
                }
            }
            rows.append([WordTableCell(""), WordTableCell("\(p(category.label)), samen", italic: true), WordTableCell("")]
                        + countCells(category.id).map { var cell = $0; cell.runs = cell.runs.map { var run = $0; run.italic = true; return run }; return cell })
            caption("Tabel: \(p(category.label)), respondenten per thema en \(p(wording.noun))")
            document.append(.table(WordTable(rows: rows, columnWidths: [0.5, 2.0, 1.8] + columns.map { _ in 1.6 })))
        }
    }

    mutating func deelvraag(_ number: Int) {
        document.paragraph("Deelvraag \(number)", style: .heading1)
        if let question = context.codebook.deelvraagQuestions[number] {
            document.append(.paragraph(WordParagraph(runs: [WordRun(p(question), bold: true)])))
        }
        let themes = context.themes(answering: number)
        guard !themes.isEmpty else {
            document.paragraph("Geen thema in het codeboek beantwoordt deze deelvraag.")
            return
        }
        figure(ReportFigures.deelvraagFile(number))
        caption("Tabel: deelvraag \(number), respondenten per thema en \(p(wording.noun)) (n/N)")
        document.append(.table(WordTable(rows: [[WordTableCell("Thema")] + headerCells]
            + themes.map { [WordTableCell("\(context.numbers[$0.id] ?? ""). \(p($0.label))")] + countCells($0.id) },
            columnWidths: [2.2] + columns.map { _ in 1.2 })))
    }

    mutating func wifa() {
        document.paragraph(p(WIFAPage.title(wording)), style: .heading1)
        document.paragraph("Per dimensie staat hoeveel respondenten \(p(wording.ofEach)) minstens één fragment hebben met een code van die dimensie.")
        figure(ReportFigures.wifaFile)
        var rows = [[WordTableCell("Dimensie")] + headerCells]
        for dimension in WIFADimension.allCases {
            let codes = WIFAPage.codes(of: dimension, context: context)
            rows.append([WordTableCell(dimension.name)] + columns.map {
                WordTableCell("\(WIFAPage.respondents(of: codes, in: $0, context: context).count)/\(context.size(of: $0))", alignment: .end)
            })
        }
        caption("Tabel: WIFA-dimensies, respondenten \(p(wording.per)) (n/N)")
        document.append(.table(WordTable(rows: rows, columnWidths: [2] + columns.map { _ in 1 })))
    }

    mutating func codeTree() {
        document.append(.pageBreak)
        document.paragraph("Codeboom met aantallen", style: .heading1)
        document.paragraph("Respondenten per code en \(p(wording.noun)) (n/N); een hoofdcode telt haar subcodes één keer mee.")
        figure(ReportFigures.heatMapFile)
        var rows = [[WordTableCell("Code")] + headerCells + [WordTableCell("Fragmenten", alignment: .end)]]
        for code in context.codebook.codes {
            let number = context.numbers[code.id].map { "\($0). " } ?? ""
            let indent = String(repeating: "\u{2003}", count: code.depth)
            rows.append([WordTableCell(indent + number + p(code.label), bold: code.isCategory)] + countCells(code.id)
                        + [WordTableCell(String(context.row(code.id, nil).segments), alignment: .end)])
        }
        caption("Tabel: het codeboek met respondenten \(p(wording.per))")
        document.append(.table(WordTable(rows: rows, columnWidths: [3.2] + columns.map { _ in 1 } + [1])))
    }

    mutating func quotes() {
        document.append(.pageBreak)
        document.paragraph("Citaten per thema", style: .heading1)
        document.paragraph("Per thema en \(p(wording.noun)) ten hoogste twee citaten van verschillende respondenten; namen zijn vervangen door pseudoniemen.")
        for theme in context.codebook.codes where theme.depth == 1 {
            let perPerspective = context.perspectives.map { ($0, context.quotes(for: theme.id, perspective: $0)) }.filter { !$0.1.isEmpty }
            guard !perPerspective.isEmpty else { continue }
            document.paragraph("\(context.numbers[theme.id] ?? ""). \(p(theme.label))", style: .heading2)
            for (perspective, quotes) in perPerspective {
                document.paragraph(p(context.header(for: perspective)), style: .heading3)
                for quote in quotes {
                    document.append(.paragraph(WordParagraph(style: .quote, runs: [
                        WordRun(p(QuotationMarks.quoted(quote.text))), WordRun(" " + p(quote.source), italic: false),
                    ])))
                }
            }
        }
    }

    mutating func agreement(_ table: AgreementTable) {
        let section = AgreementSection(table, codebook: context.codebook)
        document.paragraph(AgreementSection.title, style: .heading1)
        document.paragraph(section.introduction(p))
        func cells(_ row: AgreementSection.Row) -> [WordTableCell] { row.values.map { WordTableCell($0, alignment: .end) } }
        var rows = [AgreementSection.columnHeaders.enumerated().map { WordTableCell($0.element, alignment: $0.offset == 0 ? .start : .end) }]
        for row in section.rows { rows.append([WordTableCell(p(row.label))] + cells(row)) }
        rows.append([WordTableCell(section.total.label, bold: true)] + cells(section.total))
        caption("Tabel: \(AgreementSection.caption.lowercased())")
        document.append(.table(WordTable(rows: rows, columnWidths: [3, 1, 1.3, 1.2, 1.4])))
    }
}
