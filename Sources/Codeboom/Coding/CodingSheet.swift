import Foundation

/// A Word coding sheet, `Corpus/codings/CODER-DOCUMENT.docx`: one table row per segment of one
/// document — number, speaker, text, a "codes" column the coder fills in and a "memo" column — as
/// `codeboom sheet` writes it and Word or LibreOffice saves it after the coder filled it in.
///
/// Read back, each filled codes cell codes its segment for the sheet's coder: ids or labels,
/// separated by commas, semicolons or line breaks. The text column is what the segment said when
/// the sheet was made; when the transcript changed since, the numbers may point elsewhere, so
/// such a sheet is an error naming the rows whose segments moved, and codes nothing.
public struct CodingSheet: Sendable, Equatable {
    /// One row of the sheet's table.
    public struct Row: Sendable, Equatable {
        /// The row in the table, from 1 (the header row): what messages name.
        public var tableRow: Int
        /// The segment number as written in the first column.
        public var numberText: String
        /// The speaker column.
        public var speaker: String
        /// The text column: the segment's words when the sheet was made.
        public var text: String
        /// The codes cell, split into its entries.
        public var codes: [String]
        /// The memo cell; nil when empty.
        public var memo: String?

        /// The segment number, when the first column holds one.
        public var number: Int? { Int(numberText.trimmingSpaces) }
    }

    /// The sheet's file, as messages show it.
    public var file: String
    /// The document the sheet is for: its `document:` line, else nil (the file name decides).
    public var documentID: String?
    /// The coder: its `codeur:` line, else nil (the file name decides).
    public var coder: String?
    /// The rows under the header, in order.
    public var rows: [Row]

    /// The header of the table, as the sheet writes it.
    public static let header = ["nr", "spreker", "tekst", "codes", "memo"]
    /// The lines above the table that say what the sheet is for.
    public static let documentKey = "document"
    /// The line that names the coder.
    public static let coderKey = "codeur"

    /// The sheet in the bytes of a `.docx`; `nil` table means the document has no table with a
    /// codes column, which ``SheetError/noCodesTable`` reports.
    public static func read(_ data: Data, file: String, limits: ArchiveLimits = .default) throws(DocumentReaderError) -> CodingSheet? {
        let package = try DocumentPackage(data: data, limits: limits, format: ".docx")
        let part = try WordDocumentReader.documentPart(in: package)
        let root = try package.xml(part)
        let names = XMLNames(root: root, namespaces: WordDocumentReader.wordNamespaces, fallback: "w")
        guard root.name == names("document"), let body = root.firstChild(named: names("body")) else {
            throw .unexpectedContent(part: part, reason: "the root is <\(root.name)>, not a <w:document> with a <w:body>")
        }
        let walker = WordBodyWalker(names: names, compatibility: WordDocumentReader.compatibilityNames(root: root), rendersSpeakers: false)
        var documentID: String? = nil, coder: String? = nil
        var table: [[String]]? = nil
        func text(of paragraph: SafeXML.Element) -> String {
            var floating: [[StyledPiece]] = []
            var result = ""
            for case .text(let string, _) in walker.pieces(ofParagraph: paragraph, floating: &floating) { result += string }
            return result
        }
        func walk(_ container: SafeXML.Element) {
            for element in container.elements where table == nil {
                switch names.local(element.name) {
                case "p":
                    let line = text(of: element)
                    if let attribute = Attribute(line) {
                        switch attribute.key {
                        case documentKey: documentID = documentID ?? attribute.value
                        case coderKey, "coder": coder = coder ?? attribute.value
                        default: break
                        }
                    }
                case "tbl":
                    let rows = tableRows(element)
                    if let header = rows.first, Self.columns(of: header) != nil { table = rows }
                case "sdt":
                    if let content = element.firstChild(named: names("sdtContent")) { walk(content) }
                default:
                    continue
                }
            }
        }
        func tableRows(_ table: SafeXML.Element) -> [[String]] {
            table.children(named: names("tr")).filter { $0.firstChild(named: names("trPr"))?.firstChild(named: names("del")) == nil }.map { row in
                row.children(named: names("tc")).map { cell in
                    cell.children(named: names("p")).map(text(of:)).joined(separator: "\n")
                }
            }
        }
        walk(body)
        guard let table, let columns = Self.columns(of: table[0]) else { return nil }
        var rows: [Row] = []
        for (index, cells) in table.enumerated().dropFirst() {
            func cell(_ position: Int?) -> String { position.flatMap { cells.indices.contains($0) ? cells[$0] : nil } ?? "" }
            let memo = cell(columns.memo).trimmingSpaces
            rows.append(Row(tableRow: index + 1, numberText: cell(columns.number), speaker: cell(columns.speaker).trimmingSpaces,
                            text: cell(columns.text), codes: Self.entries(of: cell(columns.codes)), memo: memo.isEmpty ? nil : memo))
        }
        return CodingSheet(file: file, documentID: documentID?.trimmingSpaces, coder: coder?.trimmingSpaces, rows: rows)
    }

