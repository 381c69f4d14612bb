/// `index.md`: what the study is, what the corpus holds, and links to every page.
public enum IndexPage {
    /// The index page's file name.
    public static let fileName = "index.md"

    /// The index: the corpus by type and perspective, and links to `pages`.
    public static func render(_ context: ReportContext, pages: [(title: String, file: String)]) -> String {
        let project = context.project
        var lines = ["# \(MarkdownText.text(context.codebook.title))", ""]
        if let date = context.date { lines += ["Datum: \(MarkdownText.text(date))", ""] }
        lines.append("Rapportage gemaakt met Codeboom uit \(MarkdownText.text(project.codebook.file)) en Corpus/. \(CoderWording.line(for: context.coder))")
        lines += ["", "## Corpus", "", "| Type | Documenten |", "| --- | ---: |"]
        var byType: [String: Int] = [:]
        for document in project.documents { byType[document.type?.rawValue ?? "zonder type", default: 0] += 1 }
        for (type, count) in byType.sorted(by: { $0.key < $1.key }) { lines.append("| \(type) | \(count) |") }
        lines.append("| **totaal** | **\(project.documents.count)** |")
        lines += ["", "| \(cell(context.columnHeader)) | Respondenten | Ids |", "| --- | ---: | --- |"]
        for perspective in context.columns {
            let respondents = context.respondents(in: perspective)
            lines.append("| \(cell(perspective.name)) | \(respondents.count) | \(cell(respondents.map(\.id).joined(separator: ", "))) |")
        }
        lines.append("| **totaal** | **\(project.respondents.count)** | |")
        var codingCount = 0
        var codedDocuments: Set<Int32> = []
        if let coder = project.codings.coder(named: context.coder) {
            for entry in project.codings.entries where entry.coder == coder {
                codingCount += 1
                codedDocuments.insert(entry.document)
            }
        }
        // One document is "het enige document", never "1 van de 1 documenten".
        let documents = project.documents.count == 1 ? "het enige document" : "\(codedDocuments.count) van de \(project.documents.count) documenten"
        lines += ["", "\(Counted.phrase(codingCount, "codering", "coderingen")) in \(documents); codeboek met "
                  + "\(Counted.phrase(context.codebook.categories.count, "categorie", "categorieën")) en "
                  + "\(Counted.phrase(context.codebook.codes.filter { $0.depth == 1 }.count, "thema", "thema's"))."]
        lines += ["", "## Pagina's", ""]
        for page in pages { lines.append("- [\(MarkdownText.link(page.title))](\(page.file))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
