/// The report's pages of issue 15's analyses: `samenhang.md` (which themes come up together), a
/// comparison page for every two perspectives with respondents, and `memos.md`.
enum AnalysisPages {
    /// (index title, file name, content), in the order the index lists them.
    static func pages(_ context: ReportContext) -> [(title: String, file: String, content: String)] {
        let project = context.project
        var pages: [(title: String, file: String, content: String)] = []
        let cooccurrence = CooccurrenceTable(project: project, coder: context.coder, unit: .segment)
        pages.append(("Samenhang tussen thema's", CooccurrencePage.fileName, CooccurrencePage.render(context, table: cooccurrence)))
        // Every two perspectives of respondents, in report order; a perspective only documents have has no one to compare.
        let groups = context.grouping == nil ? context.perspectives.filter { context.size(of: $0) > 0 } : []
        for (offset, a) in groups.enumerated() {
            for b in groups.dropFirst(offset + 1) {
                let comparison = GroupComparison(table: context.table, codebook: context.codebook, groupA: a, groupB: b)
                pages.append((GroupComparisonPage.title(comparison), GroupComparisonPage.fileName(comparison),
                              GroupComparisonPage.render(comparison, codebook: context.codebook, numbers: context.numbers)))
            }
        }
        // Memos are notes, not counts: every coder's (but the auto-coder's keywords) stand on the page.
        pages.append(("Memo's", MemoPage.fileName, MemoPage.render(MemoList(project: project), codebook: context.codebook, numbers: context.numbers,
                                                                   countingCoder: context.coder)))
        return pages
    }
}
