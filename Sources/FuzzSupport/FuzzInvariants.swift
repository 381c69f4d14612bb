import Codeboom

/// Promises every reader makes about what it returns, checked on each fuzz input: a broken promise
/// stops the run like a crash, so libFuzzer saves the input.
public enum FuzzInvariants {
    /// Segments are numbered 1…n in reading order, lie inside the text without overlapping, and every
    /// tag stands in one of them: the offsets that codings, counts and quotes rely on.
    public static func check(_ parsed: ParsedDocument) {
        let document = parsed.document
        let scalarCount = document.text.unicodeScalars.count
        expect(document.scalarCount == scalarCount, "scalarCount \(document.scalarCount) for a text of \(scalarCount) scalars")
        var previousEnd = 0
        for (index, segment) in document.segments.enumerated() {
            expect(segment.number == index + 1, "segment \(index + 1) is numbered \(segment.number)")
            expect(previousEnd <= segment.start && segment.start <= segment.contentStart
                   && segment.contentStart <= segment.end && segment.end <= scalarCount,
                   "segment \(segment.number) spans \(segment.start)/\(segment.contentStart)..<\(segment.end) after \(previousEnd), text \(scalarCount)")
            previousEnd = segment.end
            _ = document.text(of: segment)
        }
        for (number, tag) in parsed.tags {
            expect((1...max(1, document.segments.count)).contains(number) && !document.segments.isEmpty,
                   "tag #\(tag.path) in segment \(number) of \(document.segments.count)")
        }
        for range in document.tagRanges {
            expect(range.lowerBound >= 0 && range.upperBound <= scalarCount, "tag range \(range) outside \(scalarCount) scalars")
        }
    }

    /// Comment ranges and cue times point into the extracted text.
    public static func check(_ extracted: ExtractedText) {
        let scalarCount = extracted.text.unicodeScalars.count
        for annotation in extracted.annotations {
            expect(0 <= annotation.start && annotation.start <= annotation.end && annotation.end <= scalarCount,
                   "comment range \(annotation.start)..<\(annotation.end) outside \(scalarCount) scalars")
        }
        for cue in extracted.cueTimes {
            expect(0 <= cue.offset && cue.offset <= scalarCount, "cue at \(cue.offset) outside \(scalarCount) scalars")
        }
    }

    /// Traps with a message (also in release builds), which libFuzzer reports as a crash.
    public static func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("fuzz invariant: \(message())") }
    }
}
