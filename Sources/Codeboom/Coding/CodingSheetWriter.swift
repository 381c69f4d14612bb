/// Makes the Word coding sheet of one document for one coder (``CodingSheet`` reads it back): a
/// title, the `document:` and `codeur:` lines that tie it to both, how to fill it in, a table of
/// every segment — number, speaker, text, an empty codes column and an empty memo column, the
/// header repeated on every page — and the codebook's ids and labels on the last page.
///
/// Text and speakers are printed pseudonymised, like every output that prints transcript text.
public enum CodingSheetWriter {
    /// The sheet's Word document.
    public static func document(of document: Document, coder: String, codebook: Codebook, pseudonyms: PseudonymTable) -> WordDocument {
        var sheet = WordDocument(title: "Codeerblad \(document.id) — \(coder)")
        sheet.paragraph("Codeerblad \(document.id)", style: .title)
        sheet.paragraph("\(CodingSheet.documentKey): \(document.id)")
        sheet.paragraph("\(CodingSheet.coderKey): \(coder)")
        sheet.paragraph("Vul per beurt de kolom codes in: de id’s of namen van codes uit het codeboek (laatste pagina), "
                        + "gescheiden door komma’s of elk op een eigen regel. Een opmerking bij een beurt kan in de kolom memo. "
                        + "Verander de kolommen nr en tekst niet: daaraan herkent codeboom de beurt. "
                        + "Beurten van de interviewer tellen niet mee.")
        var rows: [[WordTableCell]] = [CodingSheet.header.map { WordTableCell($0, bold: true) }]
        for segment in document.segments {
            let speaker = segment.label.map { pseudonyms.apply(to: $0) } ?? ""
            let isInterviewer = segment.isInterviewer
            rows.append([
                WordTableCell(String(segment.number)),
                WordTableCell(speaker, italic: isInterviewer),
                WordTableCell(pseudonyms.apply(to: document.text(of: segment)), italic: isInterviewer),
                WordTableCell(""),
                WordTableCell(""),
            ])
        }
        sheet.append(.table(WordTable(rows: rows, columnWidths: [1.1, 2.2, 9.5, 3.2, 2.6], headerRows: 1)))
        sheet.append(.pageBreak)
        sheet.paragraph("Codes", style: .heading1)
        var codes: [[WordTableCell]] = [[WordTableCell("id", bold: true), WordTableCell("code", bold: true)]]
        for code in codebook.codes {
            let indent = String(repeating: "    ", count: code.depth)
            codes.append([WordTableCell(code.id, bold: code.isCategory), WordTableCell(indent + code.label, bold: code.isCategory)])
        }
        sheet.append(.table(WordTable(rows: codes, columnWidths: [1, 2], headerRows: 1)))
        return sheet
    }

    /// The file name of a coder's sheet for a document: `CODER-DOCUMENT.docx`.
    public static func fileName(coder: String, documentID: String) -> String { "\(coder)-\(documentID).docx" }
}
