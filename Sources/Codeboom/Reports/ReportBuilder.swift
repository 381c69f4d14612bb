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
            pages.append(("WIFA-model per perspectief", WIFAPage.fileName, WIFAPage.render(context)))
        }
        pages += AnalysisPages.pages(context)
        pages.append(("Frequentietabel", "frequenties.md",
                      "# Frequentietabel\n\nRespondenten per code en perspectief (n/N); een hoofdcode telt haar subcodes één keer mee. "
                      + CoderWording.line(for: context.coder) + "\n\n" + FrequencyMarkdownRenderer.render(context.table, codebook: context.codebook)))
        pages.append(("Frequentietabel (CSV)", "frequenties.csv", FrequencyCSVRenderer.render(context.table)))
        let index = IndexPage.render(context, pages: pages.map { ($0.title, $0.file) })
        let all = [(file: IndexPage.fileName, content: index)] + pages.map { (file: $0.file, content: $0.content) }
        let scope = AnalysisScope.lines(conditions: context.conditions, grouping: context.grouping)
        return all.map { (file: $0.file, content: context.project.pseudonyms.apply(to: AnalysisScope.stated(scope, on: $0.content, file: $0.file))) }
    }

    /// Writes the pages into `folder` as one set (``ReportFolder``): the previous report's pages
    /// are replaced or, when this run no longer produces them, removed; other files stay.
    /// - Parameter replacingUnlisted: also replace files with a page's name that the folder's
    ///   manifest does not list (see ``ReportFolder/replace(_:with:replacingUnlisted:)``).
    public static func write(_ context: ReportContext, to folder: URL,
                             replacingUnlisted: Bool = false) throws(ReportFolder.WriteError) -> ReportFolder.Outcome {
        try ReportFolder.replace(folder, with: pages(context), replacingUnlisted: replacingUnlisted)
    }
}
