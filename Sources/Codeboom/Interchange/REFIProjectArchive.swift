import Foundation

/// A REFI-QDA project archive (`.qdpx`) as it is written: first each document's text source
/// (`sources/GUID.txt`), in the order of the project's documents, then `project.qde` (``finish(_:)``), which
/// needs the whole project. The sources can be added while the project is still being read, as the corpus
/// streams by (`export --qdpx`), so the corpus is read once and never held.
///
/// Atomic as ``ZipWriter``: the destination is replaced by ``finish(_:)`` only; an archive dropped before
/// leaves it as it was.
public struct REFIProjectArchive: ~Copyable {
    /// A document's source entry, compressed on the thread that made it, with what `project.qde` needs
    /// from the text: where the exported text starts and the inline tags that name selections.
    public struct Source: Sendable {
        /// The document's id.
        let documentID: String
        /// `sources/GUID.txt`, deflated.
        let entry: ZipWriter.Entry
        /// The scalar offset in the document's text where the exported text starts (``REFISourceText``).
        let bodyStart: Int
        /// The text of the inline tags (`#` to the end of the id) by their scalar offset in the document,
        /// in text order.
        let tags: [(offset: Int, text: String)]

        /// The source of `document`: its text after the front matter (``REFISourceText``), deflated, and
        /// the text of its inline tags that start at `tagOffsets` (every tag's when nil).
        /// - Complexity: O(*n*) in the length of the text.
        public init(_ document: Document, tagOffsets: Set<Int>? = nil) {
            documentID = document.id
            let text = REFISourceText(document)
            entry = text.withBytes { ZipWriter.Entry(path: "sources/\(REFIGUID.source(document.id)).txt", bytes: $0) }
            bodyStart = text.bodyStart
            tags = Self.tags(of: document, at: tagOffsets)
        }

        /// The text of each inline tag of `document` that starts at one of `offsets` (all when nil), in text
        /// order; a tag that overlaps the one before it is left out.
        static func tags(of document: Document, at offsets: Set<Int>?) -> [(offset: Int, text: String)] {
            var ranges = document.tagRanges
            if let offsets { ranges = ranges.filter { offsets.contains($0.lowerBound) } }
            guard !ranges.isEmpty else { return [] }
            ranges.sort { $0.lowerBound < $1.lowerBound }
            var text = document.text
            return text.withUTF8 { bytes in
                var result: [(offset: Int, text: String)] = []
                var cursor = UTF8ScalarCursor(bytes)
                for range in ranges where range.lowerBound >= cursor.scalar && range.upperBound <= document.scalarCount {
                    cursor.advance(to: range.lowerBound)
                    let start = cursor.byte
                    cursor.advance(to: range.upperBound)
                    result.append((range.lowerBound, String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor.byte]), as: UTF8.self)))
                }
                return result
            }
        }
    }

    /// The text of the inline tags of every document added, by document position and scalar offset: flat
    /// arrays, as a large project has hundreds of thousands.
    struct TagTexts: Sendable {
        private var starts: [Int] = [0]
        private var offsets: [Int] = []
        private var texts: [String] = []

        /// Adds the tags of the next document, in text order.
        mutating func append(_ tags: [(offset: Int, text: String)]) {
            for tag in tags {
                offsets.append(tag.offset)
                texts.append(tag.text)
            }
            starts.append(offsets.count)
        }

        /// The text of the tag at scalar `offset` of the document at `position`, if one starts there.
        func text(document position: Int, offset: Int) -> String? {
            var low = starts[position], high = starts[position + 1]
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < offset { low = middle + 1 } else { high = middle }
            }
            return low < starts[position + 1] && offsets[low] == offset ? texts[low] : nil
        }
    }

    private var zip: ZipWriter
    private var documentIDs: [String] = []
    private var bodyStarts: [Int] = []
    private var tagTexts = TagTexts()

    /// Starts an archive that ``finish(_:)`` places at `destination`.
    public init(destination: URL) throws(REFIExportError) {
        do { zip = try ZipWriter(destination: destination) } catch { throw .cannotWrite(error) }
    }

    /// Writes the source of the project's next document.
    public mutating func add(_ source: Source) throws(REFIExportError) {
        do throws(ZipWriter.WriteError) { try zip.add(source.entry) } catch { throw .cannotWrite(error) }
        documentIDs.append(source.documentID)
        bodyStarts.append(source.bodyStart)
        tagTexts.append(source.tags)
    }

    /// Writes `project.qde` of `export`, whose documents must be those added, in the same order, and puts
    /// the archive in place.
    public consuming func finish(_ export: REFIProjectExport) throws(REFIExportError) -> REFIProjectExport.Summary {
        let documents = export.project.documents
        guard documents.count == documentIDs.count else {
            throw .documentChanged(file: documents.dropFirst(documentIDs.count).first?.file ?? export.project.directory)
        }
        for (document, id) in Swift.zip(documents, documentIDs) where document.id != id { throw .documentChanged(file: document.file) }
        let bodyStarts = self.bodyStarts, tagTexts = self.tagTexts
        var summary = REFIProjectExport.Summary()
        do throws(ZipWriter.WriteError) {
            try zip.add(path: "project.qde") { (stream: inout ZipWriter.EntryStream) throws(ZipWriter.WriteError) in
                summary = try export.writeProject(to: &stream, bodyStarts: bodyStarts, tags: tagTexts)
            }
            try zip.finish()
        } catch {
            throw .cannotWrite(error)
        }
        return summary
    }
}

/// A position in UTF-8 bytes that moves forward scalar by scalar, counting the scalars it passes: eight
/// bytes at a time where none of them starts the scalar it is looking for.
struct UTF8ScalarCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The byte offset: where a scalar starts, or the end.
    private(set) var byte = 0
    /// The number of scalars before ``byte``.
    private(set) var scalar = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Moves to the start of scalar `target` (counted from 0), or to the end when the text is shorter.
    mutating func advance(to target: Int) {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        let lowBits: UInt64 = 0x0101_0101_0101_0101
        // Whole words while the scalars that start in them do not reach the target.
        while byte + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: byte, as: UInt64.self)
            // Continuation bytes (10xxxxxx) start no scalar.
            let starts = 8 - (((word & ~(word << 1)) >> 7) & lowBits).nonzeroBitCount
            guard scalar + starts <= target else { break }
            scalar += starts
            byte += 8
        }
        // Then byte by byte, to the first byte of the target scalar.
        while byte < bytes.count {
            if bytes[byte] & 0xC0 != 0x80 {
                if scalar == target { return }
                scalar += 1
            }
            byte += 1
        }
    }
}
