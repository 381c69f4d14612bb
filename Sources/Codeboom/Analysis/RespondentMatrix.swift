/// One row per respondent (or per document) with its variables and one column per code: 0/1
/// whether the respondent (document) has a segment with the code, or with `counts` the number of
/// such segments — the case × variable table SPSS, R and Excel read.
///
/// Counted as ``FrequencyTable`` counts: a parent holds its descendants, each segment once,
/// interviewer turns left out. So a code's column of 0/1 in the respondent matrix sums to the
/// code's respondents in `freq`'s total.
public struct RespondentMatrix: Sendable {
    /// What a row is.
    public enum Unit: String, Sendable, CaseIterable {
        /// A respondent, in natural order of their ids.
        case respondent
        /// A document, in corpus order.
        case document
    }

    /// One respondent or document.
    public struct Row: Sendable, Equatable {
        /// Its variables, in the order of ``RespondentMatrix/variableHeader``.
        public var variables: [String]
        /// Per code in codebook order: 0/1, or the number of segments with ``RespondentMatrix/counts``.
        public var values: [Int]
    }

    /// What a row is.
    public var unit: Unit
    /// Whose codings are counted.
    public var coder: String
    /// Whether the code columns hold segment counts instead of 0/1.
    public var counts: Bool
    /// The columns before the codes: `respondent,perspective,documents` and `respondenten.csv`'s own
    /// columns, or `document,type,perspective,respondents` and the documents' other variables.
    public var variableHeader: [String]
    /// Code ids in codebook order, the columns after the variables.
    public var codeIDs: [String]
    /// The rows.
    public var rows: [Row]

    /// The matrix of the coder's codings in `project`.
    /// - Complexity: O(coded segments × codes per segment + rows × (codes + variables)).
    public init(project: Project, coder: String, unit: Unit, counts: Bool = false) {
        self.unit = unit
        self.coder = coder
        self.counts = counts
        codeIDs = project.codebook.codes.map(\.id)
        let codeCount = codeIDs.count
        let segments = CodedSegments(project: project, coder: coder)
        let spelling = Dictionary(project.perspectives.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        func shown(_ perspective: String?) -> String { perspective.map { spelling[$0.folded] ?? $0 } ?? "" }

        switch unit {
        case .respondent:
            let ids = project.respondents.keys.sorted { $0.precedesNaturally($1) }
            let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            var values = [[Int]](repeating: [Int](repeating: 0, count: codeCount), count: ids.count)
            for entry in segments.entries {
                guard let id = project.documents[entry.document].segments[entry.segment].respondentID, let row = position[id] else { continue }
                for code in segments.codes(of: entry) { values[row][Int(code)] = counts ? values[row][Int(code)] + 1 : 1 }
            }
            // Each respondent's values of respondenten.csv's own columns, distinct, in file order; two are joined by "; ".
            let table = project.respondentTable
            var variables: [String: [String: [String]]] = [:]
            for entry in table.entries {
                guard let id = entry.respondent else { continue }
                for (name, value) in entry.variables where !(variables[id]?[name]?.contains(value) ?? false) {
                    variables[id, default: [:]][name, default: []].append(value)
                }
            }
            variableHeader = ["respondent", "perspective", "documents"] + table.variableNames
            rows = ids.enumerated().map { row, id in
                let respondent = project.respondents[id]
                let own = table.variableNames.map { (variables[id]?[$0] ?? []).joined(separator: "; ") }
                return Row(variables: [id, shown(respondent?.perspective), String(respondent?.documentIDs.count ?? 0)] + own, values: values[row])
            }
        case .document:
            var values = [[Int]](repeating: [Int](repeating: 0, count: codeCount), count: project.documents.count)
            for entry in segments.entries {
                for code in segments.codes(of: entry) {
                    values[entry.document][Int(code)] = counts ? values[entry.document][Int(code)] + 1 : 1
                }
            }
            // The documents' other variables (front matter, documenten.csv), alphabetical.
            let structural: Set<String> = ["id", "type", "perspectief", "respondent", DocumentParser.speakersKey, InlineCoder.metadataKey, "interviewer"]
            let names = Set(project.documents.flatMap { $0.metadata.keys }).subtracting(structural).sorted()
            variableHeader = ["document", "type", "perspective", "respondents"] + names
            rows = project.documents.enumerated().map { position, document in
                let respondents = Set(document.segments.compactMap(\.respondentID)).count
                let fixed = [document.id, document.type?.rawValue ?? "", shown(document.perspective), String(respondents)]
                return Row(variables: fixed + names.map { document.metadata[$0] ?? "" }, values: values[position])
            }
        }
    }

    /// Every column name: the variables, then the code ids.
    public var header: [String] { variableHeader + codeIDs }
}
