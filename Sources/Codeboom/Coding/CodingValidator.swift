/// Checks codings against the codebook and the documents: unknown codes, interviewer turns,
/// double codings and codes nobody used.
public enum CodingValidator {
    /// - Complexity: O(codings + codes), plus one bounded suggestion search per distinct unknown code id.
    /// `suggester` may be one already used for the project's inline tags, with what it found.
    public static func validate(_ project: Project, suggester: CodeSuggester? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let codings = project.codings
        let codebook = project.codebook
        let knownCodes = Int32(codebook.codes.count)
        // (coder, document, segment, code) as positions: hashing integers, not strings, per coding.
        struct Place: Hashable {
            var coder, document: Int32, segment: Int, code: Int32
            // The fields folded into one word, hashed once: four hashings per coding cost more than the
            // set's own work. Equal places fold equally; the few others that do are told apart by `==`.
            func hash(into hasher: inout Hasher) {
                hasher.combine(UInt64(UInt32(bitPattern: document)) << 32 ^ UInt64(truncatingIfNeeded: segment)
                               ^ UInt64(UInt32(bitPattern: code)) << 16 ^ UInt64(UInt32(bitPattern: coder)) << 56)
            }
        }
        var seen: Set<Place> = []
        seen.reserveCapacity(codings.entries.count)
        var isUsed = [Bool](repeating: false, count: codebook.codes.count)
        // Built once; each distinct unknown id is looked up once, however often it is used.
        let suggester = suggester ?? CodeSuggester(codebook: codebook)
        for entry in codings.entries {
            guard entry.code < knownCodes else {
                let codeID = codings.codeIDs[Int(entry.code)]
                diagnostics.append(CodingError.unknownCode(codings.location(of: entry), codeID: codeID, suggestion: suggester.suggestion(for: codeID),
                                                           codebookFile: codebook.file))
                continue
            }
            isUsed[Int(entry.code)] = true
            let segments = project.documents[Int(entry.document)].segments
            for number in entry.segments {
                let key = Place(coder: entry.coder, document: entry.document, segment: number, code: entry.code)
                if !seen.insert(key).inserted {
                    diagnostics.append(CodingError.codedTwice(codings.location(of: entry), document: codings.documentIDs[Int(entry.document)], segment: number,
                                                              codeID: codings.codeIDs[Int(entry.code)], coder: codings.coderNames[Int(entry.coder)]))
                }
                if entry.firstSegment == entry.lastSegment, number >= 1, number <= segments.count, segments[number - 1].isInterviewer {
                    let label = segments[number - 1].label ?? ""
                    diagnostics.append(CodingError.interviewerTurnCoded(codings.location(of: entry), codeID: codings.codeIDs[Int(entry.code)], label: label))
                }
            }
        }
        // A code counts as used when it or a code below it is: mark each used code and its ancestors,
        // climbing only until a marked one, so every code is marked once.
        var isMarked = [Bool](repeating: false, count: codebook.codes.count)
        for position in isUsed.indices where isUsed[position] {
            var next: Int? = position
            while let current = next, !isMarked[current] {
                isMarked[current] = true
                next = codebook.codes[current].parentID.flatMap(codebook.position(of:))
            }
        }
        for (position, code) in codebook.codes.enumerated() where !isMarked[position] {
            diagnostics.append(CodingError.codeNeverUsed(code.location, codeID: code.id))
        }
        return diagnostics
    }
}
