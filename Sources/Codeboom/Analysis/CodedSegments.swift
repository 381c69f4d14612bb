/// The codes one coder gave every counted segment of a project (interviewer turns left out), with
/// each code's ancestors added and each code once per segment: what co-occurrence, the respondent
/// matrix and comparisons count on, by the same rules as ``FrequencyTable``.
///
/// Kept flat: a segment is a few integers and its codes a run in one array, so a corpus of
/// hundreds of thousands of codings takes a few megabytes.
struct CodedSegments {
    /// A counted segment with at least one of the coder's codes.
    struct Entry {
        /// The document's position in the project.
        var document: Int
        /// The segment's index in its document (its number − 1).
        var segment: Int
        /// Where its codes stand in ``CodedSegments/codes``.
        var codes: Range<Int>
    }

    /// Segments in corpus order.
    private(set) var entries: [Entry] = []
    /// Code positions (codebook order), ascending within each segment's run.
    private(set) var codes: [Int32] = []
    /// The number of codes in the codebook.
    let codeCount: Int

    /// Gathers the coder's codings per segment.
    /// - Complexity: O(codings × segments per coding × depth + segments), plus sorting each segment's few codes.
    init(project: Project, coder: String) {
        let codebookCodes = project.codebook.codes
        codeCount = codebookCodes.count
        let ancestries: [[Int32]] = codebookCodes.map { code in
            project.codebook.path(of: code.id).compactMap { project.codebook.position(of: $0).map(Int32.init) }
        }
        var firstSegment = [Int](repeating: 0, count: project.documents.count + 1)
        for (position, document) in project.documents.enumerated() { firstSegment[position + 1] = firstSegment[position] + document.segments.count }
        let segmentCount = firstSegment[project.documents.count]
        guard let coderPosition = project.codings.coder(named: coder), segmentCount > 0 else { return }
        // A counting sort of (segment, code) by segment, as FrequencyTable does.
        var bucketStart = [Int32](repeating: 0, count: segmentCount + 1)
        func forEachCoded(_ body: (_ segment: Int, _ code: Int32) -> Void) {
            for entry in project.codings.entries where entry.coder == coderPosition && Int(entry.code) < codeCount {
                let document = Int(entry.document)
                let count = project.documents[document].segments.count
                for number in entry.segments where number >= 1 && number <= count { body(firstSegment[document] + number - 1, entry.code) }
            }
        }
        forEachCoded { segment, _ in bucketStart[segment + 1] += 1 }
        for segment in 0..<segmentCount { bucketStart[segment + 1] += bucketStart[segment] }
        var bySegment = [Int32](repeating: 0, count: Int(bucketStart[segmentCount]))
        var filled = bucketStart
        forEachCoded { segment, code in
            bySegment[Int(filled[segment])] = code
            filled[segment] += 1
        }
        var scratch: [Int32] = []
        for (documentPosition, document) in project.documents.enumerated() {
            for segment in document.segments.indices {
                let global = firstSegment[documentPosition] + segment
                let bucket = Int(bucketStart[global])..<Int(bucketStart[global + 1])
                guard !bucket.isEmpty, document.segments[segment].speaker != .interviewer else { continue }
                scratch.removeAll(keepingCapacity: true)
                for code in bySegment[bucket] { scratch.append(contentsOf: ancestries[Int(code)]) }
                scratch.sort()
                let start = codes.count
                for (offset, code) in scratch.enumerated() where offset == 0 || scratch[offset - 1] != code { codes.append(code) }
                entries.append(Entry(document: documentPosition, segment: segment, codes: start..<codes.count))
            }
        }
    }

    /// The codes of a segment, ascending.
    func codes(of entry: Entry) -> ArraySlice<Int32> { codes[entry.codes] }
}
