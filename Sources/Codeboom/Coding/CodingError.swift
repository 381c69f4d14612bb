/// A problem with a coding: in a sidecar `.codes.csv`, a Word or OpenDocument comment, an inline
/// tag, or a coding that does not fit the codebook or the document it is on.
///
/// Every case carries the place it applies to (the sidecar row, the comment, the tag); columns count
/// Unicode scalars. `check` prints them through `Diagnostic.init(_:)`.
public enum CodingError: SourceProblem {
    /// A sidecar header without a column it needs.
    case missingColumn(SourceLocation, column: String)
    /// A sidecar header with neither a `segment` column nor `start,end` columns.
    case noSegmentOrOffsetColumns(SourceLocation)
    /// A sidecar row without a document id.
    case rowWithoutDocument(SourceLocation)
    /// A sidecar row whose document is not in the corpus.
    case unknownDocument(SourceLocation, document: String)
    /// A sidecar row without a code id.
    case rowWithoutCode(SourceLocation)
    /// A sidecar row whose `start` or `end` is not a whole number.
    case offsetsNotWholeNumbers(SourceLocation)
    /// Offsets outside the document's text (`scalarCount` Unicode scalars).
    case offsetsOutsideDocument(SourceLocation, start: Int, end: Int, document: String, scalarCount: Int)
    /// A segment number that the document does not have (it has `segmentCount`).
    case segmentNotInDocument(SourceLocation, segment: String, document: String, segmentCount: Int)
    /// Offsets that fall in front matter or blank lines, on no segment.
    case offsetsCoverNoSegment(SourceLocation, start: Int, end: Int, document: String)
    /// A sidecar row with neither a segment nor offsets filled in.
    case rowWithoutSegmentOrOffsets(SourceLocation)
    /// A warning: a comment that names a code but is anchored on no segment.
    case commentCoversNoSegment(SourceLocation, comment: String, coder: String)
    /// A warning: `#written` names no code (the unknown id is `codeID`), so it is read as text;
    /// `count` times in the document.
    case tagReadAsText(SourceLocation, written: String, codeID: String, count: Int, codebookFile: String)
    /// A coding with a code the codebook does not have; `suggestion` is a near code id, if any.
    case unknownCode(SourceLocation, codeID: String, suggestion: String?, codebookFile: String)
    /// A warning: one coder gives one segment the same code twice.
    case codedTwice(SourceLocation, document: String, segment: Int, codeID: String, coder: String)
    /// A warning: a coding on an interviewer's turn (`label`), which never counts.
    case interviewerTurnCoded(SourceLocation, codeID: String, label: String)
    /// A warning: a code of the codebook (at its heading) that no coding uses.
    case codeNeverUsed(SourceLocation, codeID: String)

    /// Problems that leave the coding counted or ignored harmlessly are warnings; the rest errors.
    public var severity: Diagnostic.Severity {
        switch self {
        case .commentCoversNoSegment, .tagReadAsText, .codedTwice, .interviewerTurnCoded, .codeNeverUsed: .warning
        default: .error
        }
    }

    /// The row, comment, tag or code heading the problem is at.
    public var location: SourceLocation {
        switch self {
        case .missingColumn(let location, _), .noSegmentOrOffsetColumns(let location), .rowWithoutDocument(let location),
             .unknownDocument(let location, _), .rowWithoutCode(let location), .offsetsNotWholeNumbers(let location),
             .offsetsOutsideDocument(let location, _, _, _, _), .segmentNotInDocument(let location, _, _, _),
             .offsetsCoverNoSegment(let location, _, _, _), .rowWithoutSegmentOrOffsets(let location),
             .commentCoversNoSegment(let location, _, _), .tagReadAsText(let location, _, _, _, _),
             .unknownCode(let location, _, _, _), .codedTwice(let location, _, _, _, _),
             .interviewerTurnCoded(let location, _, _), .codeNeverUsed(let location, _):
            location
        }
    }

    /// What is wrong.
    public var message: String {
        switch self {
        case .missingColumn(_, let column): "column \"\(column)\" is missing"
        case .noSegmentOrOffsetColumns: "neither a segment column nor start,end columns"
        case .rowWithoutDocument: "row without a document"
        case .unknownDocument(_, let document): "unknown document \"\(document)\""
        case .rowWithoutCode: "row without a code"
        case .offsetsNotWholeNumbers: "start and end must both be whole numbers"
        case .offsetsOutsideDocument(_, let start, let end, let document, let scalarCount):
            "offsets \(start)–\(end) are outside \(document) (0–\(scalarCount))"
        case .segmentNotInDocument(_, let segment, let document, let segmentCount):
            "segment \"\(segment)\" is not in \(document) (1–\(segmentCount))"
        case .offsetsCoverNoSegment(_, let start, let end, let document): "offsets \(start)–\(end) cover no segment of \(document)"
        case .rowWithoutSegmentOrOffsets: "row gives neither a segment nor start,end"
        case .commentCoversNoSegment(_, let comment, let coder): "comment \"\(comment)\" by \(coder) covers no segment"
        case .tagReadAsText(_, let written, _, let count, _):
            "`#\(written)` is not a code; read as text" + (count > 1 ? " (\(count) times in this document)" : "")
        case .unknownCode(_, let codeID, _, _): "unknown code \"\(codeID)\""
        case .codedTwice(_, let document, let segment, let codeID, let coder):
            "\(document) §\(segment) is coded \"\(codeID)\" twice by \(coder); it counts once"
        case .interviewerTurnCoded(_, let codeID, let label): "coding \"\(codeID)\" on an interviewer turn (\(label)) is not counted"
        case .codeNeverUsed(_, let codeID): "code \"\(codeID)\" is never used"
        }
    }

    /// What the researcher can do about it.
    public var advice: String {
        switch self {
        case .missingColumn: "use the header `document,segment,code` (optional `start,end,memo`)"
        case .noSegmentOrOffsetColumns: "add a `segment` column, or `start,end` character offsets"
        case .rowWithoutDocument: "fill in the document id"
        case .unknownDocument: "use a document id from Corpus/ (file name without extension, or `id:` in its front matter)"
        case .rowWithoutCode: "fill in a code id from the codebook"
        case .offsetsNotWholeNumbers: "give character offsets (Unicode code points from 0, end exclusive), or leave both empty"
        case .offsetsOutsideDocument: "offsets count code points of the normalised text from 0, end exclusive"
        case .segmentNotInDocument(_, _, let document, _): "use a segment number from `codeboom segments \(document)`"
        case .offsetsCoverNoSegment: "the range falls in front matter or blank lines; check the offsets"
        case .rowWithoutSegmentOrOffsets: "fill in the segment number or the offsets"
        case .commentCoversNoSegment: "anchor the comment on the respondent's words"
        case .tagReadAsText(_, _, let codeID, _, let codebookFile):
            "if it is meant as a code, add `\(codeID)` to \(codebookFile) or correct the tag; otherwise nothing needs to change"
        case .unknownCode(_, _, let suggestion, let codebookFile):
            (suggestion.map { "did you mean \"\($0)\"? " } ?? "") + "use a code id from \(codebookFile), or add the code there"
        case .codedTwice: "remove the second coding"
        case .interviewerTurnCoded: "move the code to the respondent's answer"
        case .codeNeverUsed: "code segments with it, or remove it from the codebook"
        }
    }
}
