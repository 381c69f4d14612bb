/// Every memo of a study with its place: the notes coders wrote with a coding (a codings file's
/// `memo` column, the paragraphs after the tag of a Word or OpenDocument comment) and the comments
/// that are no coding at all, each with its code (if any), coder, document, segment and the text
/// it is about.
///
/// The auto-coder's "memos" are the keywords it matched, not notes, so they are left out unless its
/// codings are asked for by name.
public struct MemoList: Sendable {
    /// One memo.
    public struct Item: Sendable, Equatable {
        /// The code the memo goes with; nil for a comment that codes nothing.
        public var codeID: String?
        /// Who wrote it: the coder, or for a comment that codes nothing its author.
        public var coder: String
        /// The document's position in the project, and its id.
        public var document: Int
        /// The document's id.
        public var documentID: String
        /// The first segment the memo's coding (or comment) covers.
        public var segmentNumber: Int
        /// The memo's text.
        public var memo: String
        /// What the coder marked (widened to whole words, at most 300 characters), read again from
        /// the document; empty when it can no longer be read.
        public var codedText: String
        /// What was marked, to read its words.
        var mark: QuoteMark
    }

    /// The memos in corpus order: by document, segment, then code in codebook order.
    public var items: [Item]

    /// The memos of `project`; `code` keeps those of the code and its sub-codes, `coder` those of one
    /// coder (and comments by an author of that name), and with `keepingComments` also every comment
    /// that codes nothing, whoever wrote it.
    public init(project: Project, code: String? = nil, coder: String? = nil, keepingComments: Bool = false) {
        let codebook = project.codebook
        let wanted = code.map { codebook.subtree(of: $0) }
        var items: [Item] = []
        for entry in project.codings.entries {
            guard let memo = entry.memo?.trimmingSpaces, !memo.isEmpty else { continue }
            let coderName = project.codings.coderNames[Int(entry.coder)]
            let codeID = project.codings.codeIDs[Int(entry.code)]
            if let coder, coder != coderName { continue }
            if coder == nil && coderName == AutoCoder.defaultCoder { continue }
            if let wanted, !wanted.contains(codeID) { continue }
            let document = Int(entry.document)
            items.append(Item(codeID: codeID, coder: coderName, document: document, documentID: project.documents[document].id,
                              segmentNumber: entry.firstSegment, memo: memo, codedText: "",
                              mark: QuoteMark(entry, isAutomatic: coderName == AutoCoder.defaultCoder)))
        }
        if wanted == nil {
            for memo in project.memos {
                guard let document = project.position(ofDocument: memo.documentID), coder == nil || coder == memo.author || keepingComments else { continue }
                let text = memo.text.trimmingSpaces
                guard !text.isEmpty, let segments = project.documents[document].segmentNumbers(overlapping: memo.range.lowerBound, memo.range.upperBound)
                else { continue }
                items.append(Item(codeID: nil, coder: memo.author, document: document, documentID: memo.documentID,
                                  segmentNumber: segments.lowerBound, memo: text, codedText: "", mark: .range(memo.range)))
            }
        }
        let codeOrder = Dictionary(codebook.codes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        items.sort { a, b in
            if a.document != b.document { return a.document < b.document }
            if a.segmentNumber != b.segmentNumber { return a.segmentNumber < b.segmentNumber }
            return (a.codeID.flatMap { codeOrder[$0] } ?? Int.max) < (b.codeID.flatMap { codeOrder[$0] } ?? Int.max)
        }
        // The marked words, read again from just the documents that hold memos.
        var marks: [SegmentReference: Set<QuoteMark>] = [:]
        for item in items { marks[SegmentReference(document: item.document, number: item.segmentNumber), default: []].insert(item.mark) }
        let wantedMarks = marks
        var positionOfFile: [String: Int] = [:]
        for reference in wantedMarks.keys { positionOfFile[project.documents[reference.document].file] = reference.document }
        let positions = positionOfFile
        let pseudonyms = project.pseudonyms
        let texts = project.readSegments(Set(wantedMarks.keys)) { document, segment -> [QuoteMark: String] in
            guard let position = positions[document.file] else { return [:] }
            var texts: [QuoteMark: String] = [:]
            for mark in wantedMarks[SegmentReference(document: position, number: segment.number)] ?? [] {
                let words = QuoteText.words(of: segment, in: document, mark: mark)
                texts[mark] = QuoteSelector.cut(words, replacing: pseudonyms.replacements(in: words))
            }
            return texts
        }
        for index in items.indices {
            items[index].codedText = texts[SegmentReference(document: items[index].document, number: items[index].segmentNumber)]?[items[index].mark] ?? ""
        }
        self.items = items
    }
}
