/// A quote for a report: pseudonymised text and its source as respondent id, document and segment.
public struct Quote: Sendable, Equatable {
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
public enum QuoteSelector {
    public static let maximumLength = 300
    public static let minimumReadableLength = 60

    public static func quotes(for codeIDs: Set<String>, perspective: Perspective, coder: String,
                              project: Project, limit: Int = 2) -> [Quote] {
        struct Candidate {
            var rank: (Int, Int, Int, Int)
            var document: Document
            var segment: Segment
            var respondent: String
        }
        var codesBySegment: [String: Set<String>] = [:]
        for coding in project.codings where coding.coder == coder {
            for number in coding.segmentNumbers {
                codesBySegment["\(coding.documentID)#\(number)", default: []].insert(coding.codeID)
            }
        }
        var candidates: [Candidate] = []
        for (documentIndex, document) in project.documents.enumerated() {
            for segment in document.segments {
                guard let respondent = segment.respondentID,
                      project.respondents[respondent]?.perspective.map(Perspective.init) == perspective,
                      let codes = codesBySegment["\(document.id)#\(segment.number)"], !codes.isDisjoint(with: codeIDs)
                else { continue }
                let length = segment.text.collapsingWhitespace.count
                let onlyThisTheme = codes.isSubset(of: codeIDs) ? 0 : 1
                let lengthClass = length >= minimumReadableLength && length <= maximumLength ? 0 : (length > maximumLength ? 1 : 2)
                candidates.append(Candidate(rank: (onlyThisTheme, lengthClass, documentIndex, segment.number),
                                            document: document, segment: segment, respondent: respondent))
            }
        }
        candidates.sort { $0.rank < $1.rank }
        var chosen: [Quote] = []
        var respondents: Set<String> = []
        for candidate in candidates where chosen.count < limit && respondents.insert(candidate.respondent).inserted {
            let text = cut(project.pseudonyms.apply(to: candidate.segment.text.collapsingWhitespace))
            chosen.append(Quote(text: text, respondentID: candidate.respondent, documentID: candidate.document.id,
                                segmentNumber: candidate.segment.number, time: candidate.segment.time))
        }
        return chosen
    }

    /// Shortens a quote to at most about `maximumLength` characters at a sentence end (else a word end), adding " …".
    public static func cut(_ text: String, maximum: Int = maximumLength) -> String {
        guard text.count > maximum else { return text }
        let head = String(text.prefix(maximum))
        let sentenceEnds = head.indices.filter { index in
            let character = head[index]
            let next = head.index(after: index)
            return (character == "." || character == "?" || character == "!") && (next == head.endIndex || head[next] == " ")
        }
        if let last = sentenceEnds.last, head.distance(from: head.startIndex, to: last) >= maximum / 3 {
            return String(head[...last]) + " …"
        }
        if let space = head.lastIndex(of: " ") {
            return String(head[..<space]).trimmingTrailingPunctuation + " …"
        }
        return head + " …"
    }
}

extension String {
    var trimmingTrailingPunctuation: String {
        var result = self
        while let last = result.last, last == "," || last == ";" || last == ":" || last == " " { result.removeLast() }
        return result
    }
}
