import Foundation

/// The layouts transcription tools write, recognised in plain text (a .txt, or the paragraphs of a
/// .docx/.odt), and the text rewritten so the parser reads each tool's speaker turns.
///
/// - A speaker line with the time before, after or in brackets, then the words on the lines after it:
///   Word Transcribe `00:00:05 Speaker 1`, Otter and Teams `Name  0:05`, Zoom `[Name] 11:02:09`,
///   Happy Scribe `[00:00:02.410] - Name`, Rev `Speaker 1 (00:12):`, Amberscript `Speaker 1 [00:00:05]`,
///   tstbtc `Speaker 0: 00:00:02`.
/// - The time and the label on the line of the words: `[00:00:05] Interviewer: …`,
///   `Interviewer [00:00:05]: …`, noScribe `S01: [00:00:12] …`.
/// - The label in brackets on the line of the words, without a time: WhisperX's `.txt`, `[SPEAKER_00]: …`.
/// - Google Meet: `Name: words` per utterance, bare `00:05:00` time lines, a title and a closing disclaimer.
/// - f4/f5transkript: a time mark `#00:01:23-4#` at the end of a paragraph.
///
/// The rewrite keeps every line where it was (line numbers in messages stay the file's): a speaker
/// line becomes `Label:` or `Label: words`, time marks, tool boilerplate and the lines before the
/// first speaker line are left out, and a speaker line of the speaker already talking continues the
/// turn. Each turn keeps its time; no time is left in the words.
///
/// A text in none of these layouts (a typed `V1: …` transcript) is not rewritten: only its first
/// lines are looked at.
struct TranscriptLayout {
    /// Which tool's way of writing a speaker line was recognised.
    enum Kind: Int, CaseIterable {
        /// `Name  0:05`, `[Name] 11:02:09`, `Speaker 1 (00:12):`, `Name [00:00:05]`, `Name: 00:00:02` alone on a line.
        case speakerThenTime
        /// `00:00:05 Speaker 1`, `[00:00:02.410] - Name` alone on a line.
        case timeThenSpeaker
        /// `[00:00:05] Interviewer: words`.
        case timeSpeakerWords
        /// `Interviewer [00:00:05]: words`.
        case speakerTimeWords
        /// `S01: [00:00:12] words` (noScribe).
        case speakerWordsWithTime
        /// `Name: words` per utterance, with bare time lines (Google Meet).
        case meet
        /// `[SPEAKER_00]: words`, a line per segment without times (WhisperX's `.txt`).
        case bracketedSpeakerWords
    }

    /// A body line that starts a turn: the label as written and where its words start.
    struct Turn: Equatable {
        var label: String
        /// Scalars (and bytes) from the line's start to the words: the length of `Label: `.
        var textOffset: Int
        var textByteOffset: Int
    }

    /// The text as the parser reads it, with the turns and their times.
    struct Reading {
        var text: String
        /// The start time of each turn (or f4/f5 paragraph), at the offset of its first line.
        var cueTimes: [(offset: Int, seconds: Double)]
        /// By 1-based line number, the lines that start turns; nil when the labels are the typed
        /// `Label: words` the parser finds itself (f4/f5).
        var turns: [Int: Turn]?
        /// Per line of the text, how many scalars the rewrite removed from its start, and its
        /// length before and after, to move comment anchors along.
        var lineEdits: [LineEdit]
    }

    /// How one line changed: its start before and after, and the scalars removed before its words.
    struct LineEdit {
        var oldStart: Int
        var newStart: Int
        var newLength: Int
        var removedPrefix: Int
    }

    /// How many non-blank lines of the body are looked at to recognise a layout: tools write a speaker
    /// line every two or three lines, after a preamble of at most a handful.
    static let lookahead = 24

