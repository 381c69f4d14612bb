/// `rapport.html`: the whole report as one file that opens from `file://` without a network — inline CSS, JS
/// and SVG, and a Content-Security-Policy that forbids every load from elsewhere. Sections: overview of the
/// study, the results table, per deelvraag its chart and table, the WIFA chart, the code tree with counts,
/// every theme's quotes with their sources, and the agreement between coders when there are several.
/// Filters (checkboxes) hide perspectives and document types; without JavaScript everything shows.
///
/// Every text from the project is pseudonymised, then escaped (``HTMLText``), so a transcript holding
/// `<script>` or `</table>` shows those characters.
public enum HTMLReport {
    /// The file's name in the report folder.
    public static let fileName = "rapport.html"

    /// The Content-Security-Policy: nothing from anywhere, except the file's own inline style and script.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
        + "base-uri 'none'; form-action 'none'"

    /// The page, byte-identical for the same context.
    public static func render(_ context: ReportContext, figures: [ReportFigures.Figure], agreement: AgreementTable? = nil) -> String {
        var page = HTMLPage(context: context, agreementTable: agreement)
        page.render(figures: figures)
        return page.html
    }
}

/// Text for HTML: `&`, `<`, `>`, `"` and `'` as entities (safe in text and in quoted attributes), characters
/// HTML cannot carry left out.
enum HTMLText {
    static func escaped(_ text: String) -> String { XMLEscaping.attribute(text) }
}

/// Builds the HTML of one report.
struct HTMLPage {
    let context: ReportContext
    var html = ""
    let columns: [Perspective?]
    let agreementTable: AgreementTable?

    init(context: ReportContext, agreementTable: AgreementTable?) {
        self.context = context
        self.agreementTable = agreementTable
        columns = context.columns.map { $0 } + [nil]
    }

    /// Project text: pseudonymised, then escaped.
    func h(_ text: String) -> String { HTMLText.escaped(context.project.pseudonyms.apply(to: text)) }

    mutating func add(_ line: String) { html += line + "\n" }

    /// The class a perspective's cells and quotes carry, for the filter.
    func perspectiveKey(_ perspective: Perspective?) -> String {
        guard let perspective else { return "totaal" }
        return "p-" + context.slug(of: perspective)
    }

