/// Every coding of a project, kept compact: documents, codes, coders and files by position, so
/// hundreds of thousands of codings take a few tens of bytes each and are counted on integers.
/// Read as a collection of ``Coding`` values, made on access.
public struct CodingTable: Sendable, RandomAccessCollection {
    /// One coding, by positions: `document` in the project's documents, `code` in ``codeIDs``
    /// (the codebook's codes first), `coder` in ``coderNames``, `file` in ``files``.
    public struct Entry: Sendable, Equatable {
        /// The document's position in ``CodingTable/documentIDs``.
        public var document: Int32
        /// The code's position in ``CodingTable/codeIDs``.
        public var code: Int32
        /// The coder's position in ``CodingTable/coderNames``.
        public var coder: Int32
        var file: Int32
        /// 0 when the coding's place has no line (a Word comment) or column; a table's row
        /// (a Word coding sheet) is kept as `line` with the column ``rowMarker``.
        var line: Int32
        var column: Int32
        /// The first and last segment number covered.
        public var firstSegment: Int
        /// The last segment number covered.
        public var lastSegment: Int
        /// Where the coder marked the text, in two integers: a scalar range as (start, end); an
        /// inline tag's offset as (offset, -2); neither as (-1, -1).
        var rangeStart: Int
        var rangeEnd: Int
        /// What the coder wrote with it.
        public var memo: String?

        /// The numbers of the segments covered.
        public var segments: ClosedRange<Int> { firstSegment...lastSegment }
        /// The scalar range, when the coding was made on one.
        public var range: Range<Int>? { rangeStart >= 0 && rangeEnd >= 0 ? rangeStart..<rangeEnd : nil }
        /// The scalar offset of the inline tag that made the coding.
        public var tagOffset: Int? { rangeEnd == Self.tagMarker ? rangeStart : nil }
        static let tagMarker = -2
        static let rowMarker: Int32 = -1
    }

    /// Every coding, in the order added.
    public private(set) var entries: [Entry] = []
    /// Document ids by position, as the entries' `document` counts them.
    public private(set) var documentIDs: [String]
    /// Code ids by position: the codebook's codes in codebook order, then any unknown ids.
    public private(set) var codeIDs: [String]
    /// Coders in order of their first coding.
    public private(set) var coderNames: [String] = []
    /// Files the codings were written in.
    private var files: [String] = []
    private var codePositions: [String: Int32]
    /// The same positions by the bytes of the ids, for the rows of codings files.
    private var codePositionsByBytes = ByteKeyedPositions()
    private var coderPositions: [String: Int32] = [:]
    private var filePositions: [String: Int32] = [:]
    private var documentPositions: [String: Int32] = [:]
    /// The coder and file of the coding added last: codings come by file and by coder.
    private var lastCoder: (name: String, position: Int32)?
    private var lastFile: (name: String, position: Int32)?

    /// An empty table for the codes of a codebook; documents are added with ``addDocument(id:)``.
    public init(codebook: Codebook) {
        documentIDs = []
        codeIDs = codebook.codes.map(\.id)
        var positions: [String: Int32] = [:]
        for (position, id) in codeIDs.enumerated() where positions[id] == nil { positions[id] = Int32(position) }
        codePositions = positions
    }

    /// Makes a document known, at the next position; returns that position.
    @discardableResult
    public mutating func addDocument(id: String) -> Int32 {
        let position = Int32(documentIDs.count)
        documentIDs.append(id)
        if documentPositions[id] == nil { documentPositions[id] = position }
        return position
    }

    /// Adds a coding of a document the table knows (by id); a coding of another document is left out.
    public mutating func append(_ coding: Coding) {
        guard let document = documentPositions[coding.documentID] else { return }
        append(coding, document: document)
    }

    /// Adds a coding of the document at `document`.
    mutating func append(_ coding: Coding, document: Int32) {
        appendEntry(document: document, code: codePosition(of: coding.codeID), coder: coding.coder, file: coding.location.file,
                    line: Int32(clamping: coding.location.line ?? coding.location.row ?? 0),
                    column: coding.location.line == nil && coding.location.row != nil ? Entry.rowMarker : Int32(clamping: coding.location.column ?? 0),
                    segments: coding.segments, rangeStart: coding.range?.lowerBound ?? coding.tagOffset ?? -1,
                    rangeEnd: coding.range?.upperBound ?? (coding.tagOffset == nil ? -1 : Entry.tagMarker), memo: coding.memo)
    }

