/// Checks codings against the codebook and the documents: unknown codes, interviewer turns,
/// double codings and codes nobody used.
public enum CodingValidator {
    public static func validate(_ project: Project) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // (coder, document, segment, code) as positions: hashing integers, not strings, per coding.
        struct Place: Hashable { var coder, document, segment, code: Int }
        var seen: Set<Place> = []
        seen.reserveCapacity(project.codings.count)
        var coderIndex: [String: Int] = [:]
        var usedPositions: Set<Int> = []
        let knownIDs = project.codebook.codes.map(\.id)
        // Codings come grouped by document and coder: the last lookups are kept.
        var lastDocument: (id: String, position: Int?)? = nil
        var lastCoder: (name: String, index: Int)? = nil
        for coding in project.codings {
            guard let codePosition = project.codebook.position(of: coding.codeID) else {
                let suggestion = closest(to: coding.codeID, in: knownIDs).map { "did you mean \"\($0)\"? " } ?? ""
                diagnostics.append(.error(coding.location, "unknown code \"\(coding.codeID)\"",
                                          advice: "\(suggestion)use a code id from \(project.codebook.file), or add the code there"))
                continue
            }
            usedPositions.insert(codePosition)
            if lastDocument?.id != coding.documentID { lastDocument = (coding.documentID, project.position(ofDocument: coding.documentID)) }
            guard let position = lastDocument?.position else { continue }
            if lastCoder?.name != coding.coder {
                lastCoder = (coding.coder, coderIndex[coding.coder] ?? { coderIndex[coding.coder] = coderIndex.count; return coderIndex.count - 1 }())
            }
            let coder = lastCoder!.index
            for number in coding.segmentNumbers {
                let key = Place(coder: coder, document: position, segment: number, code: codePosition)
                if !seen.insert(key).inserted {
                    diagnostics.append(.warning(coding.location, "\(coding.documentID) §\(number) is coded \"\(coding.codeID)\" twice by \(coding.coder); it counts once",
                                                advice: "remove the second coding"))
                }
                if coding.segmentNumbers.count == 1, number >= 1, number <= project.documents[position].segments.count,
                   project.documents[position].segments[number - 1].isInterviewer {
                    let label = project.documents[position].segments[number - 1].label ?? ""
                    diagnostics.append(.warning(coding.location, "coding \"\(coding.codeID)\" on an interviewer turn (\(label)) is not counted",
                                                advice: "move the code to the respondent's answer"))
                }
            }
        }
        let used = Set(usedPositions.map { project.codebook.codes[$0].id })
        for code in project.codebook.codes {
            if project.codebook.subtree(of: code.id).isDisjoint(with: used) {
                diagnostics.append(.warning(code.location, "code \"\(code.id)\" is never used",
                                            advice: "code segments with it, or remove it from the codebook"))
            }
        }
        return diagnostics
    }

    /// The known id within edit distance 2, to suggest for a typo.
    static func closest(to id: String, in known: [String]) -> String? {
        known.map { ($0, editDistance(id, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
