/// Two groups of respondents side by side: per code the share of each group's respondents who
/// raised it, the difference in percentage points and Fisher's exact p (two-sided) as a descriptive
/// aid — with the small numbers of a qualitative study it describes these respondents and does not
/// generalise. Counted by ``FrequencyTable``'s rules: a parent holds its sub-codes, each respondent once.
public struct GroupComparison: Sendable {
    /// One code.
    public struct Row: Sendable, Equatable {
        /// The code's id.
        public var codeID: String
        /// Respondents of group A with the code, and all of group A; the same for B.
        public var countA: Int, sizeA: Int, countB: Int, sizeB: Int
        /// 100 × (countA / sizeA − countB / sizeB).
        public var differencePercentagePoints: Double {
            100 * (Double(countA) / Double(sizeA) - Double(countB) / Double(sizeB))
        }
        /// Fisher's exact p, two-sided, of `[[countA, sizeA − countA], [countB, sizeB − countB]]`.
        public var fisherP: Double { FisherExact.twoSidedP(countA, sizeA - countA, countB, sizeB - countB) }
    }

    /// The two groups, as the table's columns name them.
    public var groupA: Perspective, groupB: Perspective
    /// Whose codings are counted.
    public var coder: String
    /// Every code but the categories, the largest difference (either way) first; equal ones in codebook order.
    public var rows: [Row]

    /// Compares two columns of a frequency table, each of which must hold respondents.
    public init(table: FrequencyTable, codebook: Codebook, groupA: Perspective, groupB: Perspective) {
        self.groupA = groupA
        self.groupB = groupB
        coder = table.coder
        var rows: [Row] = []
        for code in codebook.codes where !code.isCategory {
            guard let a = table.row(code: code.id, perspective: groupA), let b = table.row(code: code.id, perspective: groupB) else { continue }
            rows.append(Row(codeID: code.id, countA: a.respondents, sizeA: a.respondentsInPerspective,
                            countB: b.respondents, sizeB: b.respondentsInPerspective))
        }
        // |nA/NA − nB/NB| compared exactly, on integers: |nA·NB − nB·NA| / (NA·NB), the denominator the same for every row.
        let keyed = rows.enumerated().map { (offset: $0.offset, row: $0.element, size: abs($0.element.countA * $0.element.sizeB - $0.element.countB * $0.element.sizeA)) }
        self.rows = keyed.sorted { $0.size != $1.size ? $0.size > $1.size : $0.offset < $1.offset }.map(\.row)
    }
}
