/// `Corpus/codings/CODER.csv`: codings kept beside the transcripts, one row per coding.
public enum SidecarCodings {
    /// The folder under `Corpus/` that holds `CODER.csv` files.
    public static let folder = "codings"

    /// Reads a sidecar file against the documents; rows that cannot be placed are reported and skipped.
    /// Codes are checked later with all other codings.
    public static func parse(_ text: String, file: String, coder: String,
                             documents: [String: Document]) -> (codings: [Coding], diagnostics: [Diagnostic]) {
        let csv = CSVTable(text: text)
        var codings: [Coding] = []
        var diagnostics: [Diagnostic] = []
        for required in ["document", "code"] where !csv.header.contains(required) {
            diagnostics.append(CodingError.missingColumn(SourceLocation(file: file, line: 1, column: 1), column: required))
        }
        if !csv.header.contains("segment") && !(csv.header.contains("start") && csv.header.contains("end")) {
            diagnostics.append(CodingError.noSegmentOrOffsetColumns(SourceLocation(file: file, line: 1, column: 1)))
        }
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        // Columns are found once, and the document of the row before is kept: rows come by document.
        let column = (document: csv.position(of: "document"), segment: csv.position(of: "segment"), code: csv.position(of: "code"),
                      start: csv.position(of: "start"), end: csv.position(of: "end"), memo: csv.position(of: "memo"))
        var previous: Document? = nil
        for row in csv.rows {
            let location = SourceLocation(file: file, line: row.line, column: 1)
            guard let documentID = row[at: column.document] else {
                diagnostics.append(CodingError.rowWithoutDocument(location))
                continue
            }
            guard let document = previous?.id == documentID ? previous : documents[documentID] else {
                diagnostics.append(CodingError.unknownDocument(location, document: documentID))
                continue
            }
            previous = document
            guard let code = row[at: column.code] else {
                diagnostics.append(CodingError.rowWithoutCode(location))
                continue
            }
            var range: Range<Int>? = nil
            if row[at: column.start] != nil || row[at: column.end] != nil {
                guard let start = row[at: column.start].flatMap({ Int($0) }), let end = row[at: column.end].flatMap({ Int($0) }) else {
                    diagnostics.append(CodingError.offsetsNotWholeNumbers(location))
                    continue
                }
                guard start >= 0, start < end, end <= document.scalarCount else {
                    diagnostics.append(CodingError.offsetsOutsideDocument(location, start: start, end: end, document: documentID,
                                                                          scalarCount: document.scalarCount))
                    continue
                }
                range = start..<end
            }
            var numbers: [Int]
            if let segmentText = row[at: column.segment] {
                guard let number = Int(segmentText), number >= 1, number <= document.segments.count else {
                    diagnostics.append(CodingError.segmentNotInDocument(location, segment: segmentText, document: documentID,
                                                                        segmentCount: document.segments.count))
                    continue
                }
                numbers = [number]
            } else if let range {
                numbers = document.segments(overlapping: range.lowerBound, range.upperBound).map(\.number)
                if numbers.isEmpty {
                    diagnostics.append(CodingError.offsetsCoverNoSegment(location, start: range.lowerBound, end: range.upperBound, document: documentID))
                    continue
                }
            } else {
                diagnostics.append(CodingError.rowWithoutSegmentOrOffsets(location))
                continue
            }
            codings.append(Coding(documentID: documentID, segmentNumbers: numbers, codeID: code, coder: coder,
                                  range: range, memo: row[at: column.memo], location: location))
        }
        return (codings, diagnostics)
    }

    /// The sidecar header with offsets and memo, as `autocode` writes it.
    public static let headerWithOffsets = "document,segment,code,start,end,memo"
}
