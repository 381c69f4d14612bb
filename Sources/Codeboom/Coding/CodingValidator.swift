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
        // Places coded before, found per document by sorting rather than by hashing every place of the project.
        let repeats = repeatedPlaces(in: codings, knownCodes: knownCodes)
        var isUsed = [Bool](repeating: false, count: codebook.codes.count)
        // Built once; each distinct unknown id is looked up once, however often it is used.
        let suggester = suggester ?? CodeSuggester(codebook: codebook)
        for (index, entry) in codings.entries.enumerated() {
            guard entry.code < knownCodes else {
                let codeID = codings.codeIDs[Int(entry.code)]
                diagnostics.append(CodingError.unknownCode(codings.location(of: entry), codeID: codeID, suggestion: suggester.suggestion(for: codeID),
                                                           codebookFile: codebook.file))
                continue
            }
            isUsed[Int(entry.code)] = true
            let segments = project.documents[Int(entry.document)].segments
            for number in entry.segments {
                if !repeats.isEmpty, repeats.contains(Place(entry: index, segment: number)) {
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

    /// A segment of a coding: the coding's index in the table's entries and the segment's number.
    private struct Place: Hashable {
        var entry: Int
        var segment: Int
    }

    /// The places whose segment an earlier coding (in the table's order) of the same document already
    /// coded with the same code by the same coder: each is reported as coded twice.
    /// - Complexity: O(places × log(places per document)): the codings are put by document with a
    ///   counting sort, and each document's places sorted, so no hash is made per place.
    private static func repeatedPlaces(in codings: CodingTable, knownCodes: Int32) -> Set<Place> {
        let entries = codings.entries
        let documentCount = codings.documentIDs.count
        var start = [Int](repeating: 0, count: documentCount + 1)
        for entry in entries where entry.code < knownCodes { start[Int(entry.document) + 1] += 1 }
        for document in 0..<documentCount { start[document + 1] += start[document] }
        var order = [Int32](repeating: 0, count: start[documentCount])
        var next = start
        for (index, entry) in entries.enumerated() where entry.code < knownCodes {
            order[next[Int(entry.document)]] = Int32(index)
            next[Int(entry.document)] += 1
        }
        var repeats: Set<Place> = []
        var places: [(coder: Int32, code: Int32, segment: Int, entry: Int32)] = []
        for document in 0..<documentCount where start[document + 1] - start[document] > 1 {
            places.removeAll(keepingCapacity: true)
            for index in order[start[document]..<start[document + 1]] {
                let entry = entries[Int(index)]
                for number in entry.segments { places.append((entry.coder, entry.code, number, index)) }
            }
            // Equal places side by side, the first coded first: every other one is a repeat.
            places.sort { ($0.coder, $0.code, $0.segment, $0.entry) < ($1.coder, $1.code, $1.segment, $1.entry) }
            for position in places.indices.dropFirst() {
                let place = places[position], before = places[position - 1]
                if place.coder == before.coder, place.code == before.code, place.segment == before.segment {
                    repeats.insert(Place(entry: Int(place.entry), segment: place.segment))
                }
            }
        }
        return repeats
    }
}
