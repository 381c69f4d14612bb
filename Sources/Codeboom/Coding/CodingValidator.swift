/// Checks codings against the codebook and the documents: unknown codes, interviewer turns,
/// double codings and codes nobody used.
public enum CodingValidator {
    /// - Complexity: O(codings + codes), plus one bounded suggestion search per distinct unknown code id.
    /// `suggester` may be one already used for the project's inline tags, with what it found.
    public static func validate(_ project: Project, suggester: CodeSuggester? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // (coder, document, segment, code) as positions: hashing integers, not strings, per coding.
        struct Place: Hashable { var coder, document, segment, code: Int }
        var seen: Set<Place> = []
        seen.reserveCapacity(project.codings.count)
        var coderIndex: [String: Int] = [:]
        var usedPositions: Set<Int> = []
        // Built once; each distinct unknown id is looked up once, however often it is used.
        let suggester = suggester ?? CodeSuggester(codebook: project.codebook)
        // Codings come grouped by document and coder: the last lookups are kept.
        var lastDocument: (id: String, position: Int?)? = nil
        var lastCoder: (name: String, index: Int)? = nil
        for coding in project.codings {
            guard let codePosition = project.codebook.position(of: coding.codeID) else {
                let suggestion = suggester.suggestion(for: coding.codeID).map { "did you mean \"\($0)\"? " } ?? ""
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
        // A code counts as used when it or a code below it is: mark each used code and its ancestors,
        // climbing only until a marked one, so every code is marked once.
        let codebook = project.codebook
        var isUsed = [Bool](repeating: false, count: codebook.codes.count)
        for position in usedPositions {
            var next: Int? = position
            while let current = next, !isUsed[current] {
                isUsed[current] = true
                next = codebook.codes[current].parentID.flatMap(codebook.position(of:))
            }
        }
        for (position, code) in codebook.codes.enumerated() {
            if !isUsed[position] {
                diagnostics.append(.warning(code.location, "code \"\(code.id)\" is never used",
                                            advice: "code segments with it, or remove it from the codebook"))
            }
        }
        return diagnostics
    }
}
