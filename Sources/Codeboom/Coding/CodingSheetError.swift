/// What can be wrong with a Word coding sheet (``CodingSheet``), at the sheet or at `file: row N`.
public enum SheetError: SourceProblem {
    /// The sheet cannot be read: not a .docx, damaged, refused by the archive reader (`reason`).
    case unreadable(SourceLocation, reason: String, advice: String)
    /// The document has no table whose header has a number column and a codes column.
    case noCodesTable(SourceLocation)
    /// Neither a `document:` line nor the file name (`CODER-DOCUMENT.docx`) names a document of the project.
    case unknownDocument(SourceLocation, document: String?)
    /// A filled row's number is no segment of the document.
    case segmentNotInDocument(SourceLocation, segment: String, document: String, segmentCount: Int)
    /// The text of these rows is no longer what their segments say: the transcript changed after the
    /// sheet was made. The sheet codes nothing until it is made again.
    case textMoved(SourceLocation, document: String, coder: String, moves: [CodingSheet.Move])

    /// Every case stops counting: codes on the wrong segments would count as right.
    public var severity: Diagnostic.Severity { .error }

    /// The sheet, or its row.
    public var location: SourceLocation {
        switch self {
        case .unreadable(let location, _, _), .noCodesTable(let location), .unknownDocument(let location, _),
             .segmentNotInDocument(let location, _, _, _), .textMoved(let location, _, _, _):
            location
        }
    }

    /// Moves listed in a message at most; the rest are counted.
    static let listedMoves = 12

    /// What is wrong.
    public var message: String {
        switch self {
        case .unreadable(_, let reason, _): return "cannot read this coding sheet: \(reason)"
        case .noCodesTable: return "no table with a \"nr\" and a \"codes\" column, so this is no coding sheet"
        case .unknownDocument(_, let document):
            return document.map { "the sheet is for document \"\($0)\", which is not in this project" }
                ?? "the sheet names no document (no `document:` line, and the file name is not CODER-DOCUMENT.docx)"
        case .segmentNotInDocument(_, let segment, let document, let count): return "segment \"\(segment)\" is not in \(document) (1–\(count))"
        case .textMoved(_, let document, _, let moves):
            let listed = moves.prefix(Self.listedMoves).map { move in
                "row \(move.tableRow) (§\(move.segment)" + (move.nowAt.map { " is now §\($0))" } ?? " no longer in the text)")
            }.joined(separator: ", ")
            let more = moves.count > Self.listedMoves ? " and \(moves.count - Self.listedMoves) more" : ""
            return "the text no longer matches \(document) (the transcript changed after the sheet was made, or a text cell was edited); segments moved: \(listed)\(more)"
        }
    }

    /// What to do.
    public var advice: String {
        switch self {
        case .unreadable(_, _, let advice): advice
        case .noCodesTable: "make a sheet with `codeboom sheet DOCUMENT --coder NAME`, or move this file out of Corpus/codings/"
        case .unknownDocument: "add a line `document: ID` above the table, or name the file CODER-DOCUMENT.docx"
        case .segmentNotInDocument(_, _, let document, _): "use a segment number from `codeboom segments \(document)`"
        case .textMoved(_, let document, let coder, _):
            "rename this sheet, make a new one with `codeboom sheet \(document) --coder \(coder)` and copy the codes to the rows whose text they belong to"
        }
    }
}
