/// A segment of a project, by its document's position in corpus order and its number.
public struct SegmentReference: Sendable, Hashable, Comparable {
    /// The document's position in the project's documents (corpus order).
    public var document: Int
    /// The segment's number in its document, from 1.
    public var number: Int

    /// Segment `number` of the document at position `document`.
    public init(document: Int, number: Int) {
        self.document = document
        self.number = number
    }

    /// In corpus order: by document, then by number.
    public static func < (lhs: SegmentReference, rhs: SegmentReference) -> Bool {
        (lhs.document, lhs.number) < (rhs.document, rhs.number)
    }
}

extension Project {
    /// Reads the documents that hold `segments` again, through the reader that read them first, on
    /// all cores, and gives `transform`'s value for each of those segments. Other documents are
    /// not read, and each read document is let go once its segments are done.
    ///
    /// A segment is missing from the result when its file can no longer be read as it was.
    public func readSegments<Value: Sendable>(_ segments: Set<SegmentReference>,
                                              _ transform: @escaping @Sendable (Document, Segment) -> Value) -> [SegmentReference: Value] {
        guard let corpus, !segments.isEmpty else { return [:] }
        var wanted: [String: (document: Int, numbers: [Int])] = [:]
        for segment in segments where documents.indices.contains(segment.document) {
            wanted[documents[segment.document].file, default: (segment.document, [])].numbers.append(segment.number)
        }
        let files = corpus.files.filter { wanted[$0.path] != nil }
        let requests = wanted
        var values: [SegmentReference: Value] = [:]
        corpus.forEach(files, transform: { parsed -> [(SegmentReference, Value)] in
            guard let request = requests[parsed.document.file] else { return [] }
            return request.numbers.compactMap { number in
                parsed.document.segment(number: number).map { (SegmentReference(document: request.document, number: number), transform(parsed.document, $0)) }
            }
        }) { result in
            for (reference, value) in result.value ?? [] { values[reference] = value }
        }
        return values
    }

    /// Reads one document again, with its text; nil when it can no longer be read.
    public func readDocument(at position: Int) -> Document? {
        guard let corpus, documents.indices.contains(position) else { return nil }
        let path = documents[position].file
        guard let file = corpus.files.first(where: { $0.path == path }) else { return nil }
        return corpus.read(file).parsed?.document
    }
}