    /// Adds the coding of a codings file's row (`CODER.csv` in `file`) of the document at `document`:
    /// the same entry as ``append(_:document:)`` makes of the row's ``Coding``, without making one.
    mutating func append(_ row: SidecarCodings.Row, document: Int32, coder: String, file: String) {
        let code: Int32
        if let known = codePositionsByBytes.position(of: row.code) {
            code = known
        } else {
            code = codePosition(of: String(decoding: row.code, as: UTF8.self))
            codePositionsByBytes.insert(row.code, position: code)
        }
        appendEntry(document: document, code: code, coder: coder, file: file, line: Int32(clamping: row.line), column: 1,
                    segments: row.segments, rangeStart: row.range?.lowerBound ?? -1, rangeEnd: row.range?.upperBound ?? -1, memo: row.memo)
    }

    /// The position of a code id, added after the others when the table does not know it yet.
    private mutating func codePosition(of id: String) -> Int32 {
        if let known = codePositions[id] { return known }
        let code = Int32(codeIDs.count)
        codeIDs.append(id)
        codePositions[id] = code
        return code
    }

    private mutating func appendEntry(document: Int32, code: Int32, coder coderName: String, file fileName: String, line: Int32, column: Int32,
                                      segments: ClosedRange<Int>, rangeStart: Int, rangeEnd: Int, memo: String?) {
        let coder: Int32
        if let last = lastCoder, last.name == coderName {
            coder = last.position
        } else {
            coder = Self.position(of: coderName, in: &coderNames, &coderPositions)
            lastCoder = (coderName, coder)
        }
        let file: Int32
        if let last = lastFile, last.name == fileName {
            file = last.position
        } else {
            file = Self.position(of: fileName, in: &files, &filePositions)
            lastFile = (fileName, file)
        }
        entries.append(Entry(document: document, code: code, coder: coder, file: file, line: line, column: column,
                             firstSegment: segments.lowerBound, lastSegment: segments.upperBound,
                             rangeStart: rangeStart, rangeEnd: rangeEnd, memo: memo))
    }

    private static func position(of name: String, in names: inout [String], _ positions: inout [String: Int32]) -> Int32 {
        if let known = positions[name] { return known }
        let position = Int32(names.count)
        names.append(name)
        positions[name] = position
        return position
    }

    /// Makes room for `count` more codings at once, so a codings file of hundreds of thousands of
    /// rows is not copied each time the table doubles, nor held with up to twice the room it needs.
    /// - Complexity: amortised O(1) per coding over many calls: the room at least grows by half.
    public mutating func reserveCapacity(adding count: Int) {
        let needed = entries.count + count
        guard needed > entries.capacity else { return }
        entries.reserveCapacity(Swift.max(needed, entries.capacity + entries.capacity / 2))
    }

    /// Removes the entries that `isExcluded` accepts; the rest keep their order.
    mutating func removeAll(where isExcluded: (Entry) -> Bool) {
        entries.removeAll(where: isExcluded)
    }

    /// The position of a coder, when it has a coding.
    public func coder(named name: String) -> Int32? { coderPositions[name] }

    /// Where a coding was written.
    public func location(of entry: Entry) -> SourceLocation {
        if entry.column == Entry.rowMarker { return SourceLocation(file: files[Int(entry.file)], row: Int(entry.line)) }
        return SourceLocation(file: files[Int(entry.file)], line: entry.line == 0 ? nil : Int(entry.line), column: entry.column == 0 ? nil : Int(entry.column))
    }

    // MARK: The codings as values

    /// The position of the first coding.
    public var startIndex: Int { entries.startIndex }
    /// The position just past the last coding.
    public var endIndex: Int { entries.endIndex }

    /// The coding at `position`, made from its entry.
    public subscript(position: Int) -> Coding {
        let entry = entries[position]
        return Coding(documentID: documentIDs[Int(entry.document)], segments: entry.segments, codeID: codeIDs[Int(entry.code)],
                      coder: coderNames[Int(entry.coder)], range: entry.range,
                      tagOffset: entry.tagOffset, memo: entry.memo, location: location(of: entry))
    }
}
