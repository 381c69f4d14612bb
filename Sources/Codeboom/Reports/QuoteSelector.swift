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
/// 2. prefer segments that carry no other code, then segments of 60–300 characters, then longer
///    ones (cut), then shorter ones; ties go to corpus order (document, then segment);
/// 3. at most `limit` quotes, each from a different respondent;
/// 4. longer than 300 characters: cut at the last sentence end before that, with " …".
///
/// Built once per report: the coder's coded respondent segments, with their codes, perspective and
/// printed length, are gathered in one pass, so each theme and perspective only ranks its own
/// candidates. The choice needs no text: the length of each segment as printed is measured while
/// the corpus streams by (``printedLengths(of:)``), and only the chosen segments are read again.
public struct QuoteSelector: Sendable {
    /// The longest quote, in characters as printed; a longer segment is cut at a sentence end before it.
    public static let maximumLength = 300
    /// The shortest segment preferred as a quote, in characters as printed.
    public static let minimumReadableLength = 60

    /// A segment chosen to quote: where it is and who said it.
    public struct Choice: Sendable, Hashable {
        /// The segment chosen.
        public var segment: SegmentReference
        /// The respondent who speaks it.
        public var respondentID: String
    }

    /// A respondent segment the coder coded, with what the rule ranks it by.
    private struct Candidate: Sendable {
        var document: Int
        var segment: Int
        var respondent: String
        /// Codebook positions of the codes the coder gave it, ascending.
        var codes: [Int32]
        /// 0: readable length, 1: longer (cut), 2: shorter.
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
        var codesBySegment: [SegmentReference: [Int32]] = [:]
        if let coderPosition = project.codings.coder(named: coder) {
            for entry in project.codings.entries where entry.coder == coderPosition {
                for number in entry.segments {
                    codesBySegment[SegmentReference(document: Int(entry.document), number: number), default: []].append(entry.code)
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
            let length = lengths(reference)
            let lengthClass = length >= Self.minimumReadableLength && length <= Self.maximumLength ? 0 : (length > Self.maximumLength ? 1 : 2)
            candidates[perspective, default: []].append(Candidate(document: reference.document, segment: reference.number - 1, respondent: respondent,
                                                                  codes: Array(Set(codesBySegment[reference] ?? [])).sorted(), lengthClass: lengthClass))
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
        for (_, candidate) in ranked where chosen.count < limit && respondents.insert(candidate.respondent).inserted {
            chosen.append(Choice(segment: SegmentReference(document: candidate.document, number: candidate.segment + 1),
                                 respondentID: candidate.respondent))
        }
        return chosen
    }

    /// Quotes for a theme (`codeIDs`: the theme and its sub-codes) in one perspective, reading the
    /// chosen segments.
    public func quotes(for codeIDs: Set<String>, perspective: Perspective, limit: Int = 2) -> [Quote] {
        let choices = choices(for: codeIDs, perspective: perspective, limit: limit)
        let texts = Self.quoteTexts(of: Set(choices.map(\.segment)), in: project)
        return choices.compactMap { quote($0, text: texts[$0.segment]) }
    }

    /// The quote of a chosen segment, with its text.
    func quote(_ choice: Choice, text: String?) -> Quote? {
        guard let text, let segment = project.documents[choice.segment.document].segment(number: choice.segment.number) else { return nil }
        return Quote(text: text, respondentID: choice.respondentID, documentID: project.documents[choice.segment.document].id,
                     segmentNumber: segment.number, time: segment.time)
    }

    /// The text of each segment as a quote prints it (collapsed and cut, names not yet replaced),
    /// read from the documents that hold them.
    static func quoteTexts(of segments: Set<SegmentReference>, in project: Project) -> [SegmentReference: String] {
        let pseudonyms = project.pseudonyms
        return project.readSegments(segments) { document, segment in
            let words = document.text(of: segment).collapsingWhitespace
            return cut(words, replacing: pseudonyms.replacements(in: words))
        }
    }

    /// Quotes for one theme and perspective, gathering the candidates for just this call.
    public static func quotes(for codeIDs: Set<String>, perspective: Perspective, coder: String,
                              project: Project, limit: Int = 2) -> [Quote] {
        QuoteSelector(project: project, coder: coder).quotes(for: codeIDs, perspective: perspective, limit: limit)
    }

    /// Shortens a quote to at most about `maximumLength` characters at a sentence end (else a word end), adding " …".
    ///
    /// The length counts the text as printed, with `replacements` (its names and their pseudonyms)
    /// made; the cut never falls inside a name, which would leave part of it unrecognised.
    public static func cut(_ text: String, maximum: Int = maximumLength, replacing replacements: [PseudonymTable.Replacement] = []) -> String {
        let headEnd = PseudonymTable.printedEnd(of: text, maximumLength: maximum, replacements: replacements)
        guard headEnd < text.endIndex else { return text }
        var lastSentenceEnd: String.Index? = nil, lastSpace: String.Index? = nil
        var printed = 0, next = 0
        var index = text.startIndex
        while index < headEnd {
            if next < replacements.count, replacements[next].range.lowerBound <= index {
                printed += replacements[next].text.count
                index = max(index, replacements[next].range.upperBound)
                next += 1
                continue
            }
            let character = text[index]
            let after = text.index(after: index)
            if (character == "." || character == "?" || character == "!") && (after == headEnd || text[after] == " ") && printed >= maximum / 3 {
                lastSentenceEnd = after
            }
            if character == " " { lastSpace = index }
            printed += 1
            index = after
        }
        if let lastSentenceEnd { return String(text[..<lastSentenceEnd]) + " …" }
        if let lastSpace { return String(text[..<lastSpace]).trimmingTrailingPunctuation + " …" }
        return String(text[..<headEnd]) + " …"
    }
}

extension String {
    var trimmingTrailingPunctuation: String {
        var result = self
        while let last = result.last, last == "," || last == ";" || last == ":" || last == " " { result.removeLast() }
        return result
    }
}
