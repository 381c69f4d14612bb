/// Keyword in context: every occurrence of some terms, with the words around it and who said it.
public struct KeywordSearch: Sendable {
    /// One occurrence of a term, with its context, as `search` prints it (names replaced by pseudonyms).
    public struct Hit: Sendable, Equatable {
        /// The document's id.
        public var documentID: String
        /// The number of the segment it stands in, from 1.
        public var segmentNumber: Int
        /// Who speaks: a respondent id, `interviewer`, or `-` for a paragraph without a speaker.
        public var respondent: String
        /// The perspective the segment counts for; empty when none.
        public var perspective: String
        /// The search term that matched, as written.
        public var term: String
        /// Unicode scalar offset of the match in the document's text.
        public var start: Int
        /// Unicode scalar offset just past the match.
        public var end: Int
        /// The segment's words before the match, about ``contextLength`` of them.
        public var left: String
        /// The matched words.
        public var match: String
        /// The segment's words after the match, about ``contextLength`` of them.
        public var right: String
    }

    /// Characters of context on each side.
    public static let contextLength = 40

    /// The hits in corpus order: by document, then by place in the text.
    public var hits: [Hit]
    /// Every perspective of the searched corpus's respondents and documents, in report order: what
    /// `perspective` may name.
    public var perspectives: [Perspective] = []

    /// A hit as one document shows it, before the whole corpus says whose perspective it is.
    public struct Found: Sendable {
        /// The hit, its `perspective` still empty.
        public var hit: Hit
        /// Who speaks the segment, and its document's `perspectief`: what the perspective is decided by.
        public var speaker: Segment.Speaker
        /// The document's `perspectief`, which an unattributed segment counts for.
        public var documentPerspective: String?
    }

    /// Searches respondent and interviewer turns alike (the interviewer shows as `interviewer`);
    /// `perspective` keeps respondents of one perspective, `code` segments `coder` coded with that code
    /// or one of its sub-codes. Text is pseudonymised. Reads the project's documents again.
    public init(project: Project, terms: [KeywordTerm], perspective: Perspective? = nil, code: String? = nil, coder: String = InlineCoder.defaultName) {
        self.init(project: project, matcher: KeywordMatcher(terms: terms), perspective: perspective, code: code, coder: coder)
    }

    /// The search with a matcher built (and checked against its limits) by the caller.
    public init(project: Project, matcher: KeywordMatcher, perspective: Perspective? = nil, code: String? = nil, coder: String = InlineCoder.defaultName) {
        let pseudonyms = project.pseudonyms
        var found = [[Found]](repeating: [], count: project.documents.count)
        if let corpus = project.corpus {
            var positions: [String: Int] = [:]
            for (position, document) in project.documents.enumerated() { positions[document.file] = position }
            corpus.forEach(corpus.files.filter { positions[$0.path] != nil }, transform: { parsed in
                Self.find(in: parsed.document, matcher: matcher, pseudonyms: pseudonyms)
            }) { result in
                if let position = positions[result.path], let hits = result.value { found[position] = hits }
            }
        }
        self.init(project: project, found: found, perspective: perspective, code: code, coder: coder)
    }

    /// The search over hits found while the project's documents streamed by (``find(in:matcher:pseudonyms:)``,
    /// one list per document in project order), kept by perspective and code.
    public init(project: Project, found: [[Found]], perspective: Perspective? = nil, code: String? = nil, coder: String = InlineCoder.defaultName) {
        var allowed: Set<SegmentReference>? = nil
        if let code {
            var isWanted = [Bool](repeating: false, count: project.codings.codeIDs.count)
            for id in project.codebook.subtree(of: code) { if let position = project.codebook.position(of: id) { isWanted[position] = true } }
            var places: Set<SegmentReference> = []
            if let coderPosition = project.codings.coder(named: coder) {
                for entry in project.codings.entries where entry.coder == coderPosition && isWanted[Int(entry.code)] {
                    for number in entry.segments { places.insert(SegmentReference(document: Int(entry.document), number: number)) }
                }
            }
            allowed = places
        }
        self.init(found: found, respondents: project.respondents, pseudonyms: project.pseudonyms, perspective: perspective) { document, number in
            allowed?.contains(SegmentReference(document: document, number: number)) ?? true
        }
        perspectives = project.perspectives
    }

