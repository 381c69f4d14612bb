/// How well keyword rules reproduce a person's coding: per code, segments both coded, only the
/// rules, only the person; precision, recall and F1; and the terms behind most false positives.
public struct AutoCodeEvaluation: Sendable {
    /// The comparison for one code, or for all codes together.
    public struct Row: Sendable, Equatable {
        /// The code's id; empty for all codes together.
        public var codeID: String
        /// Segments both the rules and the person coded with it.
        public var both: Int
        /// Segments only the rules coded with it (false positives).
        public var autoOnly: Int
        /// Segments only the person coded with it (false negatives).
        public var humanOnly: Int

        /// Share of the rules' codings the person also made; nil when the rules coded nothing.
        public var precision: Double? { both + autoOnly == 0 ? nil : Double(both) / Double(both + autoOnly) }
        /// Share of the person's codings the rules found; nil when the person coded nothing.
        public var recall: Double? { both + humanOnly == 0 ? nil : Double(both) / Double(both + humanOnly) }
        /// The harmonic mean of precision and recall; nil when either is undefined.
        public var f1: Double? {
            guard both + autoOnly + humanOnly > 0 else { return nil }
            return 2 * Double(both) / Double(2 * both + autoOnly + humanOnly)
        }
    }

    /// The person whose codings the rules are compared with.
    public var coder: String
    /// Documents the person coded; only their respondent segments are compared.
    public var documentIDs: [String]
    /// One row per code with rules, in codebook order.
    public var rows: [Row]
    /// All codes together (micro-average).
    public var overall: Row
    /// Terms by the number of false positives they caused, most first.
    public var falsePositiveTerms: [(term: String, codeID: String, count: Int)]

    /// Compares the hits with `coder`'s codings of the same codes, exactly (not sub-codes).
    public init(project: Project, hits: [AutoCoder.Hit], rules: KeywordRules, against coder: String) {
        self.coder = coder
        let personCodings = project.codings(by: coder)
        let coded = Set(personCodings.map(\.documentID))
        documentIDs = project.documents.map(\.id).filter(coded.contains)
        let ruleCodes = Set(rules.codeIDs)
        func eligible(_ documentID: String, _ number: Int) -> Bool {
            guard coded.contains(documentID), let segment = project.document(id: documentID)?.segment(number: number) else { return false }
            return !segment.isInterviewer
        }
        // A segment as compared: per code, the set of places each side coded.
        struct Place: Hashable { var document: String, segment: Int }
        var human: [String: Set<Place>] = [:]
        for coding in personCodings where ruleCodes.contains(coding.codeID) {
            for number in coding.segmentNumbers where eligible(coding.documentID, number) {
                human[coding.codeID, default: []].insert(Place(document: coding.documentID, segment: number))
            }
        }
        var auto: [String: Set<Place>] = [:]
        struct TermKey: Hashable { var codeID: String, term: String }
        var termCounts: [TermKey: Int] = [:]
        for hit in hits where eligible(hit.documentID, hit.segmentNumber) {
            let place = Place(document: hit.documentID, segment: hit.segmentNumber)
            auto[hit.codeID, default: []].insert(place)
            if human[hit.codeID]?.contains(place) != true {
                for term in hit.terms { termCounts[TermKey(codeID: hit.codeID, term: term), default: 0] += 1 }
            }
        }
        let rows = rules.codeIDs.map { code in
            let autoPlaces = auto[code] ?? [], humanPlaces = human[code] ?? []
            return Row(codeID: code, both: autoPlaces.intersection(humanPlaces).count,
                       autoOnly: autoPlaces.subtracting(humanPlaces).count, humanOnly: humanPlaces.subtracting(autoPlaces).count)
        }
        self.rows = rows
        overall = Row(codeID: "", both: rows.reduce(0) { $0 + $1.both }, autoOnly: rows.reduce(0) { $0 + $1.autoOnly },
                      humanOnly: rows.reduce(0) { $0 + $1.humanOnly })
        falsePositiveTerms = termCounts.map { (term: $0.key.term, codeID: $0.key.codeID, count: $0.value) }
            .sorted { ($0.count, $1.codeID, $1.term) > ($1.count, $0.codeID, $0.term) }
    }
}
