import Foundation

/// Splits normalised text into front matter and segments (speaker turns, or paragraphs).
public enum DocumentParser {
    /// Front matter key listing speaker labels (comma-separated) that start turns even when used once.
    public static let speakersKey = "sprekers"

    /// Parses a document's normalised text. Speakers are left `.unattributed`; `RespondentResolver`
    /// decides who they are. `respondents` (`respondenten.csv`) and `readerSpeakers` (what the reader
    /// of a structured format settled) declare labels, which makes a document with a label used only
    /// once a document of speaker turns; a reader that decided every label has the last word.
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, file: String, defaultID: String,
                             encoding: SourceEncoding = .utf8, cueTimes: [(offset: Int, seconds: Double)] = [],
                             respondents: RespondentTable? = nil, readerSpeakers: ReaderSpeakers = ReaderSpeakers()) -> ParsedDocument {
        // A transcription tool's layout (speaker lines with times, time marks) is rewritten first; subtitles
        // come with their turns and times settled.
        if cueTimes.isEmpty, !readerSpeakers.decidesAll, let layout = TranscriptLayout.read(text) {
            var parsed = parse(layout.text, file: file, defaultID: defaultID, encoding: encoding, cueTimes: layout.cueTimes,
                               respondents: respondents, readerSpeakers: readerSpeakers, layoutTurns: layout.turns)
            parsed.layoutEdits = layout.lineEdits
            return parsed
        }
        return parse(text, file: file, defaultID: defaultID, encoding: encoding, cueTimes: cueTimes, respondents: respondents,
                     readerSpeakers: readerSpeakers, layoutTurns: nil)
    }

    /// The parse of text whose turns may have been settled by a tool's layout (`layoutTurns`, by line number).
    private static func parse(_ text: String, file: String, defaultID: String, encoding: SourceEncoding,
                              cueTimes: [(offset: Int, seconds: Double)], respondents: RespondentTable?,
                              readerSpeakers: ReaderSpeakers, layoutTurns: [Int: TranscriptLayout.Turn]?) -> ParsedDocument {
        // The parser reads the text's UTF-8 in place: native strings are contiguous already, others are made so.
        var contiguous = text
        contiguous.makeContiguousUTF8()
        func parseBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedDocument {
            parse(contiguous, bytes: bytes, file: file, defaultID: defaultID, encoding: encoding, respondents: respondents,
                  readerSpeakers: readerSpeakers, layoutTurns: layoutTurns)
        }
        // After makeContiguousUTF8 the storage is always there; a copy of the bytes is the fallback.
        var parsed = contiguous.utf8.withContiguousStorageIfAvailable(parseBytes)
            ?? Array(contiguous.utf8).withUnsafeBufferPointer(parseBytes)
        if !cueTimes.isEmpty {
            // Both in text order: one walk gives each segment the last time at or before its start.
            var next = 0
            var time: Double? = nil
            for index in parsed.document.segments.indices {
                while next < cueTimes.count, cueTimes[next].offset <= parsed.document.segments[index].start {
                    time = cueTimes[next].seconds
                    next += 1
                }
                parsed.document.segments[index].time = time
            }
        }
        return parsed
    }

    /// The parse itself, on `text`'s UTF-8 `bytes`: lines, front matter, speaker labels, segments and tags.
    private static func parse(_ text: String, bytes: UnsafeBufferPointer<UInt8>, file: String, defaultID: String,
                              encoding: SourceEncoding, respondents: RespondentTable?, readerSpeakers: ReaderSpeakers,
                              layoutTurns: [Int: TranscriptLayout.Turn]?) -> ParsedDocument {
        var diagnostics: [Diagnostic] = []
        let lines = LineTable(bytes)
        var metadata: [String: String] = [:]
        var bodyStart = 0

        if let first = lines.items.first, isFence(bytes.bytes(of: first)) {
            var closed = false
            for line in lines.items.dropFirst() {
                let lineBytes = bytes.bytes(of: line)
                if isFence(lineBytes) {
                    closed = true
                    bodyStart = line.number
                    break
                }
                if lineBytes.trimmingSpaces.isEmpty || lineBytes.first == UInt8(ascii: "#") { continue }
                if let attribute = Attribute(lineBytes.string) {
                    // English keys mean the Dutch ones; a Dutch key given as well wins.
                    let key = FrontMatterKey.meaning(of: attribute.key)
                    if key == attribute.key || metadata[key] == nil { metadata[key] = attribute.value }
                    if let typo = FrontMatterKey.typo(attribute.key, at: SourceLocation(file: file, line: line.number, column: 1)) {
                        diagnostics.append(typo)
                    }
                } else {
                    diagnostics.append(CorpusError.frontMatterLineNotKeyValue(SourceLocation(file: file, line: line.number, column: 1)))
                }
            }
            if !closed {
                diagnostics.append(CorpusError.frontMatterNotClosed(SourceLocation(file: file, line: 1, column: 1)))
                metadata = [:]
                bodyStart = 0
            }
        }

        let id = metadata["id"] ?? defaultID
        var type: DocumentType? = nil
        if let typeValue = metadata["type"] {
            type = DocumentType(attribute: typeValue)
            if type == nil {
                let typeLine = lines.items.first { bytes.bytes(of: $0).string.lowercased().hasPrefix("type:") }?.number ?? 1
                diagnostics.append(CorpusError.unknownDocumentType(SourceLocation(file: file, line: typeLine, column: 1), type: typeValue))
            }
        }

        let body = lines.items[min(bodyStart, lines.items.count)...]
        // Labels the document or the project names as speakers; compared folded, as respondenten.csv is.
        var frontMatterSpeakers = Set((metadata[speakersKey] ?? "").split(separator: ",").map { String($0).trimmingSpaces.folded })
        if let respondent = metadata["respondent"] { frontMatterSpeakers.insert(respondent.folded) }
        // Declared interviewers (`interviewer: Speaker 1`) are speakers too.
        for label in (metadata[RespondentResolver.interviewerKey] ?? "").split(separator: ",") {
            frontMatterSpeakers.insert(String(label).trimmingSpaces.folded)
        }
        let labels = layoutTurns.map { SpeakerLabels(body, layoutTurns: $0) } ?? SpeakerLabels(body, bytes: bytes, file: file, isDeclared: { label in
            readerSpeakers.labels.contains(label.folded) || frontMatterSpeakers.contains(label.folded)
                || respondents?.entry(document: id, label: label) != nil
                // A reader that decided every label (subtitles) applied the conventions already.
                || (!readerSpeakers.decidesAll && SpeakerLabel.isConventional(label))
        }, onlyDeclared: readerSpeakers.decidesAll, diagnostics: &diagnostics)
        var builder = SegmentBuilder(bytes: bytes, lines: lines.items)
        for (line, turn) in zip(body, labels.turns) {
            if let turn, labels.isAccepted(turn.label) {
                builder.finish()
                builder.begin(line: line, label: labels.label(turn.label), textOffset: turn.textOffset, textByteOffset: turn.textByteOffset)
            } else if bytes.bytes(of: line).isBlank {
                // A blank line ends a paragraph; a speaker turn runs on to the next speaker line.
                if !builder.isOpenTurn { builder.finish() }
            } else if builder.isOpen {
                builder.append(line: line)
            } else {
                builder.begin(line: line, label: nil, textOffset: 0, textByteOffset: 0)
            }
        }
        builder.finish()

        var document = Document(id: id, file: file, type: type, metadata: metadata, text: text, segments: builder.segments,
                                encoding: encoding, scalarCount: lines.scalarCount)
        document.speakersFromTool = layoutTurns != nil || readerSpeakers.decidesAll
        document.tagRanges = builder.tags.map { $0.tag.offset..<($0.tag.offset + 1 + $0.tag.length) }
        return ParsedDocument(document: document, tags: builder.tags, diagnostics: diagnostics)
    }

    /// A front matter fence: `---`, with any spaces around it.
    private static func isFence(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.trimmingSpaces.elementsEqual("---".utf8)
    }
}
