/// `memos.md`, and what `codeboom memos` prints: every memo grouped by theme (a sub-code's memo
/// under its theme, a category's under the category, comments that code nothing last), each with
/// its code, coder, place and the words it is about.
public enum MemoPage {
    /// The page's file name.
    public static let fileName = "memos.md"

    /// The page. Names are not yet replaced by pseudonyms: the report (and the command) do that for the whole page.
    /// - Parameter countingCoder: in a report, the coder its other pages count: the page says that its memos are every coder's.
    public static func render(_ memos: MemoList, codebook: Codebook, numbers: [String: String] = [:], countingCoder: String? = nil) -> String {
        let counting = countingCoder.map { " Hier staan de memo's van alle codeurs; de andere pagina's tellen één codering. \(CoderWording.line(for: $0))" } ?? ""
        var lines = ["# Memo's", "",
                     "Wat de codeurs bij hun coderingen noteerden (de kolom `memo` van een coderingsbestand, de tekst na de code in een "
                     + "opmerking in Word of LibreOffice) en opmerkingen die niets coderen, per thema, met de plaats en de tekst waar ze "
                     + "over gaan. De trefwoorden van de automatische codering zijn geen memo's en staan er niet bij. "
                     + Counted.phrase(memos.items.count, "memo", "memo's") + "." + counting]
        // The group of a memo: its code's theme (the code at depth 1 on its path), or the category itself.
        var groups: [String?: [MemoList.Item]] = [:]
        for item in memos.items {
            let group = item.codeID.map { id in codebook.code(id: id) == nil ? id : (codebook.path(of: id).dropFirst().first ?? id) }
            groups[group, default: []].append(item)
        }
        var order = codebook.codes.map(\.id).filter { groups[$0] != nil }.map { Optional($0) }
        // Codes the codebook lacks (a sidecar may name one) after the codebook's, then comments without a code.
        order += groups.keys.compactMap { $0 }.filter { codebook.code(id: $0) == nil }.sorted().map { Optional($0) }
        if groups[nil] != nil { order.append(nil) }
        for group in order {
            let title: String
            if let group, let code = codebook.code(id: group) {
                title = "\(numbers[group].map { "\($0) " } ?? "")\(MarkdownText.text(code.label)) (\(MarkdownText.code(group)))"
            } else {
                title = group.map { MarkdownText.code($0) } ?? "Zonder code"
            }
            lines += ["", "## \(title)", ""]
            for item in groups[group] ?? [] {
                let code = item.codeID.map { ", code \(MarkdownText.code($0))" } ?? ""
                // Tags in the text are no person's initials: "in de tekst", as every page says it.
                let by = item.codeID == nil ? ", opmerking van \(MarkdownText.text(item.coder))"
                    : ", \(MarkdownText.text(CoderWording.words(for: item.coder)))"
                lines.append("- **\(MarkdownText.text(item.documentID)) §\(item.segmentNumber)**\(by)\(code): \(MarkdownText.text(item.memo))")
                if !item.codedText.isEmpty { lines.append("  > \(MarkdownText.text(QuotationMarks.quoted(item.codedText)))") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
