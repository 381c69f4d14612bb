import Foundation

/// Reads WebVTT (.vtt) and SubRip (.srt) subtitles as a transcript: one line per speaker turn.
///
/// WebVTT is read as browsers read it (the W3C WebVTT parser): a timing line starts a new cue even
/// without a blank line before it, cue settings are no text, NOTE, STYLE and REGION blocks are
/// skipped, and cue text follows the cue text parsing rules (``WebVTTCueText``). SubRip has no
/// standard; it is read as players read it (``SubRipCueText``). Rolling captions, where each cue
/// repeats the line before, are read once (``RollingCaptions``).
///
/// Speakers come from WebVTT voice tags (`<v Anouk>`), always, and from a `Name:` prefix when such
/// labels recur in the file (or the label is an interviewer's, or a voice's): a one-off `Digo:` in a
/// film is text, with a note. Consecutive cues of the same speaker become one turn, and a cue without
/// a speaker continues the turn before it, so the result reads like a typed transcript; each turn
/// keeps the start time of its first cue.
public struct SubtitleReader: Sendable {
    /// The file's path as the researcher sees it, for the notes and warnings the reader gives.
    public var file: String

    /// Creates a reader; the format is recognised from the content (a `WEBVTT` header or not).
    public init(file: String = "") {
        self.file = file
    }

    /// Decodes the bytes as a text transcript is decoded (UTF-8, UTF-16, UTF-32, Windows-1252), then
    /// extracts the turns and their start times.
    public func read(_ data: Data) throws(DocumentReaderError) -> ExtractedText {
        let decoded: DecodedText
        do { decoded = try TextDecoder.decode(Array(data), file: file) } catch { throw .undecodable(error) }
        return try read(decoded.text)
    }

    /// Extracts the turns and their start times from subtitle text.
    public func read(_ source: String) throws(DocumentReaderError) -> ExtractedText {
        var diagnostics: [Diagnostic] = []
        return try read(source, diagnostics: &diagnostics)
    }

    /// Extracts the turns and their start times from subtitle text; notes and warnings about what was
    /// read as text or left out are added to `diagnostics`.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public func read(_ source: String, diagnostics: inout [Diagnostic]) throws(DocumentReaderError) -> ExtractedText {
        var text = source
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if text.utf8.contains(0x0D) { text = TextDecoder.normalise(text) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let format: SubtitleFormat = lines.first.map(Self.isWebVTTSignature) == true ? .webVTT : .subRip

        let cues = try SubtitleBlocks.cues(in: lines, format: format, file: file, diagnostics: &diagnostics)
        var shown = cues.map { cue in
            let textLines = format == .webVTT
                ? WebVTTCueText.lines(lines[cue.textLines].joined(separator: "\n")[...])
                : SubRipCueText.lines(Array(lines[cue.textLines]))
            return textLines.compactMap { line -> ShownLine? in
                // Time marks and pause notes a tool wrote into the cue text (noScribe's `(2 seconds pause)`) are no words.
                var ignored: Double? = nil
                let text = Self.collapsingWhiteSpace(TranscriptLayout.cleaned(line.text, f4Time: &ignored))
                guard !text.isEmpty else { return nil }
                return ShownLine(number: cue.textLines.lowerBound + line.lineOffset + 1,
                                 voice: line.voice.map { TextAssembler.nfc(Self.speaker(ofVoice: $0)) }, text: text)
            }
        }
        let repeated = RollingCaptions.repeatedLineCounts(shown)
        if let first = repeated.firstIndex(where: { $0 > 0 }) {
            diagnostics.append(CorpusError.rollingCaptions(SourceLocation(file: file, line: shown[first][0].number, column: 1)))
            for index in shown.indices { shown[index].removeFirst(repeated[index]) }
        }

        let labels = SpeakerPrefixes(shown, lines: lines, format: format, file: file, diagnostics: &diagnostics)
        var turns: [Turn] = []
        for (cue, cueLines) in zip(cues, shown) {
            for line in cueLines {
                let (speaker, text) = labels.speakerAndText(line)
                Self.add(speaker: speaker, text: text, seconds: cue.seconds, to: &turns)
            }
        }

        var assembler = TextAssembler()
        for (index, turn) in turns.enumerated() {
            let body = turn.parts.joined(separator: " ")
            let line = turn.speaker.map { "\($0): \(body)" } ?? body
            assembler.append(line: [.mark(.turn(index)), .plain(line)])
        }
        let assembled = assembler.assemble()
        let cueTimes = turns.indices.compactMap { index in
            assembled.positions[.turn(index)].map { CueTime(offset: $0.offset, seconds: turns[index].seconds) }
        }
        // The reader has decided who speaks (voices, recurring labels); the text parser keeps to it.
        return ExtractedText(text: assembled.text, cueTimes: cueTimes,
                             speakers: ReaderSpeakers(labels: Set(turns.compactMap { $0.speaker?.folded }), decidesAll: true))
    }