    /// The rewritten text, or nil when the text is in no tool's layout.
    /// - Complexity: O(n) in the length of the text; O(1) lines for a typed transcript.
    static func read(_ text: String) -> Reading? {
        var text = text
        text.makeContiguousUTF8()
        // Only the first lines are looked at, on the bytes, without splitting the text: a typed
        // transcript costs next to nothing.
        // After makeContiguousUTF8 the storage is always there; a copy of the bytes is the fallback.
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in recognise(bytes, in: text) }
            ?? Array(text.utf8).withUnsafeBufferPointer { bytes in recognise(bytes, in: text) }
        guard let (kind, bodyStart) = found else { return nil }
        return rewrite(text.split(separator: "\n", omittingEmptySubsequences: false), bodyStart: bodyStart, kind: kind)
    }

    /// What was recognised: a speaker-line layout, and whether f4/f5 time marks stand in the text.
    private struct Recognised {
        var kind: Kind?
        var hasTimeMarks: Bool
    }

    /// The layout of the first lines of the body (after any front matter), and the body's first line (0-based).
    private static func recognise(_ bytes: UnsafeBufferPointer<UInt8>, in text: String) -> (Recognised, Int)? {
        guard let base = bytes.baseAddress else { return nil }
        var next = 0
        // The next line's byte range, without its line feed and the spaces around it.
        func nextLine() -> Range<Int>? {
            guard next < bytes.count else { return nil }
            let found = memchr(base + next, 0x0A, bytes.count - next)
            let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            var start = next, stop = end
            next = end + 1
            while start < stop, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0D { start += 1 }
            while stop > start, bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 || bytes[stop - 1] == 0x0D { stop -= 1 }
            return start..<stop
        }
        func isFence(_ range: Range<Int>) -> Bool { range.count == 3 && bytes[range.lowerBound] == 0x2D && bytes[range.lowerBound + 1] == 0x2D && bytes[range.lowerBound + 2] == 0x2D }
        var bodyStart = 0
        if let first = nextLine(), isFence(first) {
            var number = 1
            while let line = nextLine() {
                number += 1
                if isFence(line) { bodyStart = number; break }
            }
            if bodyStart == 0 { next = 0 }
        } else {
            next = 0
        }
        let utf8 = text.utf8
        func substring(_ range: Range<Int>) -> Substring {
            text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }

        // Allocated at the first speaker line only: a typed transcript allocates nothing here.
        var counts: [Int] = []
        // Lines that open with a typed `Label: words`: a typed transcript with a `Start: 10:00` line or two is no tool's layout.
        var looked = 0, timeLines = 0, nameLines = 0, typedLabels = 0
        var hasTimeMarks = false, hasMeetDisclaimer = false
        let bodyByte = next
        while let range = nextLine() {
            if range.isEmpty { continue }
            looked += 1
            if looked > lookahead { break }
            let line = UnsafeBufferPointer(rebasing: bytes[range])
            // Most lines of a typed transcript hold no `d:dd` at all: one byte scan rejects them.
            guard mayHoldTime(line) else {
                if line.first == 0x5B, let header = SpeakerLine.parse(substring(range)), header.kind == .bracketedSpeakerWords {
                    if counts.isEmpty { counts = [Int](repeating: 0, count: Kind.allCases.count) }
                    counts[header.kind.rawValue] += 1
                    continue
                }
                if isMeetDisclaimer(line) { hasMeetDisclaimer = true }
                if nameColon(line) != nil { typedLabels += 1 }
                continue
            }
            let trimmed = substring(range)
            if !hasTimeMarks, F4TimeMark.first(in: trimmed) != nil { hasTimeMarks = true }
            if TimeText.seconds(trimmed) != nil { timeLines += 1; continue }
            if let header = SpeakerLine.parse(trimmed) {
                if counts.isEmpty { counts = [Int](repeating: 0, count: Kind.allCases.count) }
                counts[header.kind.rawValue] += 1
            } else if meetLabel(trimmed) != nil {
                nameLines += 1
                typedLabels += 1
            }
        }
        // Whether lines are Meet's `Name: words` matters only once one of Meet's signs was seen:
        // then the same lines are looked at again for names.
        if hasMeetDisclaimer || timeLines >= 1 {
            next = bodyByte
            looked = 0
            while let range = nextLine(), looked < lookahead {
                if range.isEmpty { continue }
                looked += 1
                let line = UnsafeBufferPointer(rebasing: bytes[range])
                if !mayHoldTime(line), let colon = nameColon(line), SpeakerLine.isName(substring(range.lowerBound..<(range.lowerBound + colon))) {
                    nameLines += 1
                }
            }
        }
        var best: Kind? = nil
        if !counts.isEmpty {
            for kind in Kind.allCases where kind != .meet && counts[kind.rawValue] >= 2 && counts[kind.rawValue] > typedLabels {
                if counts[kind.rawValue] > best.map({ counts[$0.rawValue] }) ?? 0 { best = kind }
            }
        }
        if best == nil, nameLines >= 2, hasMeetDisclaimer || timeLines >= 1 { best = .meet }
        guard best != nil || hasTimeMarks else { return nil }
        return (Recognised(kind: best, hasTimeMarks: hasTimeMarks), bodyStart)
    }

    /// Whether a digit, a colon and a digit stand near the line's start or end, where tools write times.
    private static func mayHoldTime(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress else { return false }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        // Colons are few: each is found with memchr and its neighbours looked at.
        func scan(_ range: Range<Int>) -> Bool {
            var from = range.lowerBound + 1
            while from < range.upperBound - 1, let found = memchr(base + from, 0x3A, range.upperBound - 1 - from) {
                let colon = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if isDigit(line[colon - 1]), isDigit(line[colon + 1]) { return true }
                from = colon + 1
            }
            return false
        }
        if line.count <= 160 { return scan(0..<line.count) }
        return scan(0..<100) || scan((line.count - 40)..<line.count)
    }

    /// Where a `Name:` line's colon stands (followed by a space or the line's end), in its first bytes.
    private static func nameColon(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = line.baseAddress, let found = memchr(base, 0x3A, min(line.count, 64 * 4)) else { return nil }
        let colon = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        guard colon >= 1, colon + 1 == line.count || line[colon + 1] == 0x20 else { return nil }
        return colon
    }

    /// Meet's closing disclaimer (in Markdown, behind `#### _`), on the line's bytes.
    private static func isMeetDisclaimer(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < line.count, line[start] == 0x23 || line[start] == 0x5F || line[start] == 0x20 || line[start] == 0x2A { start += 1 }
        let phrase = "This editable transcript was computer generated".utf8
        guard start < line.count, line[start] == 0x54, line.count - start >= phrase.count else { return false }
        return zip(line[start...], phrase).allSatisfy { $0 == $1 }
    }

    // MARK: - Rewriting

    private static func rewrite(_ lines: [Substring], bodyStart: Int, kind recognised: Recognised) -> Reading {
        var output = ""
        output.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        var cueTimes: [(offset: Int, seconds: Double)] = []
        var turns: [Int: Turn]? = recognised.kind == nil ? nil : [:]
        var edits: [LineEdit] = []
        edits.reserveCapacity(lines.count)
        var oldOffset = 0, newOffset = 0
        var currentLabel: String? = nil
        var seenTurn = false
        var paragraphStart: Int? = nil

        for (index, line) in lines.enumerated() {
            let oldLength = line.unicodeScalars.count
            var newLine: String
            var removedPrefix = 0
            if index < bodyStart {
                newLine = String(line)
            } else {
                let trimmed = line.trimmedSpaces
                var header: SpeakerLine? = nil
                let isToolText = recognised.kind != nil && isBoilerplate(trimmed)
                if let kind = recognised.kind, !isToolText {
                    if kind == .meet {
                        header = meetLabel(trimmed).map { SpeakerLine(kind: .meet, label: $0.label, seconds: nil, words: $0.words) }
                    } else if let parsed = SpeakerLine.parse(trimmed), parsed.kind == kind {
                        header = parsed
                    }
                }
                if let header {
                    let words = cleaned(header.words ?? "")
                    if header.label == currentLabel {
                        // The speaker already talking: the words continue the turn.
                        newLine = words
                    } else {
                        currentLabel = header.label
                        seenTurn = true
                        let prefix = header.label + ":" + (words.isEmpty ? "" : " ")
                        newLine = prefix + words
                        turns?[index + 1] = Turn(label: header.label, textOffset: prefix.unicodeScalars.count,
                                                 textByteOffset: prefix.utf8.count)
                        if let seconds = header.seconds { cueTimes.append((newOffset, seconds)) }
                    }
                    removedPrefix = max(0, oldLength - newLine.unicodeScalars.count)
                } else if isToolText || (recognised.kind != nil && recognised.kind != .bracketedSpeakerWords && !seenTurn) {
                    // Tool boilerplate, and what stands before the first speaker line (a title, the audio file), is no turn.
                    // WhisperX writes no title: a line before its first speaker line is a segment it gave no speaker.
                    newLine = ""
                } else {
                    var seconds: Double? = nil
                    newLine = cleaned(line, f4Time: &seconds)
                    if recognised.kind == nil {
                        // f4/f5: the paragraph's time mark is its time.
                        if newLine.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { paragraphStart = nil } else if paragraphStart == nil { paragraphStart = newOffset }
                        if let seconds, let start = paragraphStart { cueTimes.append((start, seconds)) }
                    }
                }
            }
            let newLength = newLine.unicodeScalars.count
            edits.append(LineEdit(oldStart: oldOffset, newStart: newOffset, newLength: newLength, removedPrefix: removedPrefix))
            output += newLine
            oldOffset += oldLength + 1
            newOffset += newLength + 1
            if index < lines.count - 1 { output += "\n" }
        }
        cueTimes.sort { $0.offset < $1.offset }
        return Reading(text: output, cueTimes: cueTimes, turns: turns, lineEdits: edits)
    }

    /// A line's words without the times and pause notes tools write inside a turn.
    private static func cleaned<S: StringProtocol>(_ line: S) -> String {
        var ignored: Double? = nil
        return cleaned(line, f4Time: &ignored)
    }

    /// A line without inline `[00:05:49]` marks, `(12 seconds pause)` notes and f4/f5 `#00:01:23-4#`
    /// marks (the last one's time in `f4Time`), and without the spaces they leave.
    static func cleaned<S: StringProtocol>(_ line: S, f4Time: inout Double?) -> String {
        let text = String(line)
        guard text.utf8.contains(where: { $0 == 0x5B || $0 == 0x28 || $0 == 0x23 }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            var end: Int? = nil
            if scalar == "[", let close = scalars[index...].prefix(16).firstIndex(of: "]"),
               TimeText.seconds(String(String.UnicodeScalarView(scalars[(index + 1)..<close]))) != nil {
                end = close + 1
            } else if scalar == "(", let close = scalars[index...].prefix(40).firstIndex(of: ")"),
                      isPauseNote(String(String.UnicodeScalarView(scalars[(index + 1)..<close]))) {
                end = close + 1
            } else if scalar == "#", let mark = F4TimeMark.parse(scalars, at: index) {
                f4Time = mark.seconds
                end = mark.end
            }
            if let end {
                // The mark goes with one space around it, so words keep one space between them.
                while let last = result.last, last == " " || last == "\t" { result.removeLast() }
                index = end
                if result.isEmpty { while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 } }
                else if index < scalars.count, scalars[index] != " ", scalars[index] != "\t", !isClosingPunctuation(scalars[index]) {
                    result.append(" ")
                }
                continue
            }
            result.append(scalar)
            index += 1
        }
        return String(result)
    }

    private static func isClosingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        ".,;:!?)".unicodeScalars.contains(scalar)
    }

    /// noScribe's `12 seconds pause` (and `1 second pause`, `12 Sekunden Pause`).
    private static func isPauseNote(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count == 3, words[0].allSatisfy(\.isNumber) else { return false }
        let unit = words[1].lowercased(), pause = words[2].lowercased()
        return ["second", "seconds", "sekunde", "sekunden", "seconde", "seconden"].contains(unit) && ["pause", "pauze"].contains(pause)
    }

    /// Lines tools write around a transcript that nobody said: Otter's footer, Meet's time lines,
    /// end line and disclaimer, Markdown chapter headings.
    private static func isBoilerplate(_ line: Substring) -> Bool {
        if line.isEmpty { return false }
        if line.hasPrefix("Transcribed by ") && line.contains("otter.ai") { return true }
        if TimeText.seconds(line) != nil { return true }
        if line.hasPrefix("Meeting ended after ") { return true }
        if isMeetDisclaimer(line) { return true }
        // `## Chapter` (a `#` then `#` or a space): a heading, not an inline tag.
        if line.hasPrefix("#"), let second = line.dropFirst().first, second == "#" || second == " " { return true }
        return false
    }

    /// Meet's closing disclaimer (in Markdown, behind `#### _`); only the line's start is compared.
    private static func isMeetDisclaimer(_ line: Substring) -> Bool {
        line.drop(while: { $0 == "#" || $0 == "_" || $0 == " " || $0 == "*" }).hasPrefix("This editable transcript was computer generated")
    }

    /// `Name: words` as Google Meet writes each utterance.
    private static func meetLabel(_ line: Substring) -> (label: String, words: String)? {
        // A name has at most 60 characters: the colon is looked for in the first bytes only.
        guard let colon = line.utf8.prefix(64 * 4).firstIndex(of: 0x3A) else { return nil }
        let name = line[..<colon]
        let after = line[line.index(after: colon)...]
        guard after.isEmpty || after.first == " ", SpeakerLine.isName(name) else { return nil }
        return (String(name), String(after.trimmedSpaces))
    }
}

