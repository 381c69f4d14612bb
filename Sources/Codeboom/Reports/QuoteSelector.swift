/// A quote for a report: its text and its source as respondent id, document and segment.
public struct Quote: Sendable, Equatable {
    /// The words as spoken, not yet pseudonymised: `ReportBuilder` replaces the names on each whole
    /// page in one pass (a second pass would turn a pseudonym into another name). A cut never
    /// falls inside a listed name, so the page's pass still finds every name.
    public var text: String
    /// The respondent who said it, as reports cite them.
    public var respondentID: String
    /// The id of the document it is from.
    public var documentID: String
    /// The number of its segment in the document, from 1.
    public var segmentNumber: Int
    /// Start time in seconds for transcripts from subtitles.
    public var time: Double?

    /// `(V3, interview-07 §12)`, with `[00:12:31]` when the segment has a time. Never a person's name.
    public var source: String {
        var reference = "\(respondentID), \(documentID) §\(segmentNumber)"
        if let time {
            let seconds = Int(time)
            reference += " [\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))]"
        }
        return "(\(reference))"
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

/// Chooses quotes by a fixed rule, so reports are the same on every run:
/// 1. only segments of respondents of the perspective, coded with the theme (or a sub-code) by the coder;
/// 2. prefer segments that carry no other code, then segments of at least 60 characters (a shorter
///    turn makes a quote that says little); ties go to corpus order (document, then segment);
/// 3. at most `limit` quotes, each from a different respondent, and from different documents while
///    there are candidates in other documents (a focus group holds several respondents);
/// 4. the quote is what the coder marked (``QuoteText``): a range's words, the sentence of a tag,
///    else the turn from its start; longer than 300 characters, it is cut between words with " …".
///
/// Built once per report: the coder's coded respondent segments, with their codes, marks,
/// perspective and printed length, are gathered in one pass, so each theme and perspective only
/// ranks its own candidates. The choice needs no text: the length of each segment as printed is
/// measured while the corpus streams by (``printedLengths(of:)``), and only the chosen segments
/// are read again.
public struct QuoteSelector: Sendable {
    /// The longest quote, in characters as printed, " …" included; a longer one is cut between words.
    public static let maximumLength = 300
    /// The shortest segment preferred to quote, in characters as printed: a shorter turn says little.
    public static let minimumReadableLength = 60

    /// A segment chosen to quote: where it is, who said it and what the coder marked in it.
    public struct Choice: Sendable, Hashable {
        /// The segment chosen.
        public var segment: SegmentReference
        /// The respondent who speaks it.
        public var respondentID: String
        /// What the coder marked in it, which the quote shows.
        public var mark: QuoteMark

        /// A choice of a segment; `.turn` quotes the turn from its start.
        public init(segment: SegmentReference, respondentID: String, mark: QuoteMark = .turn) {
            self.segment = segment
            self.respondentID = respondentID
            self.mark = mark
        }
    }

    /// A respondent segment the coder coded, with what the rule ranks it by. Its codes and codings
    /// are ranges in the selector's flat lists, so gathering hundreds of thousands of candidates
    /// allocates no array per candidate.
    private struct Candidate: Sendable {
        var document: Int32
        /// The segment's index in its document (its number - 1).
        var segment: Int32
        /// The respondent's position in ``QuoteSelector/respondentIDs``.
        var respondent: Int32
        /// Codebook positions of the codes the coder gave it, ascending, in ``QuoteSelector/candidateCodes``.
        var codes: Range<Int32>
        /// Its codings (positions in the coding table), in the order of the codings, in ``QuoteSelector/candidateEntries``.
        var entries: Range<Int32>
        /// At least ``QuoteSelector/minimumReadableLength`` characters as printed.
        var isReadable: Bool
    }

    private let project: Project
    private let isAutomatic: Bool
    /// Every candidate, in corpus order.
    private let candidates: [Candidate]
    private let candidateCodes: [Int32]
    private let candidateEntries: [Int32]
    private let respondentIDs: [String]
    /// Perspectives that count as one (equal keys) share a group.
    private let groupOfPerspective: [Perspective: Int]
    /// Per group and code (`group * codeCount + code`): the candidates with that code, in corpus order.
    private let candidatesByCode: [[Int32]]

    /// The candidates of `coder`. `printedLengths` gives, per document in project order, the printed
    /// length of each segment (``printedLengths(of:)``); without it the coded segments are read again
    /// to measure them.
    ///
    /// The coder's codings are put in segment order by a counting sort on positions, so every coded
    /// segment is visited once, in corpus order, with its codings in the order they were made.
    /// - Complexity: O(codings × segments per coding + segments).
    ///
    /// With `grouping` (``GroupingVariable``, not `perspectief`) the groups are that variable's values
    /// instead of the perspectives: a segment is a candidate in each group its words have (as
    /// ``FrequencyTable/init(project:coder:groupedBy:)`` counts it), and ``choices(for:perspective:limit:)``
    /// takes a group as its `perspective`. The rule is the same.
    public init(project: Project, coder: String, printedLengths: [[Int]]? = nil, grouping: GroupingVariable? = nil) {
        self.project = project
        isAutomatic = coder == AutoCoder.defaultCoder
        let codeCount = project.codebook.codes.count
        let documents = project.documents
        // Segments numbered across the project: document d's segment n is `firstSegment[d] + n - 1`.
        var firstSegment = [Int](repeating: 0, count: documents.count + 1)
        for (position, document) in documents.enumerated() { firstSegment[position + 1] = firstSegment[position] + document.segments.count }
        let segmentCount = firstSegment[documents.count]
        // The coder's codings per segment: `bucketStart[s]..<bucketStart[s + 1]` in `entriesBySegment`.
        var bucketStart = [Int32](repeating: 0, count: segmentCount + 1)
        let entries = project.codings.entries
        let coderPosition = project.codings.coder(named: coder)
        func forEachCoded(_ body: (_ segment: Int, _ entry: Int) -> Void) {
            guard let coderPosition else { return }
            for (index, entry) in entries.enumerated() where entry.coder == coderPosition {
                let document = Int(entry.document)
                guard document < documents.count else { continue }
                let count = documents[document].segments.count
                for number in entry.segments where number >= 1 && number <= count { body(firstSegment[document] + number - 1, index) }
            }
        }
        forEachCoded { segment, _ in bucketStart[segment + 1] += 1 }
        for segment in 0..<segmentCount { bucketStart[segment + 1] += bucketStart[segment] }
        var entriesBySegment = [Int32](repeating: 0, count: Int(bucketStart[segmentCount]))
        var filled = bucketStart
        forEachCoded { segment, entry in
            entriesBySegment[Int(filled[segment])] = Int32(entry)
            filled[segment] += 1
        }

        let measured: [SegmentReference: Int]
        if printedLengths == nil {
            var coded: Set<SegmentReference> = []
            for (position, document) in documents.enumerated() {
                for segment in document.segments.indices where bucketStart[firstSegment[position] + segment] < bucketStart[firstSegment[position] + segment + 1]
                    && document.segments[segment].respondentID != nil {
                    coded.insert(SegmentReference(document: position, number: segment + 1))
                }
            }
            measured = project.readSegments(coded) { document, segment in
                document.printedLength(of: segment, upTo: Self.minimumReadableLength)
            }
        } else {
            measured = [:]
        }

        let perspectives = PerspectiveIndex(project: project, perspectives: project.perspectives)
        var groupOfPerspective: [Perspective: Int] = [:]
        var groupOfColumn: [Int] = []
        for perspective in perspectives.perspectives {
            if groupOfPerspective[perspective] == nil { groupOfPerspective[perspective] = groupOfPerspective.count }
            groupOfColumn.append(groupOfPerspective[perspective] ?? 0)
        }
        // Grouped by another variable: every value a segment's words can have (a respondent's own values, a
        // document's value) is a group, and a segment's groups are found as the grouped table finds them.
        let groupVariable = grouping.flatMap { $0.isPerspective ? nil : $0 }
        let respondentValues = groupVariable?.respondentValues(in: project) ?? [:]
        if let groupVariable {
            groupOfPerspective = [:]
            let values = respondentValues.values.flatMap { $0 } + documents.compactMap { groupVariable.documentValue($0) }
            for value in values where groupOfPerspective[Perspective(value)] == nil {
                groupOfPerspective[Perspective(value)] = groupOfPerspective.count
            }
        }
        // The groups the segment at hand counts for, each once; reused, so no array is made per candidate.
        var segmentGroups: [Int] = []
        let groupIndex = groupOfPerspective
        func findGroups(of segment: Segment, inDocument document: Int) {
            segmentGroups.removeAll(keepingCapacity: true)
            guard let groupVariable else {
                if let column = perspectives.column(of: segment.speaker, inDocument: document) { segmentGroups.append(groupOfColumn[column]) }
                return
            }
            for value in groupVariable.values(of: segment.speaker, inDocument: document, project: project, respondentValues: respondentValues) {
                if let group = groupIndex[Perspective(value)], !segmentGroups.contains(group) { segmentGroups.append(group) }
            }
        }
        var candidates: [Candidate] = []
        var candidateCodes: [Int32] = []
        var candidateEntries: [Int32] = []
        var respondentIDs: [String] = []
        var respondentPositions: [String: Int32] = [:]
        var lastRespondent: (id: String, position: Int32)? = nil
        var candidatesByCode = [[Int32]](repeating: [], count: groupOfPerspective.count * codeCount)
        for (position, document) in documents.enumerated() {
            for (index, segment) in document.segments.enumerated() {
                let global = firstSegment[position] + index
                let bucket = Int(bucketStart[global])..<Int(bucketStart[global + 1])
                guard !bucket.isEmpty, let respondent = segment.respondentID else { continue }
                findGroups(of: segment, inDocument: position)
                guard !segmentGroups.isEmpty else { continue }
                let respondentPosition: Int32
                if let last = lastRespondent, last.id == respondent {
                    respondentPosition = last.position
                } else if let known = respondentPositions[respondent] {
                    respondentPosition = known
                } else {
                    respondentPosition = Int32(respondentIDs.count)
                    respondentIDs.append(respondent)
                    respondentPositions[respondent] = respondentPosition
                }
                lastRespondent = (respondent, respondentPosition)
                let length = printedLengths.map { $0[position][index] } ?? measured[SegmentReference(document: position, number: index + 1)] ?? 0
                // The codes, ascending and each once: a segment has a few codings, sorted in place.
                let codesStart = candidateCodes.count
                for slot in bucket {
                    let code = entries[Int(entriesBySegment[slot])].code
                    var at = candidateCodes.count
                    while at > codesStart, candidateCodes[at - 1] > code { at -= 1 }
                    if at > codesStart, candidateCodes[at - 1] == code { continue }
                    candidateCodes.insert(code, at: at)
                }
                let candidate = Int32(candidates.count)
                for group in segmentGroups {
                    for code in candidateCodes[codesStart...] where Int(code) < codeCount {
                        candidatesByCode[group * codeCount + Int(code)].append(candidate)
                    }
                }
                let entriesStart = candidateEntries.count
                candidateEntries += entriesBySegment[bucket]
                candidates.append(Candidate(document: Int32(position), segment: Int32(index), respondent: respondentPosition,
                                            codes: Int32(codesStart)..<Int32(candidateCodes.count),
                                            entries: Int32(entriesStart)..<Int32(candidateEntries.count),
                                            isReadable: length >= Self.minimumReadableLength))
            }
        }
        self.candidates = candidates
        self.candidateCodes = candidateCodes
        self.candidateEntries = candidateEntries
        self.respondentIDs = respondentIDs
        self.groupOfPerspective = groupOfPerspective
        self.candidatesByCode = candidatesByCode
    }

    /// The printed length of each respondent segment of a document, counted up to
    /// ``minimumReadableLength`` (``Document/printedLength(of:upTo:)``: all the rule asks is whether
    /// a turn is that long), -1 for other segments: what a report gathers of each document as it streams by.
    public static func printedLengths(of document: Document) -> [Int] {
        document.segments.map { $0.respondentID == nil ? -1 : document.printedLength(of: $0, upTo: minimumReadableLength) }
    }

    /// The segments to quote for a theme (`codeIDs`: the theme and its sub-codes) in one perspective
    /// (or, for a selector made with a grouping, one group).
    ///
    /// Only the candidates with a wanted code are looked at, four runs in corpus order (only wanted
    /// codes or not, readable length or not) that together are the rule's ranking.
    /// - Complexity: O(c log c) in the candidates with a wanted code.
    public func choices(for codeIDs: Set<String>, perspective: Perspective, limit: Int = 2) -> [Choice] {
        let codeCount = project.codebook.codes.count
        guard let group = groupOfPerspective[perspective] else { return [] }
        var isWanted = [Bool](repeating: false, count: codeCount)
        var wanted: [Int] = []
        for id in codeIDs {
            if let position = project.codebook.position(of: id), !isWanted[position] {
                isWanted[position] = true
                wanted.append(position)
            }
        }
        var found: [Int32] = []
        for code in wanted { found += candidatesByCode[group * codeCount + code] }
        // A candidate with two wanted codes is in two lists.
        found.sort()
        // Rank: (only wanted codes or not) × (readable length or not), then corpus order.
        var ranked = [[Int32]](repeating: [], count: 4)
        for (offset, index) in found.enumerated() where offset == 0 || found[offset - 1] != index {
            let candidate = candidates[Int(index)]
            let onlyWanted = candidateCodes[Int(candidate.codes.lowerBound)..<Int(candidate.codes.upperBound)]
                .allSatisfy { Int($0) < codeCount && isWanted[Int($0)] }
            ranked[(onlyWanted ? 0 : 2) + (candidate.isReadable ? 0 : 1)].append(index)
        }
        var chosen: [Choice] = []
        var respondents: Set<Int32> = []
        var documents: Set<Int32> = []
        // First each from another document, then, if quotes are still missing, from another respondent only.
        for requiresNewDocument in [true, false] {
            for run in ranked {
                for index in run {
                    guard chosen.count < limit else { return chosen }
                    let candidate = candidates[Int(index)]
                    guard !respondents.contains(candidate.respondent),
                          !requiresNewDocument || !documents.contains(candidate.document) else { continue }
                    respondents.insert(candidate.respondent)
                    documents.insert(candidate.document)
                    // The first thing the coder marked with a wanted code.
                    let marked = candidateEntries[Int(candidate.entries.lowerBound)..<Int(candidate.entries.upperBound)]
                        .lazy.map { project.codings.entries[Int($0)] }.first { Int($0.code) < codeCount && isWanted[Int($0.code)] }
                    chosen.append(Choice(segment: SegmentReference(document: Int(candidate.document), number: Int(candidate.segment) + 1),
                                         respondentID: respondentIDs[Int(candidate.respondent)],
                                         mark: marked.map { QuoteMark($0, isAutomatic: isAutomatic) } ?? .turn))
                }
            }
        }
        return chosen
    }

    /// Quotes for a theme (`codeIDs`: the theme and its sub-codes) in one perspective, reading the
    /// chosen segments.
    public func quotes(for codeIDs: Set<String>, perspective: Perspective, limit: Int = 2) -> [Quote] {
        let choices = choices(for: codeIDs, perspective: perspective, limit: limit)
        let texts = Self.quoteTexts(of: choices, in: project)
        return choices.compactMap { quote($0, text: texts[$0]) }
    }

    /// The quote of a chosen segment, with its text.
    func quote(_ choice: Choice, text: String?) -> Quote? {
        guard let text, let segment = project.documents[choice.segment.document].segment(number: choice.segment.number) else { return nil }
        return Quote(text: text, respondentID: choice.respondentID, documentID: project.documents[choice.segment.document].id,
                     segmentNumber: segment.number, time: segment.time)
    }

    /// The text of each choice as a quote prints it (what the coder marked, collapsed and cut,
    /// names not yet replaced), read from the documents that hold the chosen segments.
    static func quoteTexts(of choices: [Choice], in project: Project) -> [Choice: String] {
        let pseudonyms = project.pseudonyms
        var marks: [SegmentReference: Set<QuoteMark>] = [:]
        for choice in choices { marks[choice.segment, default: []].insert(choice.mark) }
        let wanted = marks
        var positions: [String: Int] = [:]
        for reference in wanted.keys { positions[project.documents[reference.document].file] = reference.document }
        let documentPositions = positions
        let texts = project.readSegments(Set(wanted.keys)) { document, segment -> [QuoteMark: String] in
            guard let position = documentPositions[document.file] else { return [:] }
            var texts: [QuoteMark: String] = [:]
            for mark in wanted[SegmentReference(document: position, number: segment.number)] ?? [] {
                let words = QuoteText.words(of: segment, in: document, mark: mark)
                texts[mark] = cut(words, replacing: pseudonyms.replacements(in: words))
            }
            return texts
        }
        var result: [Choice: String] = [:]
        for choice in choices { result[choice] = texts[choice.segment]?[choice.mark] }
        return result
    }

    /// Quotes for one theme and perspective, gathering the candidates for just this call.
    public static func quotes(for codeIDs: Set<String>, perspective: Perspective, coder: String,
                              project: Project, limit: Int = 2) -> [Quote] {
        QuoteSelector(project: project, coder: coder).quotes(for: codeIDs, perspective: perspective, limit: limit)
    }

    /// Shortens a quote to at most `maximum` characters between two words, adding " …"; never
    /// inside a word.
    ///
    /// The length counts the text as printed, with `replacements` (its names and their pseudonyms)
    /// made; the cut never falls inside a name, which would leave part of it unrecognised.
    public static func cut(_ text: String, maximum: Int = maximumLength, replacing replacements: [PseudonymTable.Replacement] = []) -> String {
        // Room for the " …" the cut adds.
        let headEnd = PseudonymTable.printedEnd(of: text, maximumLength: maximum, replacements: replacements)
        guard headEnd < text.endIndex else { return text }
        let room = PseudonymTable.printedEnd(of: text, maximumLength: maximum - 2, replacements: replacements)
        var lastSpace: String.Index? = nil
        var next = 0
        var index = text.startIndex
        // The text up to `room` fits with " …"; a space at `room` itself ends the last whole word too.
        while index <= room, index < text.endIndex {
            if next < replacements.count, replacements[next].range.lowerBound <= index {
                index = max(index, replacements[next].range.upperBound)
                next += 1
                continue
            }
            if text[index] == " " { lastSpace = index }
            index = text.index(after: index)
        }
        if let lastSpace { return String(text[..<lastSpace]).trimmingTrailingPunctuation + " …" }
        // One word longer than a quote: nothing to cut between; it stays whole.
        return text
    }
}

extension String {
    var trimmingTrailingPunctuation: String {
        var result = self
        while let last = result.last, last == "," || last == ";" || last == ":" || last == " " { result.removeLast() }
        return result
    }
}
