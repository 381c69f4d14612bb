extension FrequencyTable {
    /// Counts per code and group of any variable (``GroupingVariable``) instead of per perspective,
    /// by the same rules: a parent counts its descendants, each segment, document and respondent once
    /// per cell; interviewer turns are left out. A respondent with two values (two documents of two
    /// organisations) counts once in each group, and is one respondent in the total; a segment counts
    /// for each value its words have. The groups are the values, spelled as most write them and
    /// sorted as perspectives are, then "zonder VARIABELE" when some respondent or coded segment has
    /// none. Grouped by `perspectief` it is the table of ``init(project:coder:)``.
    ///
    /// - Complexity: O(coded segments × codes per segment × values + respondents × documents).
    public init(project: Project, coder: String, groupedBy variable: GroupingVariable) {
        let respondentValues = variable.respondentValues(in: project)
        // The values of every document's words, per speaker kind, spelled as most write them.
        let respondentGroups = variable.respondentGroups(in: project, respondentValues: respondentValues)
        let spellings = respondentGroups.values.flatMap { $0 }
        let groups: [Perspective]
        if variable.isPerspective {
            groups = project.perspectives
        } else {
            // Values of documents' own words (notes without respondents) join as documents' perspectives do.
            let documentValues = project.documents.compactMap { variable.documentValue($0) }
            groups = Perspective.spelledAsMostWrite(spellings, adding: documentValues)
        }
        let columnOfKey = Dictionary(groups.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let unassignedColumn = groups.count, totalColumn = groups.count + 1, columnCount = groups.count + 2
        let unassigned = variable.isPerspective ? Perspective.unassigned : Perspective("zonder \(variable.name)")

        let codes = project.codebook.codes
        let ids = project.respondents.keys.sorted { $0.precedesNaturally($1) }
        let respondentIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let segments = CodedSegments(project: project, coder: coder)
        var segmentTallies = [Int](repeating: 0, count: codes.count * columnCount)
        var documentTallies = segmentTallies
        var lastDocument = [Int](repeating: -1, count: codes.count * columnCount)
        var respondentPairs: [(cell: Int, respondent: Int)] = []
        var columns: [Int] = []
        var usedUnassigned = false
        for entry in segments.entries {
            let speaker = project.documents[entry.document].segments[entry.segment].speaker
            let values = variable.values(of: speaker, inDocument: entry.document, project: project, respondentValues: respondentValues)
            columns = values.compactMap { columnOfKey[$0.folded] }
            columns = columns.enumerated().filter { offset, column in !columns[..<offset].contains(column) }.map(\.element)
            if columns.isEmpty {
                columns = [unassignedColumn]
                usedUnassigned = true
            }
            columns.append(totalColumn)
            let respondent = speaker.respondentID.flatMap { respondentIndex[$0] }
            for code in segments.codes(of: entry) {
                for column in columns {
                    let cell = Int(code) * columnCount + column
                    segmentTallies[cell] += 1
                    if lastDocument[cell] != entry.document {
                        lastDocument[cell] = entry.document
                        documentTallies[cell] += 1
                    }
                    if let respondent { respondentPairs.append((cell, respondent)) }
                }
            }
        }
        respondentPairs.sort { ($0.cell, $0.respondent) < ($1.cell, $1.respondent) }
        var respondentsByCell = [[Int]](repeating: [], count: codes.count * columnCount)
        for (offset, pair) in respondentPairs.enumerated() where offset == 0 || respondentPairs[offset - 1] != pair {
            respondentsByCell[pair.cell].append(pair.respondent)
        }
        var sizes = [Int](repeating: 0, count: columnCount)
        for id in ids {
            let own = Set((respondentGroups[id] ?? []).compactMap { columnOfKey[$0.folded] })
            if own.isEmpty { sizes[unassignedColumn] += 1 } else { for column in own { sizes[column] += 1 } }
        }
        sizes[totalColumn] = ids.count
        let hasUnassigned = sizes[unassignedColumn] > 0 || usedUnassigned
        var rows: [Row] = []
        for (position, code) in codes.enumerated() {
            let path = project.codebook.path(of: code.id)
            for column in 0..<columnCount where column != unassignedColumn || hasUnassigned {
                let cell = position * columnCount + column
                let group: Perspective? = column < groups.count ? groups[column] : column == unassignedColumn ? unassigned : nil
                rows.append(Row(codeID: code.id, path: path, perspective: group, segments: segmentTallies[cell], documents: documentTallies[cell],
                                respondents: respondentsByCell[cell].count, respondentsInPerspective: sizes[column],
                                respondentIDs: respondentsByCell[cell].map { ids[$0] }))
            }
        }
        self.init(coder: coder, perspectives: groups, columns: groups + (hasUnassigned ? [unassigned] : []), rows: rows)
    }
}