/// A speaker line of a tool's layout: its label, its time and, on the same line, its words.
struct SpeakerLine {
    var kind: TranscriptLayout.Kind
    var label: String
    var seconds: Double?
    var words: String?

    /// Reads a trimmed line as one of the speaker-line layouts.
    static func parse(_ line: Substring) -> SpeakerLine? {
        guard let first = line.first else { return nil }
        if first == "[" || first == "(" || first.isNumber {
            if let (seconds, rest) = leadingTime(line) {
                var rest = rest.trimmedSpaces
                if let dash = rest.first, dash == "-" || dash == "–" || dash == "—" { rest = rest.dropFirst().trimmedSpaces }
                if let colon = rest.firstIndex(of: ":"), isName(rest[..<colon]) {
                    let words = rest[rest.index(after: colon)...].trimmedSpaces
                    return SpeakerLine(kind: words.isEmpty ? .timeThenSpeaker : .timeSpeakerWords,
                                       label: String(rest[..<colon]), seconds: seconds, words: words.isEmpty ? nil : String(words))
                }
                return isName(rest) ? SpeakerLine(kind: .timeThenSpeaker, label: String(rest), seconds: seconds, words: nil) : nil
            }
            // Zoom's saved transcript: `[Name] 11:02:09`.
            if first == "[", let close = line.firstIndex(of: "]") {
                let name = line[line.index(after: line.startIndex)..<close]
                if isName(name), let seconds = TimeText.seconds(line[line.index(after: close)...].trimmedSpaces) {
                    return SpeakerLine(kind: .speakerThenTime, label: String(name), seconds: seconds, words: nil)
                }
            }
            // WhisperX's `.txt`: `[SPEAKER_00]: words`.
            if first == "[", let close = line.firstIndex(of: "]") {
                let name = line[line.index(after: line.startIndex)..<close]
                let rest = line[line.index(after: close)...]
                if isName(name), rest.first == ":" {
                    let words = rest.dropFirst().trimmedSpaces
                    return SpeakerLine(kind: .bracketedSpeakerWords, label: String(name), seconds: nil,
                                       words: words.isEmpty ? nil : String(words))
                }
            }
            if !first.isNumber { return nil }
        }
        // `Name [00:00:05]: words`, `Speaker 1 (00:12):`, `Name [00:00:05]`.
        if let open = line.firstIndex(where: { $0 == "[" || $0 == "(" }) {
            let closer: Character = line[open] == "[" ? "]" : ")"
            if let close = line[open...].firstIndex(of: closer),
               let seconds = TimeText.seconds(line[line.index(after: open)..<close]) {
                let name = line[..<open].trimmedSpaces
                var rest = line[line.index(after: close)...].trimmedSpaces
                let hadColon = rest.first == ":"
                if hadColon { rest = rest.dropFirst().trimmedSpaces }
                if isName(name), hadColon || rest.isEmpty {
                    return SpeakerLine(kind: rest.isEmpty ? .speakerThenTime : .speakerTimeWords, label: String(name),
                                       seconds: seconds, words: rest.isEmpty ? nil : String(rest))
                }
            }
        }
        // `S01: [00:00:12] words` (noScribe), `Speaker 0: 00:00:02` (tstbtc).
        if let colon = line.firstIndex(of: ":"), isName(line[..<colon]) {
            let name = line[..<colon]
            let rest = line[line.index(after: colon)...].trimmedSpaces
            if rest.first == "[", let close = rest.firstIndex(of: "]"),
               let seconds = TimeText.seconds(rest[rest.index(after: rest.startIndex)..<close]) {
                let words = rest[rest.index(after: close)...].trimmedSpaces
                return SpeakerLine(kind: .speakerWordsWithTime, label: String(name), seconds: seconds,
                                   words: words.isEmpty ? nil : String(words))
            }
            if let seconds = TimeText.seconds(rest) {
                return SpeakerLine(kind: .speakerThenTime, label: String(name), seconds: seconds, words: nil)
            }
        }
        // `Name  0:05` (Otter, Teams): the last word is a time, and nothing else follows.
        if let space = line.lastIndex(where: { $0 == " " || $0 == "\t" }),
           let seconds = TimeText.seconds(line[line.index(after: space)...]) {
            let name = line[..<space].trimmedSpaces
            guard isName(name) else { return nil }
            return SpeakerLine(kind: .speakerThenTime, label: String(name), seconds: seconds, words: nil)
        }
        return nil
    }

