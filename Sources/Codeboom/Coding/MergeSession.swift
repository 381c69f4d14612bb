/// `codeboom merge --coders A,B --into NAME`: after the consensus discussion, the codings both
/// coders gave go to `NAME.csv` at once, and each segment where they differ — the units
/// `agree --disagreements` lists (``AgreementTable/disagreements``), taken together per segment —
/// is decided with one choice: A's codes, B's codes, both, or neither.
///
/// As in ``ReviewSession`` the files are the state: a disputed code is decided when `NAME.csv`
/// has it on that segment (chosen) or `NAME.rejected.csv` has it from `A+B` (not chosen), so a new
/// session resumes at the first segment with a code still undecided.
public struct MergeSession: Sendable {
    /// One segment where the coders differ.
    public struct Unit: Sendable, Equatable {
        /// The document's id.
        public var documentID: String
        /// The document's position in the project (corpus order), to read its text.
        public var documentPosition: Int
        /// The segment's number.
        public var segment: Int
        /// Codes only the first coder gave the segment, in codebook order.
        public var onlyFirst: [String]
        /// Codes only the second coder gave it.
        public var onlySecond: [String]
        /// Codes both gave it (written already).
        public var agreed: [String]

        /// Every code in dispute here.
        public var disputed: [String] { onlyFirst + onlySecond }

        /// The codes a choice keeps.
        public func codes(for choice: Choice) -> [String] {
            switch choice {
            case .first: onlyFirst
            case .second: onlySecond
            case .both: onlyFirst + onlySecond
            case .neither: []
            }
        }
    }

    /// A decision on a unit.
    public enum Choice: String, Sendable, Equatable, CaseIterable {
        /// The first coder's codes.
        case first
        /// The second coder's codes.
        case second
        /// The codes of both.
        case both
        /// None of the disputed codes.
        case neither
    }

    /// The two coders, in the order given.
    public let coders: (first: String, second: String)
    /// The segments to decide, in corpus order.
    public let units: [Unit]
    /// The codings both coders gave, which the merged file holds whatever is decided.
    public let agreements: [ReviewCodingsFile.Key]
    /// Documents that only one of the two coded: no unit of theirs is compared, so none is merged.
    public let documentsCodedByOne: [String]
    /// The merged codings file as it is to be written.
    public private(set) var codings: ReviewCodingsFile
    /// The rejections file as it is to be written.
    public private(set) var rejections: ReviewCodingsFile
    /// The unit shown now; `units.count` past the last.
    public private(set) var position: Int

    /// What the rejections file's `from` says for a code a merge left out: `A+B`.
    public var source: String { "\(coders.first)+\(coders.second)" }

