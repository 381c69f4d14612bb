/// Intercoder agreement per code between named coders, over segments or documents.
public struct AgreementTable: Sendable {
    /// What one unit of comparison is.
    public enum Unit: String, Sendable, Equatable, CaseIterable {
        /// Every non-interviewer segment of the documents at least two coders coded.
        case segment
        /// The documents themselves: did a coder apply the code anywhere in it?
        case document
    }

    /// A place that coders compared: a segment (`number` set) or a whole document.
    public struct UnitReference: Sendable, Hashable {
        /// The document's id.
        public var documentID: String
        /// The segment's number in its document, from 1; nil when the unit is the whole document.
        public var segmentNumber: Int?

        /// `interview-03 §4` for a segment, the document id for a document.
        public var description: String {
            segmentNumber.map { "\(documentID) §\($0)" } ?? documentID
        }
    }

    /// The agreement on one code (or, as ``overall``, on all codes pooled).
    public struct Row: Sendable, Equatable {
        /// The code's id; empty for ``overall``.
        public var codeID: String
        /// Units with values from at least two coders.
        public var units: Int
        /// 0–100, nil when no unit has two values.
        public var percentAgreement: Double?
        /// Two coders only; nil when undefined or with more coders.
        public var cohenKappa: Double?
        /// Krippendorff's alpha (nominal), for any number of coders; nil when undefined.
        public var krippendorffAlpha: Double?
    }

    /// A unit where coders disagree about a code.
    public struct Disagreement: Sendable, Equatable {
        /// The code the coders disagree on.
        public var codeID: String
        /// The segment or document where they disagree.
        public var unit: UnitReference
        /// For each coder in order: the codes it gave the unit, or nil when it did not code the document.
        public var codesByCoder: [[String]?]
    }

    /// The coders compared, in the order given.
    public var coders: [String]
    /// What one unit of comparison is.
    public var unit: Unit
    /// One row per code that any of the coders used, in codebook order.
    public var rows: [Row]
    /// All codes pooled: every (unit, code) pair as one binary decision.
    public var overall: Row
    /// The units compared: the non-interviewer segments, or the documents, of ``documentIDs``.
    public var unitCount: Int
    /// Documents that at least two of the coders coded.
    public var documentIDs: [String]
    /// Each unit and code the coders disagree on, when they were asked for; else empty.
    public var disagreements: [Disagreement]

