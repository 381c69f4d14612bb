/// A quote for a report: its text and its source as respondent id, document and segment.
public struct Quote: Sendable, Equatable {
    /// The words as spoken, not yet pseudonymised: `ReportBuilder` replaces the names on each whole
    /// page in one pass (a second pass would turn a pseudonym into another name). A cut never
    /// falls inside a listed name, so the page's pass still finds every name.
    public var text: String
    public var respondentID: String
    public var documentID: String
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
/// length, are gathered in one pass, so each theme and perspective only ranks its own candidates.
public struct QuoteSelector: Sendable {
    public static let maximumLength = 300
    public static let minimumReadableLength = 60

    /// A respondent segment the coder coded, with what the rule ranks it by.
    private struct Candidate: Sendable {
        var document: Int
        var segment: Int
        var respondent: String
        var codes: Set<String>
        /// 0: readable length, 1: longer (cut), 2: shorter.
        var lengthClass: Int
    }

    private let project: Project
    /// Candidates per perspective, in corpus order.
    private let candidates: [Perspective: [Candidate]]

    public init(project: Project, coder: String) {
        self.project = project
        var codesBySegment: [SegmentKey: Set<String>] = [:]
        for coding in project.codings where coding.coder == coder {
            guard let document = project.position(ofDocument: coding.documentID) else { continue }
            for number in coding.segmentNumbers {
                guard let key = SegmentKey(document: document, number: number) else { continue }
                codesBySegment[key, default: []].insert(coding.codeID)
            }
        }
        var perspectives: [String: Perspective?] = [:]
        var candidates: [Perspective: [Candidate]] = [:]
        for (documentIndex, document) in project.documents.enumerated() {
            for (segmentIndex, segment) in document.segments.enumerated() {
                guard let respondent = segment.respondentID, let key = SegmentKey(document: documentIndex, number: segment.number),
                      let codes = codesBySegment[key] else { continue }
                if perspectives[respondent] == nil {
                    perspectives[respondent] = .some(project.respondents[respondent]?.perspective.map(Perspective.init))
                }
                guard let perspective = perspectives[respondent] ?? nil else { continue }
                let length = segment.text.collapsingWhitespace.count
                let lengthClass = length >= Self.minimumReadableLength && length <= Self.maximumLength ? 0 : (length > Self.maximumLength ? 1 : 2)
                candidates[perspective, default: []].append(Candidate(document: documentIndex, segment: segmentIndex, respondent: respondent,
                                                                      codes: codes, lengthClass: lengthClass))
            }
        }
        self.candidates = candidates
    }

    /// Quotes for a theme (`codeIDs`: the theme and its sub-codes) in one perspective.
    public func quotes(for codeIDs: Set<String>, perspective: Perspective, limit: Int = 2) -> [Quote] {
        let ranked = (candidates[perspective] ?? []).filter { !$0.codes.isDisjoint(with: codeIDs) }
            .map { (rank: ($0.codes.isSubset(of: codeIDs) ? 0 : 1, $0.lengthClass, $0.document, $0.segment), candidate: $0) }
            .sorted { $0.rank < $1.rank }
        var chosen: [Quote] = []
        var respondents: Set<String> = []
        for (_, candidate) in ranked where chosen.count < limit && respondents.insert(candidate.respondent).inserted {
            let segment = project.documents[candidate.document].segments[candidate.segment]
            let words = segment.text.collapsingWhitespace
            let text = Self.cut(words, replacing: project.pseudonyms.replacements(in: words))
            chosen.append(Quote(text: text, respondentID: candidate.respondent, documentID: project.documents[candidate.document].id,
                                segmentNumber: segment.number, time: segment.time))
        }
        return chosen
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