    /// The hits found, in order, each given the perspective its segment counts for, and kept when
    /// that is `perspective` and `isAllowed` accepts the segment (document position, number).
    private init(found: [[Found]], respondents: [String: Respondent], pseudonyms: PseudonymTable, perspective: Perspective?,
                 isAllowed: (Int, Int) -> Bool) {
        var shownPerspectives: [String: String] = [:]
        var hits: [Hit] = []
        for (document, documentHits) in found.enumerated() {
            for found in documentHits where isAllowed(document, found.hit.segmentNumber) {
                let segmentPerspective = RespondentRoster.perspective(of: found.speaker, documentPerspective: found.documentPerspective,
                                                                      respondents: respondents)
                if let perspective, segmentPerspective != perspective { continue }
                var hit = found.hit
                let name = segmentPerspective?.name ?? ""
                hit.perspective = shownPerspectives[name] ?? pseudonyms.apply(to: name)
                shownPerspectives[name] = hit.perspective
                hits.append(hit)
            }
        }
        self.hits = hits
    }

    /// The search streamed over a corpus, reading each document once and keeping only its hits;
    /// for searches that need no codings. Perspectives are decided once every document is read,
    /// by the same rule as counts (``RespondentRoster``).
    public init(corpus: CorpusReader, pseudonyms: PseudonymTable, matcher: KeywordMatcher, perspective: Perspective? = nil,
                diagnostics: inout [Diagnostic]) {
        var roster = RespondentRoster(table: corpus.respondentTable)
        var found: [[Found]] = []
        var documentPerspectives: [String] = []
        corpus.forEachDocument(transform: { parsed -> (speakers: DocumentOutline, hits: [Found], perspective: String?) in
            // Only each respondent's first segment travels back, for the roster: not the document's segments
            // (gathered without copying them all first, and without hashing the id of the last turn's respondent again).
            let document = parsed.document
            var seen: Set<String> = []
            var last: String? = nil
            var firstTurns: [Segment] = []
            for segment in document.segments {
                guard let id = segment.respondentID, id != last else { continue }
                last = id
                if seen.insert(id).inserted { firstTurns.append(segment) }
            }
            let speakers = DocumentOutline(id: document.id, file: document.file, type: document.type, metadata: document.metadata,
                                           segments: firstTurns, scalarCount: document.scalarCount)
            return (speakers, Self.find(in: document, matcher: matcher, pseudonyms: pseudonyms), document.perspective)
        }, diagnostics: &diagnostics) { value in
            roster.add(value.speakers)
            found.append(value.hits)
            if let perspective = value.perspective { documentPerspectives.append(perspective) }
        }
        self.init(found: found, respondents: roster.respondents, pseudonyms: pseudonyms, perspective: perspective) { _, _ in true }
        // Which perspectives there are; how each is spelled does not matter here.
        perspectives = Set((roster.respondents.values.compactMap(\.perspective) + documentPerspectives).map(Perspective.init)).sorted()
    }

    /// Every hit in one document, with the words around it, pseudonymised; what a search keeps of
    /// a document as the corpus streams by.
    ///
    /// Listed names are found once in the whole text and replaced in each printed part; the hit and its
    /// context are widened so that no part of a name is cut off and printed without being recognised.
    ///
    /// - Complexity: O(*n* + *h*·*c*) for *n* bytes, *h* hits and *c* bytes of context and match
    ///   per hit: matches come in order of start, so one cursor walks the text once to where each
    ///   hit's context begins, however many hits a segment holds.
    public static func find(in document: Document, matcher: KeywordMatcher, pseudonyms: PseudonymTable) -> [Found] {
        var hits: [Found] = []
        var text = document.text
        text.withUTF8 { bytes in
            // Found when the first hit needs them, so a document without hits costs no name search.
            var found: (names: [PseudonymTable.Occurrence], documentID: String)?
            var respondents: [String: String] = [:]
            var placement = Document.SegmentPlacement()
            // Where the context of the last hit began, as a scalar and a byte offset; it only moves forward.
            var cursor = UTF8Cursor(bytes: bytes)
            matcher.forEachMatch(inUTF8: bytes) { match in
                guard let position = document.segmentPosition(holdingWords: match.range, after: &placement) else { return }
                let segment = document.segments[position]
                let (names, documentID) = found ?? (pseudonyms.occurrences(in: document.text), pseudonyms.apply(to: document.id))
                found = (names, documentID)
                // The context never leaves the segment's words, nor cuts a name.
                let shown = PseudonymTable.widened(match.range, around: names)
                let leftStart = PseudonymTable.widened(max(segment.contentStart, shown.lowerBound - contextLength)..<shown.lowerBound,
                                                       around: names).lowerBound
                let rightEnd = PseudonymTable.widened(shown.upperBound..<min(segment.end, shown.upperBound + contextLength),
                                                      around: names).upperBound
                if cursor.scalar > leftStart { cursor = UTF8Cursor(bytes: bytes) }
                // A cursor behind the hit's segment starts again at the segment's words (both offsets are
                // known), so the text between segments with hits is never walked.
                if cursor.scalar < segment.contentStart, segment.contentStart <= leftStart, segment.contentBytes.lowerBound <= bytes.count {
                    cursor = UTF8Cursor(bytes: bytes, scalar: segment.contentStart, byte: segment.contentBytes.lowerBound)
                }
                cursor.move(to: leftStart)
                var walker = cursor
                let left = walker.position
                walker.move(to: shown.lowerBound)
                let start = walker.position
                walker.move(to: shown.upperBound)
                let end = walker.position
                walker.move(to: rightEnd)
                let right = walker.position
                func context(_ from: UTF8Cursor.Position, _ to: UTF8Cursor.Position) -> String {
                    Self.context(bytes, from..<to, in: document.text, names: names)
                }
                let respondent: String
                switch segment.speaker {
                case .interviewer: respondent = "interviewer"
                case .respondent(let id):
                    respondent = respondents[id] ?? pseudonyms.apply(to: id)
                    respondents[id] = respondent
                case .unattributed: respondent = "-"
                }
                hits.append(Found(hit: Hit(documentID: documentID, segmentNumber: segment.number, respondent: respondent, perspective: "",
                                           term: pseudonyms.apply(to: matcher.terms[match.termIndex].source),
                                           start: match.start, end: match.end,
                                           left: context(left, start), match: context(start, end), right: context(end, right)),
                                  speaker: segment.speaker, documentPerspective: document.perspective))
            }
        }
        return hits
    }

