/// Checks codings against the codebook and the documents: unknown codes, interviewer turns,
/// double codings and codes nobody used.
public enum CodingValidator {
    public static func validate(_ project: Project) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // (coder, document, segment, code) as positions: hashing integers, not strings, per coding.
        struct Place: Hashable { var coder, document, segment, code: Int }
        var seen: Set<Place> = []
        var coderIndex: [String: Int] = [:]
        var used: Set<String> = []
        let knownIDs = project.codebook.codes.map(\.id)
        for coding in project.codings {
            guard project.codebook.code(id: coding.codeID) != nil else {
                let suggestion = closest(to: coding.codeID, in: knownIDs).map { "did you mean \"\($0)\"? " } ?? ""
                diagnostics.append(.error(coding.location, "unknown code \"\(coding.codeID)\"",
                                          advice: "\(suggestion)use a code id from \(project.codebook.file), or add the code there"))
                continue
            }
            used.insert(coding.codeID)
            guard let position = project.position(ofDocument: coding.documentID), let codePosition = project.codebook.position(of: coding.codeID) else { continue }
            let document = project.documents[position]
            let coder = coderIndex[coding.coder] ?? { coderIndex[coding.coder] = coderIndex.count; return coderIndex.count - 1 }()
            for number in coding.segmentNumbers {
                let key = Place(coder: coder, document: position, segment: number, code: codePosition)
                if !seen.insert(key).inserted {
                    diagnostics.append(.warning(coding.location, "\(coding.documentID) §\(number) is coded \"\(coding.codeID)\" twice by \(coding.coder); it counts once",
                                                advice: "remove the second coding"))
                }
                if let segment = document.segment(number: number), segment.isInterviewer, coding.segmentNumbers.count == 1 {
                    diagnostics.append(.warning(coding.location, "coding \"\(coding.codeID)\" on an interviewer turn (\(segment.label ?? "")) is not counted",
                                                advice: "move the code to the respondent's answer"))
                }
            }
        }
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
