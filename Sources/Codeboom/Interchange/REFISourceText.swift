import Foundation

/// The text a document travels as in a REFI-QDA project: its normalised text (LF line ends, NFC) after the
/// front matter, which travels as variables instead. Inline tags stay in the text, as the researcher wrote them.
///
/// Selections count Unicode scalars (code points) from the start of this text, so a Codeboom offset (which
/// counts from the start of the file, front matter included) becomes `offset - bodyStart`.
public struct REFISourceText: Sendable {
    /// The document's whole text, front matter included: the body is read from it in place.
    private let text: String
    /// The UTF-8 offset in ``text`` where the body starts.
    private let byteStart: Int
    /// The scalar offset in the document's text where ``bytes`` start (0 without front matter).
    public let bodyStart: Int

    /// The text of `document` after its front matter: the lines after a closing `---` when the first line is
    /// `---` (surrounding spaces allowed), as the parser reads front matter; the whole text otherwise.
    /// - Complexity: O(*n*) in the front matter's length.
    public init(_ document: Document) {
        var text = document.text
        (byteStart, bodyStart) = text.withUTF8 { Self.bodyStart(in: $0) }
        self.text = text
    }

    /// The UTF-8 bytes of the text after the front matter (a copy).
    public var bytes: Data { withBytes { Data($0) } }

    /// Calls `body` with the UTF-8 bytes of the text after the front matter, without copying them.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var text = self.text
        return text.withUTF8 { body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[byteStart...]))) }
    }

    /// The byte and scalar offsets just past the line of the closing fence, or (0, 0).
    static func bodyStart(in bytes: UnsafeBufferPointer<UInt8>) -> (bytes: Int, scalars: Int) {
        var lineStart = 0
        var scalars = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let isFence = Self.isFence(bytes[lineStart..<lineEnd])
            if lineNumber == 0 && !isFence { return (0, 0) }
            // Scalars of the line and its line feed: every byte that does not continue a scalar.
            for index in lineStart..<min(lineEnd + 1, bytes.count) where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            if lineNumber > 0 && isFence { return (min(lineEnd + 1, bytes.count), scalars) }
            lineNumber += 1
            lineStart = lineEnd + 1
        }
        // Never closed: the parser reads no front matter then, and neither does this.
        return (0, 0)
    }

    private static func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var trimmed = line[...]
        while let first = trimmed.first, first == 0x20 || first == 0x09 { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("---".utf8)
    }
}
