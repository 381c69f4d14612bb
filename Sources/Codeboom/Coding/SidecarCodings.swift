import Foundation

/// `Corpus/codings/CODER.csv`: codings kept beside the transcripts, one row per coding.
public enum SidecarCodings {
    /// The folder under `Corpus/` that holds `CODER.csv` files.
    public static let folder = "codings"

    /// Reads a sidecar file against the documents; rows that cannot be placed are reported and skipped.
    /// Codes are checked later with all other codings.
    public static func parse(_ text: String, file: String, coder: String,
                             documents: (String) -> DocumentOutline?) -> (codings: [Coding], diagnostics: [Diagnostic]) {
        var codings: [Coding] = []
        let diagnostics = read(text, file: file, coder: coder, documents: documents) { codings.append($0) }
        return (codings, diagnostics)
    }

    /// `parse`, handing each coding to `add` as its row is read, so a file of hundreds of thousands of
    /// rows is never held as codings twice.
    /// - Complexity: O(n) in the file's bytes; a row of the same document as the row before costs
    ///   no lookup, and numbers are read from the bytes.
    public static func read(_ text: String, file: String, coder: String, documents: (String) -> DocumentOutline?,
                            _ add: (Coding) -> Void) -> [Diagnostic] {
        forEachRow(text, file: file, documents: documents) { row in
            add(Coding(documentID: row.documentID, segments: row.segments, codeID: String(decoding: row.code, as: UTF8.self), coder: coder,
                       range: row.range, memo: row.memo, location: SourceLocation(file: file, line: row.line, column: 1)))
        }
    }

    /// A row that gives a coding, as the reader hands it on: valid only while it is handed on.
    struct Row {
        /// The coded document's id: always that of the document `documents` gave last.
        var documentID: String
        /// The line the row starts on.
        var line: Int
        /// The code id's bytes, trimmed and never empty.
        var code: UnsafeBufferPointer<UInt8>
        var segments: ClosedRange<Int>
        var range: Range<Int>?
        var memo: String?
    }

    /// `read`, handing on each row's parts rather than a ``Coding``: the project's table keeps codings
    /// as positions, so its reader makes no string for a code it already knows, nor a location per row.
    static func forEachRow(_ text: String, file: String, documents: (String) -> DocumentOutline?,
                           _ add: (Row) -> Void) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var header: [String]? = nil
        var isUsable = false
        var column: (document: Int?, segment: Int?, code: Int?, start: Int?, end: Int?, memo: Int?) = (nil, nil, nil, nil, nil, nil)
        // Rows come by document: the document of the row before, and its id's bytes, are kept.
        var previous: (id: [UInt8], document: DocumentOutline)? = nil
        var text = text
        text.withUTF8 { bytes in
            CSVRecords.forEach(in: bytes) { line, row in
                guard header != nil else {
                    let names = (0..<row.count).map { String(decoding: row.bytes(at: $0), as: UTF8.self).trimmingSpaces.lowercased() }
                    header = names
                    diagnostics += headerProblems(names, file: file)
                    isUsable = diagnostics.isEmpty
                    column = (names.firstIndex(of: "document"), names.firstIndex(of: "segment"), names.firstIndex(of: "code"),
                              names.firstIndex(of: "start"), names.firstIndex(of: "end"), names.firstIndex(of: "memo"))
                    return
                }
                // A file without the columns it needs has its header reported, not every row.
                guard isUsable else { return }
                // Made only for a problem: a row that gives a coding needs no location of its own.
                var location: SourceLocation { SourceLocation(file: file, line: line, column: 1) }
                let document: DocumentOutline
                if let known = previous, let documentColumn = column.document, !row.isEmpty(at: documentColumn),
                   Self.equal(row.trimmedBytes(at: documentColumn), known.id) {
                    document = known.document
                } else {
                    guard let documentID = row.value(at: column.document) else {
                        diagnostics.append(CodingError.rowWithoutDocument(location))
                        return
                    }
                    guard let found = documents(documentID) else {
                        diagnostics.append(CodingError.unknownDocument(location, document: documentID))
                        return
                    }
                    document = found
                    previous = (Array(documentID.utf8), found)
                }
                let documentID = document.id
                guard let codeColumn = column.code, codeColumn < row.count, case let code = row.trimmedBytes(at: codeColumn), !code.isEmpty else {
                    diagnostics.append(CodingError.rowWithoutCode(location))
                    return
                }
                var range: Range<Int>? = nil
                if !row.isEmpty(at: column.start) || !row.isEmpty(at: column.end) {
                    guard let start = row.integer(at: column.start), let end = row.integer(at: column.end) else {
                        diagnostics.append(CodingError.offsetsNotWholeNumbers(location))
                        return
                    }
                    guard start >= 0, start < end, end <= document.scalarCount else {
                        diagnostics.append(CodingError.offsetsOutsideDocument(location, start: start, end: end, document: documentID, scalarCount: document.scalarCount))
                        return
                    }
                    range = start..<end
                }
                let segments: ClosedRange<Int>
                if !row.isEmpty(at: column.segment) {
                    guard let number = row.integer(at: column.segment), number >= 1, number <= document.segments.count else {
                        let segmentText = row.value(at: column.segment) ?? ""
                        diagnostics.append(CodingError.segmentNotInDocument(location, segment: segmentText, document: documentID, segmentCount: document.segments.count))
                        return
                    }
                    segments = number...number
                } else if let range {
                    guard let overlapped = document.segmentNumbers(overlapping: range.lowerBound, range.upperBound) else {
                        diagnostics.append(CodingError.offsetsCoverNoSegment(location, start: range.lowerBound, end: range.upperBound, document: documentID))
                        return
                    }
                    segments = overlapped
                } else {
                    diagnostics.append(CodingError.rowWithoutSegmentOrOffsets(location))
                    return
                }
                add(Row(documentID: documentID, line: line, code: code, segments: segments, range: range, memo: row.value(at: column.memo)))
            }
        }
        // An empty file has an empty header, with what is missing from it.
        if header == nil { diagnostics += headerProblems([], file: file) }
        return diagnostics
    }

    /// Whether a field holds exactly these bytes, compared at once (a generic `elementsEqual` goes byte by byte).
    private static func equal(_ field: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        guard field.count == bytes.count else { return false }
        guard !bytes.isEmpty, let base = field.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { other in
            guard let start = other.baseAddress else { return false }
            return memcmp(base, start, field.count) == 0
        }
    }

    /// What a header lacks: the document and code columns, and a segment column or start,end columns.
    private static func headerProblems(_ names: [String], file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for required in ["document", "code"] where !names.contains(required) {
            problems.append(CodingError.missingColumn(SourceLocation(file: file, line: 1, column: 1), column: required))
        }
        if !names.contains("segment") && !(names.contains("start") && names.contains("end")) {
            problems.append(CodingError.noSegmentOrOffsetColumns(SourceLocation(file: file, line: 1, column: 1)))
        }
        return problems
    }

    /// The sidecar header with offsets and memo, as `autocode` writes it.
    public static let headerWithOffsets = "document,segment,code,start,end,memo"
}
