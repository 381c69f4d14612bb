/// Counts per code and perspective: the numbers every results table of a study is made of.
public struct FrequencyTable: Sendable, Equatable {
    /// One cell group: a code in one perspective (or in total).
    public struct Row: Sendable, Equatable {
        /// The code's id.
        public var codeID: String
        /// Ids from the top category down to the code.
        public var path: [String]
        /// nil for the total over all perspectives.
        public var perspective: Perspective?
        /// Segments coded with the code or a code below it.
        public var segments: Int
        /// Documents with such a segment.
        public var documents: Int
        /// Respondents who said such a segment.
        public var respondents: Int
        /// Respondents in the perspective (all respondents for the total): the N of `respondents` of N.
        public var respondentsInPerspective: Int
        /// Respondent ids behind `respondents`, sorted; reports name them.
        public var respondentIDs: [String]
    }

    /// The word the CSV, JSON and reports use for the total column.
    public static let totalName = "totaal"

    /// The coder whose codings are counted.
    public var coder: String
    /// The perspectives of the corpus, sorted, one column each.
    public var perspectives: [Perspective]
    /// Code-major: every code in codebook order × (perspectives…, total).
    public var rows: [Row]

    private var index: [String: Int]

    /// Counts the coder's codings: per code (its descendants included, each segment, document and
    /// respondent once) and perspective, interviewer turns excluded.
    ///
    /// - Complexity: O(codings × depth + codes × perspectives).
    public init(project: Project, coder: String) {
        self.coder = coder
        let perspectives = project.perspectives
        self.perspectives = perspectives
        let columnCount = perspectives.count + 1
        let columnOfPerspective = Dictionary(uniqueKeysWithValues: perspectives.enumerated().map { ($1.key, $0) })
        let codes = project.codebook.codes
        let codeIndex = Dictionary(codes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Integer keys: segments as (document index, number), respondents by position.
        struct Tally {
            var segments: Set<SegmentKey> = []
            var documents: Set<Int> = []
            var respondents: Set<Int> = []
        }
        // Natural order once, so each row's ids sort as integers.
        let respondentIDs = project.respondents.keys.sorted { $0.precedesNaturally($1) }
        let respondentIndex = Dictionary(uniqueKeysWithValues: respondentIDs.enumerated().map { ($1, $0) })
        let ancestries = codes.map { code in project.codebook.path(of: code.id).compactMap { codeIndex[$0] } }
        // Folding a perspective name is costly: resolve each respondent's and document's column once.
        let respondentColumn = project.respondents.mapValues { $0.perspective.flatMap { columnOfPerspective[$0.folded] } }
        let documentColumn = project.documents.map { $0.perspective.flatMap { columnOfPerspective[$0.folded] } }
        var tallies = Array(repeating: Tally(), count: codes.count * columnCount)
        for coding in project.codings where coding.coder == coder {
            guard let documentPosition = project.position(ofDocument: coding.documentID), let code = codeIndex[coding.codeID] else { continue }
            let segments = project.documents[documentPosition].segments
            for number in coding.segmentNumbers where number >= 1 && number <= segments.count {
                let column: Int?
                let respondent: Int?
                switch segments[number - 1].speaker {
                case .interviewer: continue
                case .respondent(let id):
                    column = respondentColumn[id] ?? nil
                    respondent = respondentIndex[id]
                case .unattributed:
                    column = documentColumn[documentPosition]
                    respondent = nil
                }
                guard let segmentKey = SegmentKey(document: documentPosition, number: number) else { continue }
                for ancestor in ancestries[code] {
                    // The total column, and the perspective's when the speaker has one.
                    for slot in [ancestor * columnCount + perspectives.count, column.map { ancestor * columnCount + $0 }] {
                        guard let slot else { continue }
                        tallies[slot].segments.insert(segmentKey)
                        tallies[slot].documents.insert(documentPosition)
                        if let respondent { tallies[slot].respondents.insert(respondent) }
                    }
                }
            }
        }

        var sizes = Array(repeating: 0, count: columnCount)
        for respondent in project.respondents.values {
            if let column = respondent.perspective.flatMap({ columnOfPerspective[$0.folded] }) { sizes[column] += 1 }
        }
        sizes[perspectives.count] = project.respondents.count
        var rows: [Row] = []
        var index: [String: Int] = [:]
        for (codePosition, code) in codes.enumerated() {
            let path = project.codebook.path(of: code.id)
            for column in 0..<columnCount {
                let tally = tallies[codePosition * columnCount + column]
                let perspective = column < perspectives.count ? perspectives[column] : nil
                index[Self.key(code.id, perspective)] = rows.count
                rows.append(Row(codeID: code.id, path: path, perspective: perspective, segments: tally.segments.count,
                                documents: tally.documents.count, respondents: tally.respondents.count,
                                respondentsInPerspective: sizes[column], respondentIDs: tally.respondents.sorted().map { respondentIDs[$0] }))
            }
        }
        self.rows = rows
        self.index = index
    }

    /// The row of a code in a perspective; nil perspective for the total.
    public func row(code: String, perspective: Perspective?) -> Row? {
        index[Self.key(code, perspective)].map { rows[$0] }
    }

    private static func key(_ code: String, _ perspective: Perspective?) -> String {
        code + "\u{0}" + (perspective?.key ?? "\u{1}")
    }
}