    /// A time at the line's start, bare or in brackets, and what follows it.
    private static func leadingTime(_ line: Substring) -> (Double, Substring)? {
        guard let first = line.first else { return nil }
        if first == "[" || first == "(" {
            let closer: Character = first == "[" ? "]" : ")"
            guard let close = line.prefix(20).firstIndex(of: closer),
                  let seconds = TimeText.seconds(line[line.index(after: line.startIndex)..<close]) else { return nil }
            return (seconds, line[line.index(after: close)...])
        }
        let end = line.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? line.endIndex
        guard let seconds = TimeText.seconds(line[..<end]) else { return nil }
        return (seconds, line[end...])
    }

    /// A speaker's name as tools write it: 1–60 characters, at most six words, starting with a letter
    /// or digit, of letters, digits, spaces and `.-'’()/&_@`, with balanced brackets; not a sentence.
    static func isName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
              first.properties.isAlphabetic || first.properties.numericType != nil,
              !".!?,".unicodeScalars.contains(last) else { return false }
        var count = 0, words = 1, depth = 0, letters = 0
        var previousWasSpace = false
        for scalar in name.unicodeScalars {
            count += 1
            if count > 60 { return false }
            if scalar == " " {
                if previousWasSpace { return false }
                words += 1
                if words > 6 { return false }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if scalar.properties.isAlphabetic { letters += 1; continue }
            if scalar.properties.numericType != nil { continue }
            switch scalar {
            case "(": depth += 1
            case ")": depth -= 1; if depth < 0 { return false }
            case ".", "-", "'", "’", "/", "&", "_", "@": break
            default: return false
            }
        }
        return depth == 0 && letters > 0
    }
}