    // MARK: - Lines and turns

    /// A shown line of a cue: where it stands in the file, its voice, and its text with white space collapsed.
    struct ShownLine: Equatable {
        var number: Int
        var voice: String?
        var text: String

        static func == (lhs: ShownLine, rhs: ShownLine) -> Bool {
            // Rolling captions repeat what is shown; where it stood does not matter.
            lhs.voice == rhs.voice && lhs.text == rhs.text
        }
    }

    private struct Turn {
        var speaker: String?
        var parts: [String]
        var seconds: Double
    }

    /// The speaker a voice names: noScribe marks overlapping speech as the voice `//S02`, which is speaker `S02`.
    static func speaker(ofVoice voice: String) -> String {
        guard voice.hasPrefix("//") else { return voice }
        let name = voice.drop(while: { $0 == "/" || $0 == " " })
        return name.isEmpty ? voice : String(name)
    }

    /// `WEBVTT`, alone or followed by a space or tab and a description.
    private static func isWebVTTSignature(_ line: Substring) -> Bool {
        guard line.hasPrefix("WEBVTT") else { return false }
        let rest = line.dropFirst(6)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }

    /// A line with a speaker starts a turn unless the speaker is the current one; a line without
    /// continues the current turn.
    private static func add(speaker: String?, text: String, seconds: Double, to turns: inout [Turn]) {
        if let speaker, turns.isEmpty || turns.last?.speaker != speaker {
            turns.append(Turn(speaker: speaker, parts: text.isEmpty ? [] : [text], seconds: seconds))
        } else if turns.isEmpty {
            turns.append(Turn(speaker: nil, parts: [text], seconds: seconds))
        } else if !text.isEmpty {
            turns[turns.count - 1].parts.append(text)
        }
    }

    /// Runs of spaces, tabs and form feeds become one space; none at either end.
    static func collapsingWhiteSpace(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }).joined(separator: " ")
    }
}

/// The two subtitle formats; WebVTT is recognised by its `WEBVTT` signature.
enum SubtitleFormat {
    case webVTT
    case subRip
}

/// A cue found in the file: its start time and which lines (0-based) hold its text.
struct SubtitleCue: Equatable {
    var seconds: Double
    var textLines: Range<Int>
}

