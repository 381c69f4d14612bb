import Foundation

/// Builds every report page of a study and writes them; the pages are pure functions of the project.
public enum ReportBuilder {
    /// File name → content, in a fixed order. Pseudonyms are applied to every page.
    public static func pages(_ context: ReportContext) -> [(file: String, content: String)] {
        var pages: [(title: String, file: String, content: String)] = []
        pages.append(("Tabel met resultaten", ResultsTablePage.fileName, ResultsTablePage.render(context)))
        // Grouped by another variable, the columns are no perspectives: their pages and comparisons are left out.
        for perspective in context.grouping == nil ? context.perspectives : [] {
            pages.append(("Volgens de \(context.plural(perspective))", PerspectivePage.fileName(for: perspective, context: context),
                          PerspectivePage.render(perspective, context: context)))
        }
        for number in context.codebook.deelvraagNumbers {
            pages.append(("Deelvraag \(number)", DeelvraagPage.fileName(for: number), DeelvraagPage.render(number, context: context)))
        }
        // Only a codebook with `wifa:` codes gets a WIFA page; a stale one is removed by ReportFolder.
        if WIFAPage.applies(to: context.codebook) {
            pages.append((WIFAPage.title(context.wording), WIFAPage.fileName, WIFAPage.render(context)))
        }
        pages += AnalysisPages.pages(context)
        let heatMap = context.drawsFigures
            ? ReportFigures.markdownImage(file: ReportFigures.heatMapFile, title: ReportFigures.heatMapTitle(context.wording)) + "\n\n" : ""
        pages.append(("Frequentietabel", "frequenties.md",
                      "# Frequentietabel\n\nRespondenten per code en \(MarkdownText.text(context.wording.noun)) (n/N); een hoofdcode telt haar subcodes één keer mee. "
                      + CoderWording.line(for: context.coder) + "\n\n" + heatMap + FrequencyMarkdownRenderer.render(context.table, codebook: context.codebook)))
        pages.append(("Frequentietabel (CSV)", "frequenties.csv", FrequencyCSVRenderer.render(context.table)))
        let index = IndexPage.render(context, pages: pages.map { ($0.title, $0.file) })
        let all = [(file: IndexPage.fileName, content: index)] + pages.map { (file: $0.file, content: $0.content) }
        let scope = AnalysisScope.lines(conditions: context.conditions, grouping: context.grouping)
        return all.map { (file: $0.file, content: context.project.pseudonyms.apply(to: AnalysisScope.stated(scope, on: $0.content, file: $0.file))) }
    }

    /// Every file of the report: the pages and, when `context.drawsFigures`, the charts (`figuren/*.svg`), the
    /// self-contained `rapport.html` and `rapport.docx`. Pseudonyms are applied to all of them.
    public static func files(_ context: ReportContext) -> [(file: String, bytes: [UInt8])] {
        guard context.drawsFigures else { return pages(context).map { (file: $0.file, bytes: Array($0.content.utf8)) } }
        // The agreement between the people who coded, when there are several, for both documents: counted once, on
        // another core while the pages and charts are drawn (it reads every unit of the documents two coders coded).
        // The keyword proposals (`auto`) are no coder whose reliability a report states: `autocode --evaluate`
        // and `agree --coders inline,auto` compare them.
        let coders = context.project.codings.coderNames.filter { $0 != AutoCoder.defaultCoder }.sorted()
        let agreement = AgreementResult()
        let group = DispatchGroup()
        if coders.count >= 2 {
            DispatchQueue.global().async(group: group) {
                agreement.table = AgreementTable(project: context.project, coders: coders, listingDisagreements: false)
            }
        }
        var files = pages(context).map { (file: $0.file, bytes: Array($0.content.utf8)) }
        let figures = ReportFigures.figures(context)
        files += figures.map { (file: $0.file, bytes: Array($0.svg.utf8)) }
        group.wait()
        files.append((file: HTMLReport.fileName, bytes: Array(HTMLReport.render(context, figures: figures, agreement: agreement.table).utf8)))
        files.append((file: WordReport.fileName, bytes: WordReport.package(context, figures: figures, agreement: agreement.table)))
        return files
    }

    /// Where the background computation leaves the agreement table; read only after the group is waited for.
    private final class AgreementResult: @unchecked Sendable {
        var table: AgreementTable?
    }

    /// Writes the report's files into `folder` as one set (``ReportFolder``): the previous report's files
    /// are replaced or, when this run no longer produces them, removed; other files stay.
    /// - Parameter replacingUnlisted: also replace files with a page's name that the folder's
    ///   manifest does not list (see ``ReportFolder/replace(_:with:replacingUnlisted:)``).
    public static func write(_ context: ReportContext, to folder: URL,
                             replacingUnlisted: Bool = false) throws(ReportFolder.WriteError) -> ReportFolder.Outcome {
        try ReportFolder.replace(folder, with: files(context), replacingUnlisted: replacingUnlisted)
    }
}