    /// Where the columns are, from the header row: it needs a number and a codes column.
    static func columns(of header: [String]) -> (number: Int, speaker: Int?, text: Int?, codes: Int, memo: Int?)? {
        let names = header.map { $0.trimmingSpaces.folded }
        func position(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        guard let number = position(["nr", "nr.", "segment", "§"]), let codes = position(["codes", "code", "coderingen"]) else { return nil }
        return (number, position(["spreker", "speaker"]), position(["tekst", "text"]), codes, position(["memo", "memo's", "opmerking"]))
    }

    /// A codes cell's entries: separated by commas, semicolons or line breaks, trimmed, a leading `#` dropped.
    static func entries(of cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" || $0 == "\r" || $0 == "\t" }).compactMap { piece in
            var entry = String(piece).trimmingSpaces
            if entry.hasPrefix("#") { entry.removeFirst() }
            entry = entry.trimmingSpaces
            return entry.isEmpty ? nil : entry
        }
    }

    /// Whether the sheet is for the document with `id`: its `document:` line, or else a file name
    /// `CODER-ID.docx`.
    public func isFor(documentID id: String) -> Bool {
        if let documentID { return documentID == id }
        return fileStem.hasSuffix("-" + id) && fileStem.count > id.count + 1
    }

    /// The coder the codings are of: the `codeur:` line, else the file name before `-DOCUMENT`.
    public func coderName(documentID id: String) -> String {
        if let coder, !coder.isEmpty { return coder }
        if fileStem.hasSuffix("-" + id) { return String(fileStem.dropLast(id.count + 1)) }
        return fileStem
    }

    private var fileStem: String {
        let name = (file as NSString).lastPathComponent
        return (name as NSString).deletingPathExtension
    }

    /// A row whose text is no longer what its segment says.
    public struct Move: Sendable, Equatable {
        /// The sheet's row.
        public var tableRow: Int
        /// The segment number the row gives.
        public var segment: Int
        /// Where that text stands now, when it is still in the document.
        public var nowAt: Int?
    }

    /// The rows whose text differs from what their segment says in `document` now (white space
    /// ignored; the text may be the pseudonymised one, as the sheet prints it).
    public func moves(in document: Document, pseudonyms: PseudonymTable) -> [Move] {
        var numbersOfText: [String: Int] = [:]
        var texts: [Int: Set<String>] = [:]
        for segment in document.segments {
            let raw = Self.comparable(document.text(of: segment))
            let shown = Self.comparable(pseudonyms.apply(to: document.text(of: segment)))
            texts[segment.number] = [raw, shown]
            if numbersOfText[raw] == nil { numbersOfText[raw] = segment.number }
            if numbersOfText[shown] == nil { numbersOfText[shown] = segment.number }
        }
        return rows.compactMap { row in
            guard let number = row.number else { return nil }
            let text = Self.comparable(row.text)
            if texts[number]?.contains(text) == true { return nil }
            return Move(tableRow: row.tableRow, segment: number, nowAt: numbersOfText[text])
        }
    }

    /// Text as sheets are compared: runs of white space as one space, trimmed.
    static func comparable(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The codings of the sheet's filled rows for `coder`, read against `document`: codes given as
    /// a label, or an id in another case, become the code's id; an entry that names no code stays
    /// as written, for `check` to report with its suggestion.
    public func codings(of coder: String, in document: DocumentOutline, codebook: Codebook) -> (codings: [Coding], problems: [SheetError]) {
        var byName: [String: String] = [:]
        for code in codebook.codes {
            byName[code.id.folded] = byName[code.id.folded] ?? code.id
        }
        for code in codebook.codes {
            byName[code.label.folded] = byName[code.label.folded] ?? code.id
            byName[code.label.slug] = byName[code.label.slug] ?? code.id
        }
        var codings: [Coding] = [], problems: [SheetError] = []
        for row in rows where !row.codes.isEmpty {
            let location = SourceLocation(file: file, row: row.tableRow)
            guard let number = row.number, number >= 1, number <= document.segments.count else {
                problems.append(.segmentNotInDocument(location, segment: row.numberText.trimmingSpaces, document: document.id,
                                                      segmentCount: document.segments.count))
                continue
            }
            for entry in row.codes {
                let codeID = codebook.code(id: entry) != nil ? entry : byName[entry.folded] ?? byName[entry.slug] ?? entry
                codings.append(Coding(documentID: document.id, segments: number...number, codeID: codeID, coder: coder,
                                      memo: row.memo, location: location))
            }
        }
        return (codings, problems)
    }
}