/// Splits a subtitle file into cues, as the W3C "collect a WebVTT block" steps do for WebVTT.
enum SubtitleBlocks {
    /// The cues in file order.
    ///
    /// A block's first line, or its second after an identifier, is its timing line; any later line with
    /// `-->` ends the block and starts the next (YouTube writes cues without blank lines between them).
    /// In SubRip, a number just before such a line is the next cue's index. A WebVTT block without a
    /// timing line is a NOTE, STYLE or REGION block (skipped) or text browsers do not show (left out,
    /// with a warning); in SubRip it is an error, as is a timing line that cannot be read.
    static func cues(in lines: [Substring], format: SubtitleFormat, file: String,
                     diagnostics: inout [Diagnostic]) throws(DocumentReaderError) -> [SubtitleCue] {
        var index = 0
        if format == .webVTT {
            // The signature line, then the header up to a blank line; a timing line ends it early.
            index = 1
            while index < lines.count, !lines[index].isEmpty, !hasArrow(lines[index]) { index += 1 }
        }
        // Blank lines, and lines of only spaces (Netflix writes these between blocks), separate blocks.
        func skipBlankLines() {
            while index < lines.count, lines[index].allSatisfy(\.isWhitespace) { index += 1 }
        }
        var cues: [SubtitleCue] = []
        skipBlankLines()
        while index < lines.count {
            let blockStart = index
            var cue: SubtitleCue? = nil
            var textStart = index
            var lineCount = 0
            while index < lines.count {
                let line = lines[index]
                lineCount += 1
                if hasArrow(line) {
                    if lineCount == 1 || (lineCount == 2 && cue == nil) {
                        cue = SubtitleCue(seconds: try startSeconds(line, number: index + 1), textLines: (index + 1)..<(index + 1))
                        index += 1
                        textStart = index
                        continue
                    }
                    if format == .subRip, cue != nil, index - 1 >= textStart, isIndex(lines[index - 1]) { index -= 1 }
                    break
                }
                let endsBlock = format == .webVTT ? line.isEmpty : line.allSatisfy(\.isWhitespace)
                if endsBlock { break }
                index += 1
            }
            if var cue {
                cue.textLines = textStart..<index
                cues.append(cue)
            } else {
                try leaveOut(lines[blockStart..<index], from: blockStart, format: format, file: file, diagnostics: &diagnostics)
            }
            skipBlankLines()
        }
        return cues
    }

    /// A block without a timing line.
    private static func leaveOut(_ block: ArraySlice<Substring>, from start: Int, format: SubtitleFormat, file: String,
                                 diagnostics: inout [Diagnostic]) throws(DocumentReaderError) {
        guard let first = block.first, !block.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) else { return }
        guard format == .webVTT else { throw .missingCueTiming(line: start + 1) }
        if isMetadataBlock(first) { return }
        diagnostics.append(CorpusError.blockWithoutTiming(SourceLocation(file: file, line: start + 1, column: 1)))
    }

    /// NOTE (a comment), STYLE and REGION blocks carry no cue text.
    private static func isMetadataBlock(_ line: Substring) -> Bool {
        for keyword in ["NOTE", "STYLE", "REGION"] where line.hasPrefix(keyword) {
            let rest = line.dropFirst(keyword.count)
            if rest.isEmpty || rest.first == " " || rest.first == "\t" { return true }
        }
        return false
    }

    /// Whether the line holds `-->`, which makes it a timing line in WebVTT's block rules.
    static func hasArrow(_ line: Substring) -> Bool {
        var dashes = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: ">"), dashes >= 2 { return true }
            dashes = byte == UInt8(ascii: "-") ? dashes + 1 : 0
        }
        return false
    }

    /// A SubRip cue index: digits only.
    private static func isIndex(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && trimmed.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The cue's start time from its timing line, as WebVTT's "collect WebVTT cue timings and settings"
    /// reads it: start, `-->`, end, then settings (`align:start position:0%`), which are no text.
    static func startSeconds(_ line: Substring, number: Int) throws(DocumentReaderError) -> Double {
        let scalars = Array(line.unicodeScalars)
        func skipWhiteSpace(_ index: inout Int) {
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\u{0C}" { index += 1 }
        }
        func token(from start: Int, to end: Int) -> String {
            String(String.UnicodeScalarView(scalars[start..<end])).trimmingCharacters(in: .whitespaces)
        }
        var index = 0
        skipWhiteSpace(&index)
        let startColumn = index
        let arrow = (0..<max(0, scalars.count - 2)).first { scalars[$0] == "-" && scalars[$0 + 1] == "-" && scalars[$0 + 2] == ">" } ?? scalars.count
        guard let (start, afterStart) = SubtitleTimestamp.scan(scalars, from: index) else {
            throw .invalidTimestamp(line: number, column: startColumn + 1, text: token(from: startColumn, to: arrow))
        }
        index = afterStart
        skipWhiteSpace(&index)
        guard index == arrow else {
            throw .invalidTimestamp(line: number, column: startColumn + 1, text: token(from: startColumn, to: arrow))
        }
        index += 3
        skipWhiteSpace(&index)
        let endColumn = index
        guard SubtitleTimestamp.scan(scalars, from: index) != nil else {
            let tokenEnd = scalars[index...].firstIndex(where: { $0.properties.isWhitespace }) ?? scalars.count
            throw .invalidTimestamp(line: number, column: endColumn + 1, text: token(from: endColumn, to: tokenEnd))
        }
        return start
    }
}

