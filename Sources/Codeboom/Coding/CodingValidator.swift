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
                diagnostics.append(CodingError.unknownCode(coding.location, codeID: coding.codeID, suggestion: suggester.suggestion(for: coding.codeID),
                                                           codebookFile: project.codebook.file))
                continue
            }
            usedPositions.insert(codePosition)
            if lastDocument?.id != coding.documentID { lastDocument = (coding.documentID, project.position(ofDocument: coding.documentID)) }
            guard let position = lastDocument?.position else { continue }
            let coder: Int
            if let last = lastCoder, last.name == coding.coder {
                coder = last.index
            } else {
                coder = coderIndex[coding.coder] ?? { coderIndex[coding.coder] = coderIndex.count; return coderIndex.count - 1 }()
                lastCoder = (coding.coder, coder)
            }
            for number in coding.segmentNumbers {
                let key = Place(coder: coder, document: position, segment: number, code: codePosition)
                if !seen.insert(key).inserted {
                    diagnostics.append(CodingError.codedTwice(coding.location, document: coding.documentID, segment: number, codeID: coding.codeID,
                                                              coder: coding.coder))
                }
                if coding.segmentNumbers.count == 1, number >= 1, number <= project.documents[position].segments.count,
                   project.documents[position].segments[number - 1].isInterviewer {
                    let label = project.documents[position].segments[number - 1].label ?? ""
                    diagnostics.append(CodingError.interviewerTurnCoded(coding.location, codeID: coding.codeID, label: label))
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
                diagnostics.append(CodingError.codeNeverUsed(code.location, codeID: code.id))
            }
        }
        return diagnostics
    }
}
