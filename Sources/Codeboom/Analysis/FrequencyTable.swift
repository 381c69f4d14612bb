/// Counts per code and perspective: the numbers every results table of a study is made of.
public struct FrequencyTable: Sendable, Equatable {
    /// One cell group: a code in one perspective (or in total).
    public struct Row: Sendable, Equatable {
        /// The code counted.
        public var codeID: String
        /// Ids from the top category down to the code.
        public var path: [String]
        /// nil for the total over all perspectives.
        public var perspective: Perspective?
        /// Segments coded with the code or a code under it, each counted once.
        public var segments: Int
        /// Documents that hold such a segment.
        public var documents: Int
        /// Respondents who speak such a segment.
        public var respondents: Int
        /// All respondents of the perspective (of the project, for the total): what `respondents` is a share of.
        public var respondentsInPerspective: Int
        /// Respondent ids behind `respondents`, sorted; reports name them.
        public var respondentIDs: [String]
    }

    /// The word the CSV, JSON and reports use for the total column.
    public static let totalName = "totaal"

    /// The coder whose codings are counted.
    public var coder: String
    /// The perspectives, in report order: the columns before the total.
    public var perspectives: [Perspective]
    /// The perspectives and, when some respondent (or paragraph) has none, ``Perspective/unassigned``
    /// last: the columns of a table, which add up to the total.
    public var columns: [Perspective]
    /// Code-major: every code in codebook order × (perspectives…, total).
    public var rows: [Row]

    private var index: [String: Int]

