/// Keyword in context: every occurrence of some terms, with the words around it and who said it.
public struct KeywordSearch: Sendable {
    public struct Hit: Sendable, Equatable {
        public var documentID: String
        public var segmentNumber: Int
        public var respondent: String
        public var perspective: String
        public var term: String
        public var start: Int
        public var end: Int
        public var left: String
        public var match: String
        public var right: String
    }

    /// Characters of context on each side.
    public static let contextLength = 40

    public var hits: [Hit]

    /// Searches respondent and interviewer turns alike (the interviewer shows as `interviewer`);
    /// `perspective` keeps respondents of one perspective, `code` segments `coder` coded with that code
    /// or one of its sub-codes. Text is pseudonymised.
    public init(project: Project, terms: [KeywordTerm], perspective: Perspective? = nil, code: String? = nil, coder: String = InlineCoder.defaultName) {
        let matcher = KeywordMatcher(terms: terms)
        let allowed: Set<String>? = code.map { code in
            let codes = project.codebook.subtree(of: code)
            return Set(project.codings(by: coder).filter { codes.contains($0.codeID) }
                .flatMap { coding in coding.segmentNumbers.map { "\(coding.documentID)#\($0)" } })
        }
        hits = ParallelMap.map(project.documents) { document in
            Self.hits(in: document, matcher: matcher, pseudonyms: project.pseudonyms, perspective: perspective,
                      perspectiveOf: { project.perspective(of: $0, in: document) },
                      allowed: allowed.map { allowed in { allowed.contains("\(document.id)#\($0)") } })
        }.flatMap { $0 }
    }

    /// The same search streamed over a corpus, reading each document once and keeping only its hits;
    /// for searches that need no codings.
    public init(setup: ProjectLoader.CorpusSetup, terms: [KeywordTerm], perspective: Perspective? = nil,
                limits: ArchiveLimits = .default, diagnostics: inout [Diagnostic]) {
        let matcher = KeywordMatcher(terms: terms)
        let table = setup.respondentTable, pseudonyms = setup.pseudonyms
        let results = ProjectLoader.readDocuments(setup, limits: limits) { parsed -> [Hit] in
            let document = parsed.document
            // Each respondent's perspective once per document, not once per hit.
            var respondentPerspectives: [String: Perspective?] = [:]
            for id in Set(document.segments.compactMap(\.respondentID)) {
                respondentPerspectives[id] = RespondentResolver.perspective(of: id, in: document, table: table).map(Perspective.init)
            }
            let documentPerspective = document.perspective.map(Perspective.init)
            return Self.hits(in: document, matcher: matcher, pseudonyms: pseudonyms, perspective: perspective, perspectiveOf: { segment in
                switch segment.speaker {
                case .interviewer: return nil
                case .respondent(let id): return respondentPerspectives[id] ?? nil
                case .unattributed: return documentPerspective
                }
            }, allowed: nil)
        }
        hits = ProjectLoader.uniqueDocuments(results, diagnostics: &diagnostics).flatMap { $0 }
    }

    /// Hits in one document. `perspectiveOf` says whose words a segment holds; `allowed` filters by segment number.
    ///
    /// Listed names are found once in the whole text and replaced in each printed part; the hit and its
    /// context are widened so that no part of a name is cut off and printed without being recognised.
    static func hits(in document: Document, matcher: KeywordMatcher, pseudonyms: PseudonymTable, perspective: Perspective?,
                     perspectiveOf: (Segment) -> Perspective?, allowed: ((Int) -> Bool)?) -> [Hit] {
        let matches = matcher.matches(in: document.text)
        guard !matches.isEmpty else { return [] }
        let names = pseudonyms.occurrences(in: document.text)
        let scalars = document.text.unicodeScalars
        let documentID = pseudonyms.apply(to: document.id)
        var respondents: [String: String] = [:]
        var hits: [Hit] = []
        var placement = Document.SegmentPlacement()
        for match in matches {
            guard let position = document.segmentPosition(holdingWords: match.range, after: &placement) else { continue }
            let segment = document.segments[position]
            if let allowed, !allowed(segment.number) { continue }
            let segmentPerspective = perspectiveOf(segment)
            if let perspective, segmentPerspective != perspective { continue }
            let shown = PseudonymTable.widened(match.range, around: names)
            let leftStart = PseudonymTable.widened(max(segment.contentStart, shown.lowerBound - contextLength)..<shown.lowerBound, around: names).lowerBound
            let rightEnd = PseudonymTable.widened(shown.upperBound..<min(segment.end, shown.upperBound + contextLength), around: names).upperBound
            // Scalar offsets become string indices by walking from the segment's words, which
            // the context never leaves, each from the one before.
            let left = scalars.index(segment.content.startIndex, offsetBy: leftStart - segment.contentStart)
            let start = scalars.index(left, offsetBy: shown.lowerBound - leftStart)
            let end = scalars.index(start, offsetBy: shown.count)
            func text(from index: String.Index, _ range: Range<Int>) -> String {
                withoutTags(PseudonymTable.replacing(names, in: document.text, from: index, at: range.lowerBound, upTo: range.upperBound)).collapsingWhitespace
            }
            let respondent: String
            switch segment.speaker {
            case .interviewer: respondent = "interviewer"
            case .respondent(let id):
                respondent = respondents[id] ?? pseudonyms.apply(to: id)
                respondents[id] = respondent
            case .unattributed: respondent = "-"
            }
            hits.append(Hit(documentID: documentID, segmentNumber: segment.number, respondent: respondent,
                            perspective: pseudonyms.apply(to: segmentPerspective?.name ?? ""), term: pseudonyms.apply(to: matcher.terms[match.termIndex].source),
                            start: match.start, end: match.end, left: text(from: left, leftStart..<shown.lowerBound),
                            match: text(from: start, shown), right: text(from: end, shown.upperBound..<rightEnd)))
        }
        return hits
    }

    /// Context without inline tags, which are the researcher's markup, not what was said.
    static func withoutTags(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "#")) else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false)
            .filter { !($0.hasPrefix("#") && $0.count > 1 && ($0.dropFirst().first?.isLetter ?? false)) }
            .joined(separator: " ")
    }
}