    /// The merge of `first` and `second` in `project`, against the merged file and its rejections as
    /// they are now (nil: none yet). The agreements are added to ``codings`` at once.
    public init(project: Project, first: String, second: String, codingsText: String?, rejectionsText: String?) {
        coders = (first, second)
        let table = AgreementTable(project: project, coders: [first, second], unit: .segment, listingDisagreements: true)
        let codebook = project.codebook
        // Disagreements come by code; a person decides per segment, so they are gathered by segment.
        var byUnit: [AgreementTable.UnitReference: (first: Set<String>, second: Set<String>)] = [:]
        var order: [AgreementTable.UnitReference] = []
        for disagreement in table.disagreements {
            guard disagreement.unit.segmentNumber != nil else { continue }
            let unit = disagreement.unit
            if byUnit[unit] == nil { order.append(unit) }
            var entry = byUnit[unit] ?? ([], [])
            if disagreement.codesByCoder[0]?.contains(disagreement.codeID) == true { entry.first.insert(disagreement.codeID) }
            if disagreement.codesByCoder[1]?.contains(disagreement.codeID) == true { entry.second.insert(disagreement.codeID) }
            byUnit[unit] = entry
        }
        // Agreements: per segment of a document both coded, the codes both gave (interviewer turns never count).
        let shared = Set(table.documentIDs)
        var given: [[ReviewCodingsFile.Key: Bool]] = [[:], [:]]
        for (index, coder) in [first, second].enumerated() {
            guard let position = project.codings.coder(named: coder) else { continue }
            for entry in project.codings.entries where entry.coder == position && Int(entry.code) < codebook.codes.count {
                let outline = project.documents[Int(entry.document)]
                guard shared.contains(outline.id) else { continue }
                for number in entry.segments where number >= 1 && number <= outline.segments.count && !outline.segments[number - 1].isInterviewer {
                    given[index][ReviewCodingsFile.Key(documentID: outline.id, segment: number, codeID: project.codings.codeIDs[Int(entry.code)])] = true
                }
            }
        }
        func rank(_ key: ReviewCodingsFile.Key) -> (Int, Int, Int) {
            (project.position(ofDocument: key.documentID) ?? Int.max, key.segment, codebook.position(of: key.codeID) ?? Int.max)
        }
        let agreements = given[0].keys.filter { given[1][$0] == true }.sorted { rank($0) < rank($1) }
        self.agreements = agreements
        var agreedByUnit: [AgreementTable.UnitReference: [String]] = [:]
        for key in agreements { agreedByUnit[AgreementTable.UnitReference(documentID: key.documentID, segmentNumber: key.segment), default: []].append(key.codeID) }
        func sorted(_ codes: Set<String>) -> [String] { codes.sorted { (codebook.position(of: $0) ?? Int.max) < (codebook.position(of: $1) ?? Int.max) } }
        units = order.compactMap { reference in
            guard let number = reference.segmentNumber, let position = project.position(ofDocument: reference.documentID),
                  let entry = byUnit[reference] else { return nil }
            return Unit(documentID: reference.documentID, documentPosition: position, segment: number,
                        onlyFirst: sorted(entry.first), onlySecond: sorted(entry.second), agreed: agreedByUnit[reference] ?? [])
        }.sorted { ($0.documentPosition, $0.segment) < ($1.documentPosition, $1.segment) }
        var codedBy: [String: Set<Int>] = [:]
        for (index, coder) in [first, second].enumerated() {
            guard let position = project.codings.coder(named: coder) else { continue }
            for entry in project.codings.entries where entry.coder == position { codedBy[project.documents[Int(entry.document)].id, default: []].insert(index) }
        }
        documentsCodedByOne = project.documents.map(\.id).filter { codedBy[$0]?.count == 1 }
        var codings = ReviewCodingsFile(text: codingsText, newColumns: ReviewCodingsFile.codingColumns)
        let present = codings.keys
        for key in agreements where !present.contains(key) { codings.append(key) }
        self.codings = codings
        rejections = ReviewCodingsFile(text: rejectionsText, newColumns: ReviewCodingsFile.rejectionColumns)
        position = 0
        position = nextUndecided(from: 0)
    }

    /// The unit shown now, or nil past the last.
    public var current: Unit? { units.indices.contains(position) ? units[position] : nil }

    /// The choice the files hold for the unit at `index`, or nil while a disputed code is undecided.
    public func choice(at index: Int) -> Choice? {
        let unit = units[index]
        var kept: Set<String> = []
        for code in unit.disputed {
            let key = ReviewCodingsFile.Key(documentID: unit.documentID, segment: unit.segment, codeID: code)
            if codings.values(of: key) != nil {
                kept.insert(code)
            } else if rejections.values(of: key)?["from"] != source {
                return nil
            }
        }
        // When one coder gave none of the disputed codes, "neither" and that coder's choice keep the same:
        // nothing kept reads as neither, everything as the coder's or both.
        if kept.isEmpty { return .neither }
        return [Choice.first, .second, .both].first { Set(unit.codes(for: $0)) == kept } ?? .both
    }

    /// How many units are decided.
    public var decidedCount: Int { units.indices.filter { choice(at: $0) != nil }.count }

    /// Decides the current unit (replacing an earlier decision) and moves to the next undecided one.
    public mutating func decide(_ choice: Choice) {
        guard let unit = current else { return }
        let kept = Set(unit.codes(for: choice))
        for code in unit.disputed {
            let key = ReviewCodingsFile.Key(documentID: unit.documentID, segment: unit.segment, codeID: code)
            codings.remove(key)
            rejections.remove(key)
            if kept.contains(code) {
                codings.append(key)
            } else {
                rejections.append(key, values: ["from": source])
            }
        }
        position = nextUndecided(from: position + 1)
    }

    /// Leaves the current unit undecided and moves on.
    public mutating func skip() {
        guard position < units.count else { return }
        position = nextUndecided(from: position + 1)
    }

    /// Goes back to the unit before the current one.
    public mutating func back() {
        if position > 0 { position -= 1 }
    }

    private func nextUndecided(from start: Int) -> Int {
        var index = start
        while index < units.count, choice(at: index) != nil { index += 1 }
        return index
    }
}