    mutating func render(figures: [ReportFigures.Figure]) {
        let title = h(context.codebook.title)
        add("<!DOCTYPE html>")
        add(#"<html lang="nl">"#)
        add("<head>")
        add(#"<meta charset="utf-8">"#)
        add(#"<meta http-equiv="Content-Security-Policy" content="\#(HTMLReport.contentSecurityPolicy)">"#)
        add(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#)
        add(#"<meta name="referrer" content="no-referrer">"#)
        add("<title>\(title) — rapport</title>")
        add("<style>\n\(HTMLStyle.css)</style>")
        add("</head>")
        add("<body>")
        add(##"<a class="skip" href="#inhoud">Naar de inhoud</a>"##)
        add(#"<header><h1>\#(title)</h1>"#)
        var lead = "Rapportage gemaakt met Codeboom uit \(h(context.codebook.file)) en Corpus/. Codering: \(h(CoderWording.words(for: context.coder)))."
        if let date = context.date { lead = "Datum: \(h(date)). " + lead }
        // A filtered or regrouped report says so first, in the words its Markdown pages use.
        let scope = AnalysisScope.sentences(conditions: context.conditions, grouping: context.grouping)
        add("<p>\(lead)</p>" + scope.map { "\n<p><em>\(h($0))</em></p>" }.joined() + "</header>")
        navigation(figures: figures)
        filters()
        add(#"<main id="inhoud" tabindex="-1">"#)
        overview()
        resultsTable()
        deelvragen(figures: figures)
        if WIFAPage.applies(to: context.codebook), let figure = figures.first(where: { $0.file == ReportFigures.wifaFile }) {
            add(#"<section id="wifa" aria-labelledby="wifa-kop"><h2 id="wifa-kop">\#(h(WIFAPage.title(context.wording)))</h2>"#)
            self.figure(figure)
            add("</section>")
        }
        codeTree(figures: figures)
        quotes()
        agreement()
        add("</main>")
        add("<script>\n\(HTMLScript.javaScript)</script>")
        add("</body>")
        add("</html>")
    }

    var hasAgreement: Bool { agreementTable != nil }

    mutating func navigation(figures: [ReportFigures.Figure]) {
        var items = [("overzicht", "Overzicht"), ("resultaten", "Tabel met resultaten")]
        for number in context.codebook.deelvraagNumbers { items.append(("deelvraag-\(number)", "Deelvraag \(number)")) }
        if WIFAPage.applies(to: context.codebook) { items.append(("wifa", "WIFA-model")) }
        items += [("codeboom", "Codeboom met aantallen"), ("citaten", "Citaten per thema")]
        if hasAgreement { items.append(("overeenstemming", AgreementSection.title)) }
        add(#"<nav aria-label="Inhoud"><h2>Inhoud</h2><ul>"#)
        for (id, name) in items { add(##"<li><a href="#\##(id)">\##(name)</a></li>"##) }
        add("</ul></nav>")
    }

    mutating func filters() {
        // The filters only work with JavaScript, so the script shows them.
        add(#"<form class="filters" id="filters" hidden aria-label="Filters"><fieldset><legend>\#(h(context.wording.listTitle))</legend>"#)
        for perspective in context.columns {
            let key = perspectiveKey(perspective)
            add(#"<label><input type="checkbox" checked data-filter="perspectief" value="\#(key)"> \#(h(perspective.name.isEmpty ? "zonder perspectief" : perspective.name))</label>"#)
        }
        add(#"</fieldset><fieldset><legend>Documenttypen</legend>"#)
        for type in documentTypes {
            add(#"<label><input type="checkbox" checked data-filter="type" value="t-\#(HTMLText.escaped(type.slug.isEmpty ? "zonder-type" : type.slug))"> \#(h(type))</label>"#)
        }
        add(#"</fieldset><p class="filter-note" role="status" aria-live="polite"></p></form>"#)
    }

    var documentTypes: [String] {
        Array(Set(context.project.documents.map { $0.type?.rawValue ?? "zonder type" })).sorted()
    }

    func typeKey(ofDocument id: String) -> String {
        let type = context.project.document(id: id)?.type?.rawValue ?? "zonder type"
        return "t-" + (type.slug.isEmpty ? "zonder-type" : type.slug)
    }

    /// A header cell for a perspective column.
    func headerCell(_ perspective: Perspective?) -> String {
        #"<th scope="col" class="num \#(perspectiveKey(perspective))">\#(h(context.header(for: perspective)))</th>"#
    }

    func countCells(_ code: String) -> String {
        columns.map { perspective in
            let row = context.row(code, perspective)
            return #"<td class="num \#(perspectiveKey(perspective))">\#(row.respondents)/\#(context.size(of: perspective))</td>"#
        }.joined()
    }

    mutating func overview() {
        let project = context.project
        add(#"<section id="overzicht" aria-labelledby="overzicht-kop"><h2 id="overzicht-kop">Overzicht</h2>"#)
        add(#"<div class="side-by-side"><table><caption>Documenten per type</caption><thead><tr><th scope="col">Type</th><th scope="col" class="num">Documenten</th></tr></thead><tbody>"#)
        var byType: [String: Int] = [:]
        for document in project.documents { byType[document.type?.rawValue ?? "zonder type", default: 0] += 1 }
        for (type, count) in byType.sorted(by: { $0.key < $1.key }) {
            add(#"<tr><th scope="row">\#(h(type))</th><td class="num">\#(count)</td></tr>"#)
        }
        add(#"</tbody><tfoot><tr><th scope="row">totaal</th><td class="num">\#(project.documents.count)</td></tr></tfoot></table>"#)
        add(#"<table><caption>Respondenten \#(h(context.wording.per))</caption><thead><tr><th scope="col">\#(h(context.columnHeader))</th><th scope="col" class="num">Respondenten</th></tr></thead><tbody>"#)
        for perspective in context.columns {
            add(#"<tr class="\#(perspectiveKey(perspective))"><th scope="row">\#(h(perspective.name.isEmpty ? "zonder perspectief" : perspective.name))</th><td class="num">\#(context.respondents(in: perspective).count)</td></tr>"#)
        }
        add(#"</tbody><tfoot><tr><th scope="row">totaal</th><td class="num">\#(project.respondents.count)</td></tr></tfoot></table>"#)
        add(#"<table><caption>Codeurs</caption><thead><tr><th scope="col">Codeur</th><th scope="col" class="num">Coderingen</th><th scope="col" class="num">Documenten</th></tr></thead><tbody>"#)
        let coders = project.codings.coderNames
        var codings = Array(repeating: 0, count: coders.count)
        var documents = Array(repeating: Set<Int32>(), count: coders.count)
        for entry in project.codings.entries {
            codings[Int(entry.coder)] += 1
            documents[Int(entry.coder)].insert(entry.document)
        }
        for (index, coder) in coders.enumerated().sorted(by: { $0.element < $1.element }) {
            let shown = CoderWording.words(for: coder)
            let marker = coder == context.coder ? " (dit rapport)" : ""
            add(#"<tr><th scope="row">\#(h(shown))\#(marker)</th><td class="num">\#(codings[index])</td><td class="num">\#(documents[index].count)</td></tr>"#)
        }
        add("</tbody></table></div>")
        add("<p>Het codeboek heeft \(Counted.phrase(context.codebook.categories.count, "categorie", "categorieën")) en "
            + "\(Counted.phrase(context.codebook.codes.filter { $0.depth == 1 }.count, "thema", "thema's")).</p>")
        add("</section>")
    }

    mutating func resultsTable() {
        let codebook = context.codebook
        add(#"<section id="resultaten" aria-labelledby="resultaten-kop"><h2 id="resultaten-kop">Tabel met resultaten</h2>"#)
        add("<p>Per thema staat hoeveel respondenten \(h(context.wording.ofEach)) het thema naar voren brachten (n/N: n respondenten van de N \(context.wording.inThat)).</p>")
        for category in codebook.categories {
            add(#"<h3>\#(h(category.label))</h3>"#)
            if !category.deelvragen.isEmpty {
                let questions = category.deelvragen.map { number in
                    "deelvraag \(number)" + (codebook.deelvraagQuestions[number].map { ": \($0)" } ?? "")
                }
                add("<p><em>\(h(questions.joined(separator: "; ").capitalisingFirstLetter))</em></p>")
            }
            add(#"<div class="scroll"><table class="results"><caption>\#(h(category.label)): respondenten per thema en \#(h(context.wording.noun))</caption>"#)
            add(#"<thead><tr><th scope="col" class="num">Nr.</th><th scope="col">Thema</th><th scope="col">Omschrijving</th>\#(columns.map(headerCell).joined())</tr></thead><tbody>"#)
            for theme in context.themes(in: category) {
                add(#"<tr class="theme"><td class="num">\#(context.numbers[theme.id] ?? "")</td><th scope="row">\#(h(theme.label))</th><td>\#(h(context.summary(of: theme)))</td>\#(countCells(theme.id))</tr>"#)
                for child in theme.childIDs.compactMap({ codebook.code(id: $0) }) {
                    add(#"<tr class="sub"><td class="num">\#(context.numbers[child.id] ?? "")</td><th scope="row">\#(h(child.label))</th><td>\#(h(context.summary(of: child)))</td>\#(countCells(child.id))</tr>"#)
                }
            }
            add(#"</tbody><tfoot><tr><td></td><th scope="row">\#(h(category.label)), samen</th><td></td>\#(countCells(category.id))</tr></tfoot></table></div>"#)
        }
        add("</section>")
    }

    mutating func figure(_ figure: ReportFigures.Figure) {
        add(#"<figure class="chart">"#)
        add(figure.svg.trimmingCharacters(in: .newlines))
        add("<figcaption>\(HTMLText.escaped(figure.title)). De cijfers staan ook in de tabel hierbij.</figcaption></figure>")
    }

    mutating func deelvragen(figures: [ReportFigures.Figure]) {
        for number in context.codebook.deelvraagNumbers {
            add(#"<section id="deelvraag-\#(number)" aria-labelledby="deelvraag-\#(number)-kop"><h2 id="deelvraag-\#(number)-kop">Deelvraag \#(number)</h2>"#)
            if let question = context.codebook.deelvraagQuestions[number] { add("<p><strong>\(h(question))</strong></p>") }
            let themes = context.themes(answering: number)
            if themes.isEmpty {
                add("<p>Geen thema in het codeboek beantwoordt deze deelvraag.</p></section>")
                continue
            }
            add(#"<div class="figure-table">"#)
            if let figure = figures.first(where: { $0.file == ReportFigures.deelvraagFile(number) }) { self.figure(figure) }
            add(#"<div class="scroll"><table><caption>Deelvraag \#(number): respondenten per thema en \#(h(context.wording.noun)) (n/N)</caption>"#)
            add(#"<thead><tr><th scope="col">Thema</th>\#(columns.map(headerCell).joined())</tr></thead><tbody>"#)
            for theme in themes {
                add(#"<tr><th scope="row">\#(context.numbers[theme.id] ?? ""). \#(h(theme.label))</th>\#(countCells(theme.id))</tr>"#)
            }
            add("</tbody></table></div></div>")
            add("</section>")
        }
    }

    mutating func codeTree(figures: [ReportFigures.Figure]) {
        add(#"<section id="codeboom" aria-labelledby="codeboom-kop"><h2 id="codeboom-kop">Codeboom met aantallen</h2>"#)
        add("<p>Respondenten per code en \(h(context.wording.noun)) (n/N); een hoofdcode telt haar subcodes één keer mee.</p>")
        if let figure = figures.first(where: { $0.file == ReportFigures.heatMapFile }) {
            add("<details><summary>Heatmap van alle codes</summary>")
            self.figure(figure)
            add("</details>")
        }
        add(#"<div class="scroll"><table class="tree"><caption>Het codeboek met het aantal respondenten \#(h(context.wording.per)) en het aantal gecodeerde fragmenten</caption>"#)
        add(#"<thead><tr><th scope="col">Code</th><th scope="col">Id</th>\#(columns.map(headerCell).joined())<th scope="col" class="num">Fragmenten</th></tr></thead><tbody>"#)
        for code in context.codebook.codes {
            let number = context.numbers[code.id].map { "\($0). " } ?? ""
            add(#"<tr class="depth-\#(min(code.depth, 4))"><th scope="row">\#(number)\#(h(code.label))</th><td><code>\#(h(code.id))</code></td>\#(countCells(code.id))<td class="num">\#(context.row(code.id, nil).segments)</td></tr>"#)
        }
        add("</tbody></table></div></section>")
    }

    mutating func quotes() {
        add(#"<section id="citaten" aria-labelledby="citaten-kop"><h2 id="citaten-kop">Citaten per thema</h2>"#)
        add("<p>Per thema en \(h(context.wording.noun)) ten hoogste twee citaten van verschillende respondenten; namen zijn vervangen door pseudoniemen. "
            + "Klik op de bron voor het document, het fragment en de respondent.</p>")
        var any = false
        for theme in context.codebook.codes where theme.depth == 1 {
            let perQuote = context.perspectives.map { ($0, context.quotes(for: theme.id, perspective: $0)) }.filter { !$0.1.isEmpty }
            guard !perQuote.isEmpty else { continue }
            any = true
            let number = context.numbers[theme.id] ?? ""
            add(#"<article class="theme-quotes" id="thema-\#(HTMLText.escaped(theme.id.slug))" aria-labelledby="thema-\#(HTMLText.escaped(theme.id.slug))-kop">"#)
            add(#"<h3 id="thema-\#(HTMLText.escaped(theme.id.slug))-kop">\#(number). \#(h(theme.label))</h3>"#)
            for (perspective, quotes) in perQuote {
                add(#"<div class="perspective-quotes \#(perspectiveKey(perspective))"><h4>\#(h(context.header(for: perspective)))</h4>"#)
                for quote in quotes {
                    let document = context.project.document(id: quote.documentID)
                    add(#"<figure class="quote \#(typeKey(ofDocument: quote.documentID))"><blockquote><p>\#(h(QuotationMarks.quoted(quote.text)))</p></blockquote>"#)
                    add(#"<figcaption><details><summary>\#(h(quote.source))</summary><dl>"#)
                    add("<dt>Document</dt><dd>\(h(quote.documentID))</dd>")
                    add("<dt>Bestand</dt><dd>\(h(document?.file ?? ""))</dd>")
                    add("<dt>Type</dt><dd>\(h(document?.type?.rawValue ?? "zonder type"))</dd>")
                    add("<dt>Fragment</dt><dd>§\(quote.segmentNumber)</dd>")
                    add("<dt>Respondent</dt><dd>\(h(quote.respondentID)) (\(h(context.perspectiveName(of: quote, in: perspective))))</dd>")
                    add("</dl></details></figcaption></figure>")
                }
                add("</div>")
            }
            add("</article>")
        }
        if !any { add("<p>Er zijn nog geen citaten: geen thema heeft een gecodeerd fragment van een respondent.</p>") }
        add("</section>")
    }

    mutating func agreement() {
        guard let table = agreementTable else { return }
        let section = AgreementSection(table, codebook: context.codebook)
        // The section's own words hold nothing HTML must escape; the project's (coders, code labels) go through h.
        add(#"<section id="overeenstemming" aria-labelledby="overeenstemming-kop"><h2 id="overeenstemming-kop">\#(AgreementSection.title)</h2>"#)
        add("<p>\(section.introduction(h))</p>")
        let headers = AgreementSection.columnHeaders.enumerated().map { #"<th scope="col"\#($0.offset == 0 ? "" : #" class="num""#)>\#($0.element)</th>"# }
        add(#"<div class="scroll"><table><caption>\#(AgreementSection.caption)</caption><thead><tr>\#(headers.joined())</tr></thead><tbody>"#)
        func cells(_ row: AgreementSection.Row) -> String {
            row.values.map { #"<td class="num">\#(HTMLText.escaped($0))</td>"# }.joined()
        }
        for row in section.rows { add(#"<tr><th scope="row">\#(h(row.label))</th>\#(cells(row))</tr>"#) }
        add(#"</tbody><tfoot><tr><th scope="row">\#(section.total.label)</th>\#(cells(section.total))</tr></tfoot></table></div></section>"#)
    }
}
