/// Which codes come up together: for every pair of codes, the number of segments (or documents, or
/// respondents) that hold both, per perspective and in total, with Jaccard's index.
///
/// Counted as ``FrequencyTable`` counts: a parent holds its descendants (a segment coded with a
/// sub-code holds its parent too, once), interviewer turns are left out, a paragraph without a
/// respondent counts for its document's perspective in segments and documents but holds no
/// respondent. So a code co-occurs with itself in exactly its own count in `freq`.
public struct CooccurrenceTable: Sendable {
    /// What is counted as "together".
    public enum Unit: String, Sendable, CaseIterable {
        /// The same segment (turn or paragraph).
        case segment
        /// The same document, in the words of the same perspective.
        case document
        /// The same respondent, anywhere in the corpus.
        case respondent
    }

    /// One pair of codes in one perspective (or in total).
    public struct Row: Sendable, Equatable {
        /// The first code of the pair.
        public var codeA: String
        /// The second code of the pair (the same as `codeA` on the diagonal).
        public var codeB: String
        /// nil for the total.
        public var perspective: Perspective?
        /// Units holding both codes.
        public var both: Int
        /// Units holding `codeA`, and those holding `codeB`.
        public var countA: Int, countB: Int
        /// both / (units holding either); nil when neither occurs.
        public var jaccard: Double? {
            let either = countA + countB - both
            return either > 0 ? Double(both) / Double(either) : nil
        }
    }

    /// The unit counted.
    public var unit: Unit
    /// Whose codings are counted.
    public var coder: String
    /// Code ids in codebook order.
    public var codeIDs: [String]
    /// The columns, as ``FrequencyTable/columns``: the perspectives and, when someone has none, ``Perspective/unassigned``.
    public var columns: [Perspective]
    /// `(column × codes + a) × codes + b`, the total after the columns.
    private var counts: [Int]
    /// Which column of `counts` each of `columns` is (the unassigned one is kept apart while counting).
    private var countColumn: [Int]
    private var totalColumn: Int

    /// Counts the coder's codings of `project` by `unit`.
    /// - Complexity: O(coded segments × codes per segment², plus codes² × perspectives).
    public init(project: Project, coder: String, unit: Unit) {
        self.unit = unit
        self.coder = coder
        let codeCount = project.codebook.codes.count
        codeIDs = project.codebook.codes.map(\.id)
        let perspectives = project.perspectives
        let index = PerspectiveIndex(project: project, perspectives: perspectives)
        let unassignedColumn = perspectives.count
        let total = perspectives.count + 1
        totalColumn = total
        let segments = CodedSegments(project: project, coder: coder)
        var counts = [Int](repeating: 0, count: (perspectives.count + 2) * codeCount * codeCount)
        var usedUnassigned = project.respondents.keys.contains { index.column(of: .respondent($0), inDocument: 0) == nil }

        /// Counts one unit of a column holding `held` (ascending, distinct): every ordered pair of its codes.
        func add(_ held: some Collection<Int32>, to column: Int) {
            let base = column * codeCount * codeCount
            for a in held {
                let row = base + Int(a) * codeCount
                for b in held { counts[row + Int(b)] += 1 }
            }
        }
        func column(of entry: CodedSegments.Entry) -> Int {
            let speaker = project.documents[entry.document].segments[entry.segment].speaker
            return index.column(of: speaker, inDocument: entry.document) ?? unassignedColumn
        }

        switch unit {
        case .segment:
            for entry in segments.entries {
                let column = column(of: entry)
                if column == unassignedColumn { usedUnassigned = true }
                add(segments.codes(of: entry), to: column)
                add(segments.codes(of: entry), to: total)
            }
        case .document:
            // Per document, the codes of each column's segments; in the total, the document's codes of any column.
            var held: [Int: [Int32]] = [:]
            func flush() {
                var all: [Int32] = []
                for (column, codes) in held {
                    add(Self.distinct(codes), to: column)
                    all.append(contentsOf: codes)
                }
                if !all.isEmpty { add(Self.distinct(all), to: total) }
                held.removeAll(keepingCapacity: true)
            }
            var current = -1
            for entry in segments.entries {
                if entry.document != current { flush(); current = entry.document }
                let column = column(of: entry)
                if column == unassignedColumn { usedUnassigned = true }
                held[column, default: []].append(contentsOf: segments.codes(of: entry))
            }
            flush()
        case .respondent:
            // A respondent counts in their perspective's column; paragraphs without a respondent hold none.
            let ids = project.respondents.keys.sorted { $0.precedesNaturally($1) }
            let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            var held = [[Int32]](repeating: [], count: ids.count)
            for entry in segments.entries {
                guard let id = project.documents[entry.document].segments[entry.segment].respondentID, let respondent = position[id] else { continue }
                held[respondent].append(contentsOf: segments.codes(of: entry))
            }
            for (respondent, codes) in held.enumerated() where !codes.isEmpty {
                let distinct = Self.distinct(codes)
                add(distinct, to: index.column(of: .respondent(ids[respondent]), inDocument: 0) ?? unassignedColumn)
                add(distinct, to: total)
            }
        }
        self.counts = counts
        columns = perspectives + (usedUnassigned ? [.unassigned] : [])
        countColumn = Array(0..<perspectives.count) + (usedUnassigned ? [unassignedColumn] : [])
    }

    private static func distinct(_ codes: [Int32]) -> [Int32] {
        let sorted = codes.sorted()
        return sorted.enumerated().compactMap { offset, code in offset == 0 || sorted[offset - 1] != code ? code : nil }
    }

    /// Units holding both codes (by position in ``codeIDs``) in a column (nil: the total).
    public func both(_ a: Int, _ b: Int, in column: Perspective?) -> Int {
        guard let slot = slot(of: column) else { return 0 }
        return counts[(slot * codeIDs.count + a) * codeIDs.count + b]
    }

    private func slot(of column: Perspective?) -> Int? {
        guard let column else { return totalColumn }
        return columns.firstIndex(of: column).map { countColumn[$0] }
    }

    /// The pair's row in a column (nil: the total).
    public func row(_ a: Int, _ b: Int, in column: Perspective?) -> Row {
        Row(codeA: codeIDs[a], codeB: codeIDs[b], perspective: column, both: both(a, b, in: column),
            countA: both(a, a, in: column), countB: both(b, b, in: column))
    }

    /// Every row: each ordered pair of codes in codebook order (the diagonal included) × the columns and the total.
    public func rows(perspective: Perspective? = nil) -> [Row] {
        let shown: [Perspective?] = perspective.map { [$0] } ?? columns.map { $0 } + [nil]
        var rows: [Row] = []
        rows.reserveCapacity(codeIDs.count * codeIDs.count * shown.count)
        for a in codeIDs.indices {
            for b in codeIDs.indices {
                for column in shown { rows.append(row(a, b, in: column)) }
            }
        }
        return rows
    }
}