    /// Counts the coder's codings: per code (its descendants included, each segment, document and
    /// respondent once) and perspective, interviewer turns excluded.
    ///
    /// Codings are first put in segment order (a counting sort on positions), so each segment,
    /// document and respondent is counted once per cell by comparing with the last one counted,
    /// without a set per cell.
    ///
    /// - Complexity: O(codings × segments per coding × depth + segments + codes × perspectives),
    ///   plus sorting each cell's respondents.
    public init(project: Project, coder: String) {
        self.coder = coder
        let perspectives = project.perspectives
        self.perspectives = perspectives
        // Every perspective, then the words of respondents without one, then the total.
        let unassignedColumn = perspectives.count, totalColumn = perspectives.count + 1
        let columnCount = perspectives.count + 2
        let index = PerspectiveIndex(project: project, perspectives: perspectives)
        let codes = project.codebook.codes
        let ancestries = codes.map { code in project.codebook.path(of: code.id).compactMap { project.codebook.position(of: $0) } }
        // Natural order once, so each row's ids sort as integers.
        let respondentIDs = project.respondents.keys.sorted { $0.precedesNaturally($1) }
        let respondentIndex = Dictionary(uniqueKeysWithValues: respondentIDs.enumerated().map { ($1, $0) })

        // Segments numbered across the project: document d's segment n is `firstSegment[d] + n - 1`.
        var firstSegment = [Int](repeating: 0, count: project.documents.count + 1)
        for (position, document) in project.documents.enumerated() { firstSegment[position + 1] = firstSegment[position] + document.segments.count }
        let segmentCount = firstSegment[project.documents.count]
        // The coder's codes per segment, by a counting sort: `bucketStart[s]..<bucketStart[s + 1]` in `codesBySegment`.
        let coderPosition = project.codings.coder(named: coder)
        var bucketStart = [Int32](repeating: 0, count: segmentCount + 1)
        func forEachCoded(_ body: (_ segment: Int, _ code: Int32) -> Void) {
            guard let coderPosition else { return }
            for entry in project.codings.entries where entry.coder == coderPosition && Int(entry.code) < codes.count {
                let document = Int(entry.document)
                let count = project.documents[document].segments.count
                for number in entry.segments where number >= 1 && number <= count { body(firstSegment[document] + number - 1, entry.code) }
            }
        }
        forEachCoded { segment, _ in bucketStart[segment + 1] += 1 }
        for segment in 0..<segmentCount { bucketStart[segment + 1] += bucketStart[segment] }
        var codesBySegment = [Int32](repeating: 0, count: Int(bucketStart[segmentCount]))
        var filled = bucketStart
        forEachCoded { segment, code in
            codesBySegment[Int(filled[segment])] = code
            filled[segment] += 1
        }

        var segmentTallies = [Int](repeating: 0, count: codes.count * columnCount)
        var documentTallies = segmentTallies
        // The last segment and document each cell counted (+ 1, 0 for none yet).
        var lastSegment = segmentTallies, lastDocument = segmentTallies
        var lastRespondent = [Int](repeating: -1, count: codes.count * columnCount)
        // The respondents each cell counted, made distinct and sorted below.
        var respondentsByCell = [[Int]](repeating: [], count: codes.count * columnCount)
        // The respondent of the segment before: a document's turns are mostly the same few people.
        var lastSpeaker: (id: String, column: Int?, respondent: Int?)? = nil
        for (documentPosition, document) in project.documents.enumerated() {
            for segment in document.segments.indices {
                let global = firstSegment[documentPosition] + segment
                let bucket = Int(bucketStart[global])..<Int(bucketStart[global + 1])
                guard !bucket.isEmpty else { continue }
                let speaker = document.segments[segment].speaker
                let column: Int?, respondent: Int?
                switch speaker {
                case .interviewer: continue
                case .respondent(let id):
                    if let last = lastSpeaker, last.id == id {
                        (column, respondent) = (last.column, last.respondent)
                    } else {
                        (column, respondent) = (index.column(of: speaker, inDocument: documentPosition) ?? unassignedColumn, respondentIndex[id])
                        lastSpeaker = (id, column, respondent)
                    }
                case .unattributed:
                    (column, respondent) = (index.column(of: speaker, inDocument: documentPosition) ?? unassignedColumn, nil)
                }
                func count(_ cell: Int) {
                    guard lastSegment[cell] != global + 1 else { return }
                    lastSegment[cell] = global + 1
                    segmentTallies[cell] += 1
                    if lastDocument[cell] != documentPosition + 1 {
                        lastDocument[cell] = documentPosition + 1
                        documentTallies[cell] += 1
                    }
                    if let respondent, lastRespondent[cell] != respondent {
                        lastRespondent[cell] = respondent
                        respondentsByCell[cell].append(respondent)
                    }
                }
                for code in codesBySegment[bucket] {
                    for ancestor in ancestries[Int(code)] {
                        // The total column, and the perspective's (or the column without one).
                        count(ancestor * columnCount + totalColumn)
                        if let column { count(ancestor * columnCount + column) }
                    }
                }
            }
        }
        for cell in respondentsByCell.indices where respondentsByCell[cell].count > 1 {
            respondentsByCell[cell].sort()
            var distinct = 0
            for respondent in respondentsByCell[cell] where distinct == 0 || respondentsByCell[cell][distinct - 1] != respondent {
                respondentsByCell[cell][distinct] = respondent
                distinct += 1
            }
            respondentsByCell[cell].removeLast(respondentsByCell[cell].count - distinct)
        }

        var sizes = Array(repeating: 0, count: columnCount)
        for id in project.respondents.keys {
            sizes[index.column(of: .respondent(id), inDocument: 0) ?? unassignedColumn] += 1
        }
        sizes[totalColumn] = project.respondents.count
        // The column without a perspective only when someone is in it.
        let hasUnassigned = sizes[unassignedColumn] > 0 || (0..<codes.count).contains { segmentTallies[$0 * columnCount + unassignedColumn] > 0 }
        columns = perspectives + (hasUnassigned ? [.unassigned] : [])
        var rows: [Row] = []
        var rowIndex: [String: Int] = [:]
        for (codePosition, code) in codes.enumerated() {
            let path = project.codebook.path(of: code.id)
            for column in 0..<columnCount where column != unassignedColumn || hasUnassigned {
                let cell = codePosition * columnCount + column
                let perspective = column < perspectives.count ? perspectives[column] : column == unassignedColumn ? .unassigned : nil
                rowIndex[Self.key(code.id, perspective)] = rows.count
                rows.append(Row(codeID: code.id, path: path, perspective: perspective, segments: segmentTallies[cell],
                                documents: documentTallies[cell], respondents: respondentsByCell[cell].count,
                                respondentsInPerspective: sizes[column], respondentIDs: respondentsByCell[cell].map { respondentIDs[$0] }))
            }
        }
        self.rows = rows
        self.index = rowIndex
    }

    /// The row of a code in a perspective; nil perspective for the total.
    public func row(code: String, perspective: Perspective?) -> Row? {
        index[Self.key(code, perspective)].map { rows[$0] }
    }

    private static func key(_ code: String, _ perspective: Perspective?) -> String {
        code + "\u{0}" + (perspective?.key ?? "\u{1}")
    }
}

extension FrequencyTable {
    /// A table of rows counted elsewhere (by another grouping variable, ``init(project:coder:groupedBy:)``),
    /// in the same order: code-major, every column, then the total.
    init(coder: String, perspectives: [Perspective], columns: [Perspective], rows: [Row]) {
        self.coder = coder
        self.perspectives = perspectives
        self.columns = columns
        self.rows = rows
        var index: [String: Int] = [:]
        for (position, row) in rows.enumerated() { index[Self.key(row.codeID, row.perspective)] = position }
        self.index = index
    }
}
