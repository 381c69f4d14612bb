import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// Transcripts as transcription tools write them (issue 19): each fixture in `Fixtures/transcripts/`
/// holds the same short interview in one tool's layout (see the fixtures README), so every one must
/// read as the same turns; only the labels and the times differ, as the tool wrote them.
@Suite struct TranscriptLayoutTests {
    /// The interview's turns, their words with white space collapsed, as typed into `make.py` by hand.
    static let question1 = "Goedemiddag, fijn dat je tijd hebt. Hoe ben je bij de voedselbank terechtgekomen?"
    static let answer1 = "Via mijn buurvrouw. Zij zei: kom eens kijken op zaterdag. Dat was in 2019, om 10:30 stond ik er al."
    static let question2 = "En wat doe je daar nu?"
    static let answer2 = "Ik sorteer de kratten en ik help bij de uitgifte."
    static let interview = [question1, answer1, question2, answer2]

    /// One fixture and what a researcher reads in it: the label of each turn and its time in seconds.
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var labels: [String]
        var times: [Double?]
        var texts: [String] = TranscriptLayoutTests.interview
        var description: String { file }
    }

    static let fourTurns: [Double?] = [0, 7, 21, 24]

    static let expected: [Expected] = [
        Expected(file: "word-transcribe.docx", labels: ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"], times: fourTurns),
        Expected(file: "word-transcribe.txt", labels: ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"], times: fourTurns),
        Expected(file: "otter.txt", labels: ["Sanne de Wit", "Jeroen Bakker", "Unknown Speaker", "Sanne de Wit", "Jeroen Bakker"],
                 times: [0, 7, 19, 21, 3624],
                 texts: [question1, answer1, "Sorry, ik moet even de deur dicht doen.", question2, answer2]),
        Expected(file: "zoom-saved.txt", labels: ["Sanne de Wit", "Jeroen Bakker", "Sanne de Wit", "Jeroen Bakker"],
                 times: [14 * 3600 + 2 * 60 + 9, 14 * 3600 + 2 * 60 + 16, 14 * 3600 + 2 * 60 + 30, 14 * 3600 + 2 * 60 + 33]),
        Expected(file: "happyscribe.txt", labels: ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"], times: [0.12, 7.41, 21.05, 24.9]),
        Expected(file: "rev.txt", labels: ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"], times: [0, 7, 21, 3624]),
        Expected(file: "time-first.txt", labels: ["Interviewer", "Respondent", "Interviewer", "Respondent"], times: fourTurns),
        Expected(file: "time-after.txt", labels: ["Interviewer", "Respondent", "Interviewer", "Respondent"], times: fourTurns),
        Expected(file: "noscribe.txt", labels: ["S00", "S01", "S00", "S01"], times: [2, 7, 21, 24]),
        Expected(file: "noscribe.vtt", labels: ["S00", "S01", "S00", "S01"], times: [2, 7, 21, 24]),
        Expected(file: "noscribe-overlap.vtt", labels: ["S00", "S01", "S00", "S01"], times: [2, 7, 9, 10.5],
                 texts: [question1, "Via mijn buurvrouw. Zij zei: kom eens kijken op zaterdag.", "Ach, wat leuk.",
                         "Dat was in 2019, om 10:30 stond ik er al."]),
        Expected(file: "f4.txt", labels: ["I", "B", "I", "B"], times: [6.8, 20.1, 23.5, 29]),
        Expected(file: "teams.vtt", labels: ["Sanne de Wit", "Jeroen Bakker", "Sanne de Wit", "Jeroen Bakker"], times: [0, 7.04, 21, 24]),
        Expected(file: "teams.docx", labels: ["Sanne de Wit", "Jeroen Bakker", "Sanne de Wit", "Jeroen Bakker"], times: fourTurns),
        Expected(file: "teams.txt", labels: ["Sanne de Wit", "Jeroen Bakker", "Sanne de Wit", "Jeroen Bakker"], times: fourTurns),
        Expected(file: "zoom-cloud.vtt", labels: ["Sanne de Wit", "Jeroen Bakker", "Mila van Dijk", "Sanne de Wit", "Jeroen Bakker"],
                 times: [0.05, 7.02, 20.4, 21, 24], texts: [question1, answer1, "Hoi!", question2, answer2]),
        Expected(file: "whisperx.vtt", labels: ["SPEAKER_00", "SPEAKER_01", "SPEAKER_00", "SPEAKER_01"], times: [0, 7.04, 21, 24]),
        // WhisperX's .txt writes no times.
        Expected(file: "whisperx.txt", labels: ["SPEAKER_00", "SPEAKER_01", "SPEAKER_00", "SPEAKER_01"], times: [nil, nil, nil, nil]),
        // Meet writes a time line every five minutes, not a time per utterance: its turns have none.
        Expected(file: "meet.txt", labels: ["Sanne de Wit", "Jeroen Bakker", "Sanne de Wit", "Jeroen Bakker"], times: [nil, nil, nil, nil]),
        Expected(file: "amberscript.txt", labels: ["Spreker 1", "Spreker 2", "Spreker 1", "Spreker 2"], times: fourTurns),
        Expected(file: "amberscript.docx", labels: ["Spreker 1", "Spreker 2", "Spreker 1", "Spreker 2"], times: fourTurns),
    ]

    static func read(_ file: String) throws -> ParsedDocument {
        let url = TestPaths.fixtures.appendingPathComponent("transcripts/\(file)")
        let read = DocumentReader.read(url, relativePath: "Corpus/\(file)")
        let errors = read.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(file): \(errors)")
        return try #require(read.parsed, "\(file) could not be read")
    }

    @Test("each tool's export reads as its speaker turns, with each turn's time and words", arguments: expected)
    func turns(_ expected: Expected) throws {
        let parsed = try Self.read(expected.file)
        let document = parsed.document
        // A time mark (`#00:00:06-8#`) is never read as the tag `#00`.
        #expect(parsed.tags.isEmpty, "\(expected.file): \(parsed.tags.map(\.tag.path))")
        let turns = document.segments.filter { $0.label != nil }
        #expect(document.segments.count == turns.count, "\(expected.file): no segment outside a turn (boilerplate left out)")
        #expect(turns.map { $0.label ?? "" } == expected.labels, "\(expected.file)")
        #expect(turns.map { $0.time.map { ($0 * 1000).rounded() / 1000 } } == expected.times, "\(expected.file)")
        #expect(turns.map { document.text(of: $0).collapsingWhitespace } == expected.texts, "\(expected.file)")
    }

    @Test("the same interview from one tool as .txt, .docx and .vtt gives the same turns")
    func sameTurnsAcrossFormats() throws {
        for group in [["word-transcribe.txt", "word-transcribe.docx"], ["teams.txt", "teams.docx", "teams.vtt"],
                      ["amberscript.txt", "amberscript.docx"], ["noscribe.txt", "noscribe.vtt"],
                      ["whisperx.txt", "whisperx.vtt"]] {
            let readings = try group.map { file in
                let document = try Self.read(file).document
                return document.segments.map { "\($0.label ?? "-")|\(document.text(of: $0).collapsingWhitespace)" }
            }
            for (file, reading) in zip(group, readings) { #expect(reading == readings[0], "\(file) differs from \(group[0])") }
        }
    }

    static func readVTT(_ text: String) throws -> Document {
        let read = DocumentReader.readSubtitles(Array(text.utf8), format: "vtt", relativePath: "Corpus/x.vtt", defaultID: "x")
        return try #require(read.parsed?.document)
    }

    @Test("a voice of several words used once is a speaker; a colon on a cue's wrapped line is text; a cue without a name continues the turn")
    func cueLabels() throws {
        let teams = try Self.readVTT("""
        WEBVTT

        00:00:01.000 --> 00:00:04.000
        <v Sanne de Wit>Hoe ging het?</v>

        00:00:05.000 --> 00:00:09.000
        <v Mila van Dijk>Goed. Mijn buurvrouw
        zei: kom maar.</v>

        """)
        #expect(teams.segments.map { $0.label ?? "-" } == ["Sanne de Wit", "Mila van Dijk"])
        #expect(teams.segments.map(teams.text(of:)) == ["Hoe ging het?", "Goed. Mijn buurvrouw zei: kom maar."])
        let zoom = try Self.readVTT("""
        WEBVTT

        1
        00:00:01.000 --> 00:00:04.000
        Sanne de Wit: Hoe ging het?

        2
        00:00:05.000 --> 00:00:09.000
        Jeroen Bakker: Goed. Mijn buurvrouw
        zei: kom maar.

        3
        00:00:10.000 --> 00:00:11.000
        Echt waar.

        4
        00:00:12.000 --> 00:00:13.000
        Sanne de Wit: Mooi.

        """)
        #expect(zoom.segments.map { $0.label ?? "-" } == ["Sanne de Wit", "Jeroen Bakker", "Sanne de Wit"])
        #expect(zoom.segments.map(zoom.text(of:)) == ["Hoe ging het?", "Goed. Mijn buurvrouw zei: kom maar. Echt waar.", "Mooi."])
        #expect(zoom.segments.map(\.time) == [1, 5, 12])
    }

    @Test("WhisperX's .txt: a line it gave no speaker is kept, before the first speaker as after one; a bracketed note in a typed transcript is no speaker")
    func whisperXLinesWithoutSpeaker() throws {
        // WriteTXT prints a segment without a speaker as its bare text.
        let text = "Eerst iets zonder spreker.\n[SPEAKER_00]: Hoe ging het?\n[SPEAKER_01]: Goed.\nEn toen verder.\n[SPEAKER_00]: Mooi.\n"
        let document = DocumentParser.parse(text, file: "x.txt", defaultID: "x").document
        #expect(document.segments.map { $0.label ?? "-" } == ["-", "SPEAKER_00", "SPEAKER_01", "SPEAKER_00"])
        #expect(document.segments.map { document.text(of: $0).collapsingWhitespace }
                == ["Eerst iets zonder spreker.", "Hoe ging het?", "Goed. En toen verder.", "Mooi."])
        // One bracketed line among typed turns is not WhisperX's layout.
        let typed = "I: Hoe ging het?\n\n[lacht]: goed hoor.\n\nR: Ja.\n\nI: Mooi.\n"
        #expect(TranscriptLayout.read(typed) == nil)
    }

    @Test("a typed transcript is not rewritten: the same segments, offsets and lines as without layout reading")
    func typedTranscriptUntouched() throws {
        let typed = "---\ntype: interview\nrespondent: V1\n---\nI: Hoe laat begon het? Om 10:30.\n\nV1: Om 10:30, denk ik. #alpha\nEn toen 11:15.\n"
        #expect(TranscriptLayout.read(typed) == nil)
        let document = DocumentParser.parse(typed, file: "x.txt", defaultID: "x").document
        #expect(document.text == typed)
        #expect(document.segments.map { $0.label ?? "-" } == ["I", "V1"])
        #expect(document.segments.map(\.time) == [nil, nil])
        // Times in a typed header are no tool's speaker lines while typed labels outnumber them.
        let header = "Start: 10:00\nEinde: 11:30\n\nI: Hoe begon het?\n\nR: Via de buurvrouw.\n\nI: En toen?\n\nR: Toen ging het snel.\n"
        #expect(TranscriptLayout.read(header) == nil)
    }

    /// Every time written in the fixtures (`0:07`, `00:00:02.410`, `14:02:09`, `#00:00:06-8#`, …) has two
    /// digits after a colon; the only one said aloud is "10:30" in the respondent's first answer.
    static func timestamps(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\d+:\d\d([:.,-]\d+)*"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
            .filter { $0 != "10:30" }
    }

    @Test("no turn's text, label or searchable words hold a timestamp from any fixture")
    func noTimestampsInWords() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixtures.appendingPathComponent("transcripts").path)
        #expect(files.count == Self.expected.count, "every fixture has its expected turns")
        for file in files.sorted() {
            let document = try Self.read(file).document
            for segment in document.segments {
                let text = document.text(of: segment)
                #expect(Self.timestamps(in: text).isEmpty, "\(file) §\(segment.number): \(text)")
                #expect(Self.timestamps(in: segment.label ?? "").isEmpty, "\(file) §\(segment.number) label")
                // What search and auto-coding match: the document text from where the words start.
                let words = document.text.scalars(segment.contentStart..<segment.end)
                #expect(Self.timestamps(in: words).isEmpty, "\(file) §\(segment.number): \(words)")
            }
            // Nor any digit of a time anywhere in the text that search and auto-coding read.
            #expect(digitsOnlyFromWords(document.text), "\(file): \(document.text)")
        }
    }

    /// Whether the only numbers in a text are the ones the interview says ("2019", "10:30") and the speaker numbers.
    func digitsOnlyFromWords(_ text: String) -> Bool {
        var rest = text
        for said in ["2019", "10:30", "Speaker 1", "Speaker 2", "Spreker 1", "Spreker 2", "S00", "S01", "SPEAKER_00", "SPEAKER_01"] {
            rest = rest.replacingOccurrences(of: said, with: "")
        }
        return !rest.unicodeScalars.contains { ("0"..."9").contains($0) }
    }
}