/// The `Name:` prefixes of a subtitle file's lines, and which of them are speakers.
///
/// As in a text transcript, a file is read in turns only when its labels recur: a label used on two
/// lines or more, an interviewer's label (`I:`, `Interviewer:` …) or a label that is also a voice's
/// name make every label a speaker. Otherwise a one-off label ("Digo:" in a film) is text, with a note.
struct SpeakerPrefixes {
    /// Per shown line (cue by cue), the label its text opens with, if any.
    private var prefixes: [Int: (label: String, rest: String)] = [:]
    private let isTurnMode: Bool

    init(_ cues: [[SubtitleReader.ShownLine]], lines: [Substring], format: SubtitleFormat, file: String, diagnostics: inout [Diagnostic]) {
        var counts: [String: Int] = [:]
        var voices = Set<String>()
        var found: [(line: SubtitleReader.ShownLine, label: String)] = []
        for cue in cues {
            for (position, line) in cue.enumerated() {
            if let voice = line.voice {
                voices.insert(voice)
            } else if position == 0 || Self.opensWithDialogueDash(line.text), let prefix = Self.labelPrefix(line.text) {
                // A label stands at the start of a cue (or of a dialogue line); on a wrapped line it is text.
                prefixes[line.number] = prefix
                counts[prefix.label, default: 0] += 1
                found.append((line, prefix.label))
            }
            }
        }
        isTurnMode = counts.contains { label, count in count >= 2 || SpeakerLabel.isInterviewer(label) || voices.contains(label) }
        guard !isTurnMode else { return }
        for (line, label) in found {
            let raw = String(lines[line.number - 1])
            let column = raw.range(of: label).map { raw.unicodeScalars.distance(from: raw.startIndex, to: $0.lowerBound) + 1 } ?? 1
            diagnostics.append(CorpusError.subtitleLabelReadAsText(SourceLocation(file: file, line: line.number, column: column),
                                                                 label: label, isWebVTT: format == .webVTT))
        }
    }

    /// The line's speaker (its voice, or its label when labels are speakers) and its text.
    func speakerAndText(_ line: SubtitleReader.ShownLine) -> (speaker: String?, text: String) {
        if let voice = line.voice { return (voice, line.text) }
        if isTurnMode, let prefix = prefixes[line.number] { return (TextAssembler.nfc(prefix.label), prefix.rest) }
        return (nil, line.text)
    }

    /// Whether a line opens with a dialogue dash (`- `, `– `), as a second speaker's line in one cue does.
    static func opensWithDialogueDash(_ text: String) -> Bool {
        guard let first = text.first, first == "-" || first == "–" else { return false }
        return text.dropFirst().first == " "
    }

    /// `Name: text`, also after a dialogue dash, with a label as a text transcript's (``SpeakerLabel``);
    /// WhisperX's `[SPEAKER_00]: text` too.
    static func labelPrefix(_ text: String) -> (label: String, rest: String)? {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(": ") {
            let label = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(close, offsetBy: 2)...].drop(while: { $0 == " " })
            if !rest.isEmpty, let (parsed, _) = SpeakerLabel.parse(label + ": x"), parsed == label {
                return (String(label), String(rest))
            }
        }
        var candidate = Substring(text)
        if let first = candidate.first, first == "-" || first == "–", candidate.dropFirst().first == " " {
            candidate = candidate.dropFirst(2)
        }
        // A subtitle's speaker label stands before what is said; a line ending in a colon leads into the next.
        guard let (label, textOffset) = SpeakerLabel.parse(candidate), textOffset < candidate.unicodeScalars.count else { return nil }
        let rest = String(String.UnicodeScalarView(candidate.unicodeScalars.dropFirst(textOffset)))
        return (label, rest)
    }
}
