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

    /// A respondent segment the coder coded, with what the rule ranks it by.
    private struct Candidate: Sendable {
        var document: Int
        var segment: Int
        var respondent: String
        /// Codebook positions of the codes the coder gave it, ascending.
        var codes: [Int32]
        /// What the coder marked for each code, in the order of the codings.
        var marks: [(code: Int32, mark: QuoteMark)]
        /// 0: readable length, 1: shorter.
        var lengthClass: Int
    }

    private let project: Project
    /// Candidates per perspective, in corpus order.
    private let candidates: [Perspective: [Candidate]]

    /// The candidates of `coder`. `printedLengths` gives, per document in project order, the printed
    /// length of each segment (``printedLengths(of:)``); without it the coded segments are read again
    /// to measure them.
    public init(project: Project, coder: String, printedLengths: [[Int]]? = nil) {
        self.project = project
        var codesBySegment: [SegmentReference: [(code: Int32, mark: QuoteMark)]] = [:]
        if let coderPosition = project.codings.coder(named: coder) {
            let isAutomatic = coder == AutoCoder.defaultCoder
            for entry in project.codings.entries where entry.coder == coderPosition {
                let mark = QuoteMark(entry, isAutomatic: isAutomatic)
                for number in entry.segments {
                    codesBySegment[SegmentReference(document: Int(entry.document), number: number), default: []].append((entry.code, mark))
                }
            }
        }
        let respondentSegments = codesBySegment.keys.filter { reference in
            project.documents[reference.document].segment(number: reference.number)?.respondentID != nil
        }
        let lengths: (SegmentReference) -> Int
        if let printedLengths {
            lengths = { printedLengths[$0.document][$0.number - 1] }
        } else {
            let measured = project.readSegments(Set(respondentSegments)) { document, segment in document.printedLength(of: segment) }
            lengths = { measured[$0] ?? 0 }
        }
        let perspectives = PerspectiveIndex(project: project, perspectives: project.perspectives)
        var candidates: [Perspective: [Candidate]] = [:]
        for reference in respondentSegments.sorted() {
            let segment = project.documents[reference.document].segments[reference.number - 1]
            guard let respondent = segment.respondentID,
                  let perspective = perspectives.perspective(of: segment.speaker, inDocument: reference.document) else { continue }
            let lengthClass = lengths(reference) >= Self.minimumReadableLength ? 0 : 1
            let marks = codesBySegment[reference] ?? []
            candidates[perspective, default: []].append(Candidate(document: reference.document, segment: reference.number - 1, respondent: respondent,
                                                                  codes: Array(Set(marks.map(\.code))).sorted(), marks: marks, lengthClass: lengthClass))
        }
        self.candidates = candidates
    }

    /// The printed length of each respondent segment of a document (``Document/printedLength(of:)``),
    /// -1 for other segments: what a report gathers of each document as it streams by.
    public static func printedLengths(of document: Document) -> [Int] {
        document.segments.map { $0.respondentID == nil ? -1 : document.printedLength(of: $0) }
    }

    /// The segments to quote for a theme (`codeIDs`: the theme and its sub-codes) in one perspective.
    public func choices(for codeIDs: Set<String>, perspective: Perspective, limit: Int = 2) -> [Choice] {
        var isWanted = [Bool](repeating: false, count: project.codebook.codes.count)
        for id in codeIDs { if let position = project.codebook.position(of: id) { isWanted[position] = true } }
        let ranked = (candidates[perspective] ?? []).filter { $0.codes.contains { isWanted[Int($0)] } }
            .map { (rank: ($0.codes.allSatisfy { isWanted[Int($0)] } ? 0 : 1, $0.lengthClass, $0.document, $0.segment), candidate: $0) }
            .sorted { $0.rank < $1.rank }
        var chosen: [Choice] = []
        var respondents: Set<String> = []
        var documents: Set<Int> = []
        // First each from another document, then, if quotes are still missing, from another respondent only.
        for requiresNewDocument in [true, false] {
            for (_, candidate) in ranked where chosen.count < limit && !respondents.contains(candidate.respondent) {
                guard !requiresNewDocument || !documents.contains(candidate.document) else { continue }
                respondents.insert(candidate.respondent)
                documents.insert(candidate.document)
                // The first thing the coder marked with a wanted code.
                let mark = candidate.marks.first { isWanted[Int($0.code)] }?.mark ?? .turn
                chosen.append(Choice(segment: SegmentReference(document: candidate.document, number: candidate.segment + 1),
                                     respondentID: candidate.respondent, mark: mark))
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