/// A time as transcription tools write it: `0:05`, `55:21`, `1:02:03`, `00:00:02.410`, `00:00:02,410`.
enum TimeText {
    /// Seconds, or nil when the whole text is not such a time.
    static func seconds<S: StringProtocol>(_ text: S) -> Double? {
        var parts: [Int] = []
        var digits = 0, value = 0
        var fraction: Double = 0
        var utf8 = text.utf8[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                guard digits <= 3 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            } else if byte == 0x3A {
                guard digits >= 1, parts.count < 2 else { return nil }
                parts.append(value)
                digits = 0; value = 0
            } else if byte == 0x2E || byte == 0x2C {
                // A fraction after the seconds: 1–3 digits.
                guard digits == 2, !parts.isEmpty, (1...3).contains(utf8.count), utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
                let digits = utf8.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                fraction = Double(digits) / [1.0, 10, 100, 1000][utf8.count]
                utf8 = utf8.dropFirst(utf8.count)
                break
            } else {
                return nil
            }
        }
        // Seconds (and minutes after hours) have two digits and stay under 60.
        guard digits == 2, !parts.isEmpty, value < 60 else { return nil }
        if parts.count == 2 {
            guard parts[1] < 60 else { return nil }
            return Double(parts[0] * 3600 + parts[1] * 60 + value) + fraction
        }
        return Double(parts[0] * 60 + value) + fraction
    }
}

