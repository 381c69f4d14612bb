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
        public var documentID: String
        public var segmentNumber: Int?

        public var description: String {
            segmentNumber.map { "\(documentID) §\($0)" } ?? documentID
        }
    }

    public struct Row: Sendable, Equatable {
        public var codeID: String
        /// Units with values from at least two coders.
        public var units: Int
        /// 0–100, nil when no unit has two values.
        public var percentAgreement: Double?
        /// Two coders only; nil when undefined or with more coders.
        public var cohenKappa: Double?
        public var krippendorffAlpha: Double?
    }

    /// A unit where coders disagree about a code.
    public struct Disagreement: Sendable, Equatable {
        public var codeID: String
        public var unit: UnitReference
        /// For each coder in order: the codes it gave the unit, or nil when it did not code the document.
        public var codesByCoder: [[String]?]
    }

    public var coders: [String]
    public var unit: Unit
    public var rows: [Row]
    /// All codes pooled: every (unit, code) pair as one binary decision.
    public var overall: Row
    public var unitCount: Int
    /// Documents that at least two of the coders coded.
    public var documentIDs: [String]
    public var disagreements: [Disagreement]

    /// Compares the coders. A coder who did not code a document is missing for its units, not 0.
    ///
    /// - Complexity: O(units × codes × coders).
    public init(project: Project, coders: [String], unit: Unit = .segment) {
        self.coders = coders
        self.unit = unit
        // Codes each coder gave each unit; documents each coder coded.
        var given: [[UnitReference: Set<String>]] = Array(repeating: [:], count: coders.count)
        var codedDocuments: [Set<String>] = Array(repeating: [], count: coders.count)
        for coding in project.codings {
            guard let coderIndex = coders.firstIndex(of: coding.coder), let document = project.document(id: coding.documentID) else { continue }
            codedDocuments[coderIndex].insert(coding.documentID)
            for number in coding.segmentNumbers {
                guard let segment = document.segment(number: number), !segment.isInterviewer else { continue }
                let reference = UnitReference(documentID: coding.documentID, segmentNumber: unit == .segment ? number : nil)
                given[coderIndex][reference, default: []].insert(coding.codeID)
            }
        }
        let sharedDocuments = project.documents.filter { document in
            codedDocuments.filter { $0.contains(document.id) }.count >= 2
        }
        documentIDs = sharedDocuments.map(\.id)
        var references: [UnitReference] = []
        for document in sharedDocuments {
            switch unit {
            case .document:
                references.append(UnitReference(documentID: document.id, segmentNumber: nil))
            case .segment:
                for segment in document.segments where !segment.isInterviewer {
                    references.append(UnitReference(documentID: document.id, segmentNumber: segment.number))
                }
            }
        }
        unitCount = references.count
        let usedCodes = Set(given.flatMap { $0.values.flatMap { $0 } })
        let codes = project.codebook.codes.map(\.id).filter(usedCodes.contains)

        func values(for code: String, at reference: UnitReference) -> [Bool?] {
            coders.indices.map { coder in
                codedDocuments[coder].contains(reference.documentID) ? given[coder][reference]?.contains(code) ?? false : nil
            }
        }

        var rows: [Row] = []
        var pooled: [[Bool?]] = []
        var disagreements: [Disagreement] = []
        for code in codes {
            let units = references.map { values(for: code, at: $0) }
            pooled += units
            rows.append(Self.row(code: code, units: units, coderCount: coders.count))
            for (reference, unitValues) in zip(references, units) where Set(unitValues.compactMap { $0 }).count > 1 {
                let codesByCoder = coders.indices.map { coder -> [String]? in
                    guard unitValues[coder] != nil else { return nil }
                    return (given[coder][reference] ?? []).sorted { (project.codebook.position(of: $0) ?? 0) < (project.codebook.position(of: $1) ?? 0) }
                }
                disagreements.append(Disagreement(codeID: code, unit: reference, codesByCoder: codesByCoder))
            }
        }
        self.rows = rows
        self.overall = Self.row(code: "", units: pooled, coderCount: coders.count)
        self.disagreements = disagreements
    }

    static func row(code: String, units: [[Bool?]], coderCount: Int) -> Row {
        let pairable = units.filter { $0.compactMap { $0 }.count >= 2 }
        var kappa: Double? = nil
        if coderCount == 2 {
            let pairs = pairable.compactMap { unit -> (Bool, Bool)? in
                guard let first = unit[0], let second = unit[1] else { return nil }
                return (first, second)
            }
            kappa = CohenKappa.binary(pairs)
        }
        return Row(codeID: code, units: pairable.count, percentAgreement: PercentAgreement.of(pairable),
                   cohenKappa: kappa, krippendorffAlpha: KrippendorffAlpha.nominal(pairable))
    }
}