    /// A piece of the text as a hit shows it: listed names replaced (found in the whole text, so a
    /// name is known even where the piece cuts it), white space collapsed, inline tags left out.
    /// A piece without names is read straight from the document's bytes.
    private static func context(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<UTF8Cursor.Position>, in text: String,
                                names: [PseudonymTable.Occurrence]) -> String {
        let scalars = range.lowerBound.scalar..<range.upperBound.scalar
        // The first name that ends inside or after the piece (names are in reading order, apart).
        var low = 0, high = names.count
        while low < high {
            let middle = (low + high) / 2
            if names[middle].range.upperBound <= scalars.lowerBound { low = middle + 1 } else { high = middle }
        }
        if low < names.count, names[low].range.lowerBound < scalars.upperBound {
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: range.lowerBound.byte)
            return withoutTags(PseudonymTable.replacing(names, in: text, from: start, at: scalars.lowerBound,
                                                        upTo: scalars.upperBound).collapsingWhitespace)
        }
        let piece = UnsafeBufferPointer(rebasing: bytes[range.lowerBound.byte..<range.upperBound.byte])
        return withoutTags(String.collapsingWhitespace(utf8: piece) ?? String(decoding: piece, as: UTF8.self).collapsingWhitespace)
    }

    /// A scalar offset and the byte offset where that scalar starts, moved forward by counting
    /// the bytes that start a scalar.
    private struct UTF8Cursor {
        /// A place in the text, as both offsets.
        struct Position: Comparable {
            var scalar: Int
            var byte: Int

            static func < (lhs: Position, rhs: Position) -> Bool { lhs.byte < rhs.byte }
        }

        let bytes: UnsafeBufferPointer<UInt8>
        var scalar = 0
        var byte = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// A cursor at scalar `scalar`, which starts at byte `byte`.
        init(bytes: UnsafeBufferPointer<UInt8>, scalar: Int, byte: Int) {
            self.bytes = bytes
            self.scalar = scalar
            self.byte = byte
        }

        var position: Position { Position(scalar: scalar, byte: byte) }

        /// Moves to scalar `target` (never back), or to the end of the text.
        /// - Complexity: O(bytes walked), eight at a time where they are ASCII.
        mutating func move(to target: Int) {
            while scalar < target, byte < bytes.count {
                // Eight ASCII bytes are eight scalars, stepped over at once while they lie before the target
                // (loaded only where eight bytes are left to read).
                if target - scalar >= 8, byte + 8 <= bytes.count, let base = bytes.baseAddress,
                   UnsafeRawPointer(base).loadUnaligned(fromByteOffset: byte, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    byte += 8
                    scalar += 8
                    continue
                }
                byte += 1
                while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                scalar += 1
            }
        }
    }

    /// Context without inline tags, which are the researcher's markup, not what was said.
    static func withoutTags(_ text: String) -> String {
        guard text[...].containsByte(UInt8(ascii: "#")) else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false)
            .filter { !InlineTag.isWrittenAsTag($0) || InlineTag.isNumberTag($0) }
            .joined(separator: " ")
    }
}