/// f4/f5transkript's time mark `#00:01:23-4#` (hours, minutes, seconds, tenths): a time, never a code tag.
enum F4TimeMark {
    /// The mark starting at `index` (its `#`): its seconds and the index just after its closing `#`.
    static func parse(_ scalars: [Unicode.Scalar], at index: Int) -> (seconds: Double, end: Int)? {
        guard index < scalars.count, scalars[index] == "#" else { return nil }
        var end = index + 1
        while end < scalars.count, end - index <= 16, scalars[end] != "#" { end += 1 }
        guard end < scalars.count, scalars[end] == "#", end > index + 1 else { return nil }
        let inner = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
        let pieces = inner.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let seconds = TimeText.seconds(pieces[0]) else { return nil }
        var tenths = 0.0
        if pieces.count == 2 {
            guard !pieces[1].isEmpty, pieces[1].count <= 3, pieces[1].allSatisfy(\.isNumber), let value = Double(pieces[1]) else { return nil }
            tenths = value / pow10(pieces[1].count)
        }
        return (seconds + tenths, end + 1)
    }

    private static func pow10(_ n: Int) -> Double { [1.0, 10, 100, 1000][n] }

    /// The first mark in a line, if any.
    static func first(in line: Substring) -> (seconds: Double, end: Int)? {
        guard line.utf8.contains(0x23) else { return nil }
        let scalars = Array(line.unicodeScalars)
        for index in scalars.indices where scalars[index] == "#" {
            if let mark = parse(scalars, at: index) { return mark }
        }
        return nil
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmedSpaces: Substring {
        var start = startIndex, end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" || self[start] == "\r" { start = index(after: start) }
        while end > start, self[index(before: end)] == " " || self[index(before: end)] == "\t" || self[index(before: end)] == "\r" {
            end = index(before: end)
        }
        return self[start..<end]
    }
}
