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
    static func hits(in document: Document, matcher: KeywordMatcher, pseudonyms: PseudonymTable, perspective: Perspective?,
                     perspectiveOf: (Segment) -> Perspective?, allowed: ((Int) -> Bool)?) -> [Hit] {
        let matches = matcher.matches(in: document.text)
        guard !matches.isEmpty else { return [] }
        let scalars = document.text.unicodeScalars
        var hits: [Hit] = []
        var placement = Document.SegmentPlacement()
        for match in matches {
            guard let position = document.segmentPosition(holdingWords: match.range, after: &placement) else { continue }
            let segment = document.segments[position]
            if let allowed, !allowed(segment.number) { continue }
            let segmentPerspective = perspectiveOf(segment)
            if let perspective, segmentPerspective != perspective { continue }
            func text(_ range: Range<String.Index>) -> String {
                pseudonyms.apply(to: withoutTags(String(scalars[range]))).collapsingWhitespace
            }
            // Scalar offsets become string indices by walking from the segment's words, which
            // the context never leaves, each from the one before.
            let leftStart = max(segment.contentStart, match.start - contextLength)
            let rightEnd = min(segment.end, match.end + contextLength)
            let left = scalars.index(segment.content.startIndex, offsetBy: leftStart - segment.contentStart)
            let start = scalars.index(left, offsetBy: match.start - leftStart)
            let end = scalars.index(start, offsetBy: match.end - match.start)
            let right = scalars.index(end, offsetBy: rightEnd - match.end)
            let respondent: String
            switch segment.speaker {
            case .interviewer: respondent = "interviewer"
            case .respondent(let id): respondent = id
            case .unattributed: respondent = "-"
            }
            hits.append(Hit(documentID: document.id, segmentNumber: segment.number, respondent: respondent,
                            perspective: segmentPerspective?.name ?? "", term: matcher.terms[match.termIndex].source,
                            start: match.start, end: match.end, left: text(left..<start),
                            match: text(start..<end), right: text(end..<right)))
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
