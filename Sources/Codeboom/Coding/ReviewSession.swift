/// `codeboom review --from auto --into NAME`: a coder goes through another coder's suggestions
/// (usually the keyword auto-coder's) one by one and accepts, rejects or changes each. Every answer
/// is a row: an accepted or changed code in `NAME.csv`, a rejected suggestion in `NAME.rejected.csv`
/// (``ReviewCodingsFile``), so the files themselves are the state: a new session resumes at the
/// first suggestion neither file answers, and a rejected suggestion is not asked again.
///
/// A value without I/O: the command writes ``codings`` and ``rejections`` after each answer.
public struct ReviewSession: Sendable {
    /// One suggestion to answer.
    public struct Suggestion: Sendable, Equatable {
        /// Which segment and code.
        public var key: ReviewCodingsFile.Key
        /// The document's position in the project (corpus order), to read its text.
        public var documentPosition: Int
        /// Where the suggesting coder matched, in Unicode scalars of the document's text, when it says.
        public var range: Range<Int>?
        /// What the suggesting coder wrote with it (the auto-coder: the term that matched).
        public var memo: String?
    }

    /// What the coder answered to a suggestion.
    public enum Answer: Sendable, Equatable {
        /// The suggested code is right.
        case accepted(memo: String?)
        /// The suggested code is wrong and none other applies.
        case rejected(memo: String?)
        /// Another code applies instead.
        case changed(to: String, memo: String?)
    }

    /// The suggesting coder.
    public let from: String
    /// The suggestions, in corpus order (document, segment, codebook order of the code).
    public let suggestions: [Suggestion]
    /// The coder's codings file as it is to be written.
    public private(set) var codings: ReviewCodingsFile
    /// The rejections file as it is to be written.
    public private(set) var rejections: ReviewCodingsFile
    /// The suggestion shown now; `suggestions.count` when the session went past the last.
    public private(set) var position: Int

    /// The suggestions of coder `from` in `project`, against the coder's codings and rejections as
    /// they are now (nil: no file yet). Starts at the first suggestion neither answers.
    public init(project: Project, from: String, codingsText: String?, rejectionsText: String?) {
        self.from = from
        var suggestions: [Suggestion] = []
        var seen: Set<ReviewCodingsFile.Key> = []
        if let coder = project.codings.coder(named: from) {
            for entry in project.codings.entries where entry.coder == coder {
                let document = Int(entry.document)
                let outline = project.documents[document]
                let codeID = project.codings.codeIDs[Int(entry.code)]
                for number in entry.segments where number >= 1 && number <= outline.segments.count {
                    let key = ReviewCodingsFile.Key(documentID: outline.id, segment: number, codeID: codeID)
                    guard seen.insert(key).inserted else { continue }
                    suggestions.append(Suggestion(key: key, documentPosition: document, range: entry.range, memo: entry.memo))
                }
            }
        }
        let codebook = project.codebook
        suggestions.sort { lhs, rhs in
            (lhs.documentPosition, lhs.key.segment, codebook.position(of: lhs.key.codeID) ?? Int.max)
                < (rhs.documentPosition, rhs.key.segment, codebook.position(of: rhs.key.codeID) ?? Int.max)
        }
        self.suggestions = suggestions
        codings = ReviewCodingsFile(text: codingsText, newColumns: ReviewCodingsFile.codingColumns)
        rejections = ReviewCodingsFile(text: rejectionsText, newColumns: ReviewCodingsFile.rejectionColumns)
        position = 0
        position = nextUnanswered(from: 0)
    }

    /// The suggestion shown now, or nil past the last.
    public var current: Suggestion? { suggestions.indices.contains(position) ? suggestions[position] : nil }

    /// What the files say was answered to the suggestion at `index`, or nil.
    public func answer(at index: Int) -> Answer? {
        let key = suggestions[index].key
        if let rejection = rejections.values(of: key), rejection["from"] == nil || rejection["from"] == from {
            if let instead = rejection["instead"] {
                return .changed(to: instead, memo: codings.values(of: ReviewCodingsFile.Key(documentID: key.documentID, segment: key.segment, codeID: instead))?["memo"])
            }
            return .rejected(memo: rejection["memo"])
        }
        if let coding = codings.values(of: key) { return .accepted(memo: coding["memo"]) }
        return nil
    }

    /// How many suggestions have an answer.
    public var answeredCount: Int { suggestions.indices.filter { answer(at: $0) != nil }.count }

    /// Answers the current suggestion (replacing an earlier answer to it) and moves to the next
    /// suggestion that has none. Returns which files changed.
    @discardableResult
    public mutating func answer(_ answer: Answer) -> (codings: Bool, rejections: Bool) {
        guard let suggestion = current else { return (false, false) }
        let key = suggestion.key
        var changed = (codings: false, rejections: false)
        // An earlier answer is taken back first: its coding (the code given instead, too) and its rejection.
        if let earlier = self.answer(at: position) {
            if case .changed(let other, _) = earlier {
                changed.codings = codings.remove(ReviewCodingsFile.Key(documentID: key.documentID, segment: key.segment, codeID: other)) || changed.codings
            }
            changed.codings = codings.remove(key) || changed.codings
            changed.rejections = rejections.remove(key) || changed.rejections
        }
        switch answer {
        case .accepted(let memo):
            codings.append(key, values: ["memo": memo ?? ""])
            changed.codings = true
        case .rejected(let memo):
            rejections.append(key, values: ["from": from, "memo": memo ?? ""])
            changed.rejections = true
        case .changed(let code, let memo):
            let replacement = ReviewCodingsFile.Key(documentID: key.documentID, segment: key.segment, codeID: code)
            codings.remove(replacement)
            codings.append(replacement, values: ["memo": memo ?? ""])
            rejections.append(key, values: ["from": from, "instead": code])
            changed = (true, true)
        }
        position = nextUnanswered(from: position + 1)
        return changed
    }

    /// Leaves the current suggestion unanswered (the next session asks it again) and moves on.
    public mutating func skip() {
        guard position < suggestions.count else { return }
        position = nextUnanswered(from: position + 1)
    }

    /// Goes back to the suggestion before the current one, answered or not.
    public mutating func back() {
        if position > 0 { position -= 1 }
    }

    /// The first suggestion from `start` on without an answer, or `suggestions.count`. Suggestions
    /// skipped in this session are passed by going forward only.
    private func nextUnanswered(from start: Int) -> Int {
        var index = start
        while index < suggestions.count, answer(at: index) != nil { index += 1 }
        return index
    }
}