    /// Compares the coders. A coder who did not code a document is missing for its units, not 0.
    /// `listingDisagreements: false` leaves `disagreements` empty, for callers that only show the statistics.
    ///
    /// Units are counted by their pattern of values (one per coder), since a code over many
    /// segments is mostly "no" from everyone: memory grows with units × coders, not × codes.
    ///
    /// - Complexity: O(units × codes × coders).
    public init(project: Project, coders: [String], unit: Unit = .segment, listingDisagreements: Bool = true) {
        self.coders = coders
        self.unit = unit
        // The table's coder positions → positions in `coders`.
        var coderIndex: [Int32: Int] = [:]
        for (index, name) in coders.enumerated() {
            if let position = project.codings.coder(named: name), coderIndex[position] == nil { coderIndex[position] = index }
        }
        // Per coder: the documents it coded and, per unit, the codes it gave there (by position).
        // A unit's key is its document's position, and for segments its place among all segments.
        var firstSegment = [Int](repeating: 0, count: project.documents.count + 1)
        for (position, document) in project.documents.enumerated() { firstSegment[position + 1] = firstSegment[position] + document.segments.count }
        func key(document: Int, number: Int) -> Int { unit == .segment ? firstSegment[document] + number - 1 : document }
        var codedDocuments = Array(repeating: Set<Int>(), count: coders.count)
        var given = Array(repeating: [Int: Set<Int>](), count: coders.count)
        for entry in project.codings.entries {
            guard let coder = coderIndex[entry.coder] else { continue }
            let document = Int(entry.document)
            codedDocuments[coder].insert(document)
            guard Int(entry.code) < project.codebook.codes.count else { continue }
            let code = Int(entry.code)
            let segments = project.documents[document].segments
            for number in entry.segments where number >= 1 && number <= segments.count && !segments[number - 1].isInterviewer {
                given[coder][key(document: document, number: number), default: []].insert(code)
            }
        }
        let shared = project.documents.indices.filter { document in codedDocuments.filter { $0.contains(document) }.count >= 2 }
        documentIDs = shared.map { project.documents[$0].id }
        var references: [(document: Int, number: Int?)] = []
        for document in shared {
            switch unit {
            case .document:
                references.append((document, nil))
            case .segment:
                for segment in project.documents[document].segments where !segment.isInterviewer {
                    references.append((document, segment.number))
                }
            }
        }
        unitCount = references.count
        // Each unit's codes per coder, looked up once: nil where the coder did not code the document.
        // One flat array, unit after unit, not an array per unit: a corpus has hundreds of thousands.
        let coderCount = coders.count
        var unitCodes: [Set<Int>?] = []
        unitCodes.reserveCapacity(references.count * coderCount)
        for reference in references {
            for coder in coders.indices {
                unitCodes.append(codedDocuments[coder].contains(reference.document)
                    ? given[coder][key(document: reference.document, number: reference.number ?? 0)] ?? [] : nil)
            }
        }
        let usedCodes = given.reduce(into: Set<Int>()) { used, units in for codes in units.values { used.formUnion(codes) } }

        var rows: [Row] = []
        var pooled: [[Bool?]: Int] = [:]
        var disagreements: [Disagreement] = []
        for code in project.codebook.codes.indices where usedCodes.contains(code) {
            let codeID = project.codebook.codes[code].id
            var patterns: [[Bool?]: Int] = [:]
            for position in references.indices {
                let codes = unitCodes[position * coderCount..<(position + 1) * coderCount]
                let values = codes.map { $0.map { $0.contains(code) } }
                patterns[values, default: 0] += 1
                guard listingDisagreements, values.contains(true), values.contains(false) else { continue }
                let reference = references[position]
                let codesByCoder = codes.map { given in
                    given.map { $0.sorted().map { project.codebook.codes[$0].id } }
                }
                disagreements.append(Disagreement(codeID: codeID,
                                                  unit: UnitReference(documentID: project.documents[reference.document].id,
                                                                      segmentNumber: reference.number),
                                                  codesByCoder: codesByCoder))
            }
            pooled.merge(patterns, uniquingKeysWith: +)
            rows.append(Self.row(code: codeID, units: patterns, coderCount: coders.count))
        }
        self.rows = rows
        self.overall = Self.row(code: "", units: pooled, coderCount: coders.count)
        self.disagreements = disagreements
    }

    /// The statistics of one code, or of all codes pooled, from units counted by their pattern of values.
    static func row(code: String, units patterns: [[Bool?]: Int], coderCount: Int) -> Row {
        // Sorted (missing < no < yes, coder by coder), so the sums are made in the same order on every run.
        func order(_ unit: [Bool?]) -> [Int] { unit.map { $0.map { $0 ? 2 : 1 } ?? 0 } }
        let units = patterns.filter { $0.key.compactMap { $0 }.count >= 2 }
            .map { (unit: $0.key, count: $0.value) }
            .sorted { order($0.unit).lexicographicallyPrecedes(order($1.unit)) }
        var kappa: Double? = nil
        if coderCount == 2 {
            let pairs = units.compactMap { unit -> (pair: (Bool, Bool), count: Int)? in
                guard let first = unit.unit[0], let second = unit.unit[1] else { return nil }
                return ((first, second), unit.count)
            }
            kappa = CohenKappa.nominal(weighted: pairs)
        }
        return Row(codeID: code, units: units.reduce(0) { $0 + $1.count }, percentAgreement: PercentAgreement.of(weighted: units),
                   cohenKappa: kappa, krippendorffAlpha: KrippendorffAlpha.nominal(weighted: units))
    }
}
