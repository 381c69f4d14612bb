import Foundation
import Testing

@testable import Codeboom

@Suite struct SubtitleReaderTests {
    private let reader = SubtitleReader()

    @Test("WebVTT voices become turns; same-speaker cues merge; a cue without a voice continues the turn")
    func webVTT() throws {
        let extracted = try reader.read(try Fixtures.data("interview.vtt"))
        let lines = [
            "Gespreksleider: Welkom allemaal. Zullen we beginnen?",
            "Anouk: Nou, eh, ik wil wel. Ik ben al drie jaar maatje bij & voor Op Orde. en dat bevalt goed.",
            "Henk: Bij mij is het net zo.",
            "Gespreksleider: Dank je, Henk.",
        ]
        #expect(extracted.text == lines.joined(separator: "\n"))
        #expect(extracted.cueTimes == [
            CueTime(offset: 0, seconds: 1.0),
            CueTime(offset: 53, seconds: 5.0),
            CueTime(offset: 148, seconds: 62.125),
            CueTime(offset: 177, seconds: 62.125),
        ])
        for (cueTime, line) in zip(extracted.cueTimes, lines) {
            #expect(extracted.text.scalars(cueTime.offset..<(cueTime.offset + line.unicodeScalars.count)) == line)
        }
        #expect(extracted.annotations.isEmpty)
    }

    @Test("SRT with a BOM, CRLF, index lines, comma times, tags and Name: prefixes")
    func srt() throws {
        let extracted = try reader.read(try Fixtures.data("interview.srt"))
        #expect(extracted.text == """
            I: Hoe ben je bij Op Orde terechtgekomen?
            R: Via de buurvrouw, eigenlijk. Ze zat zelf al in het project. En toen dacht ik: waarom niet?
            I: Mooi.
            """)
        #expect(extracted.cueTimes == [
            CueTime(offset: 0, seconds: 0.5),
            CueTime(offset: 42, seconds: 3.2),
            CueTime(offset: 136, seconds: 11.0),
        ])
    }

    @Test("cues before any speaker form their own line")
    func leadingCuesWithoutSpeaker() throws {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nGeroezemoes.\n\n2\n00:00:02,000 --> 00:00:03,000\n[gelach]\n\n3\n00:00:04,000 --> 00:00:05,000\nI: Zullen we?\n"
        let extracted = try reader.read(srt)
        #expect(extracted.text == "Geroezemoes. [gelach]\nI: Zullen we?")
        #expect(extracted.cueTimes == [CueTime(offset: 0, seconds: 1), CueTime(offset: 22, seconds: 4)])
    }

    @Test(
        "timestamps in every allowed form",
        arguments: [
            ("00:00:01.000", 1.0), ("01:02.500", 62.5), ("1:00:00,250", 3600.25), ("00:00:01,5", 1.5),
            ("123:00:00.000", 442_800.0),
        ])
    func timestamps(text: String, seconds: Double) {
        #expect(SubtitleTimestamp.seconds(text) == seconds)
    }

    @Test("malformed timestamps are rejected", arguments: ["00:61.000", "aa:00.000", "00:00", "1.000", "00:00:00.0000", ""])
    func badTimestamps(text: String) {
        #expect(SubtitleTimestamp.seconds(text) == nil)
    }

    @Test("a bad timestamp is an error with its line and column")
    func badTimestampError() {
        let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nhallo\n"
        #expect(throws: DocumentReaderError.invalidTimestamp(line: 3, column: 18, text: "00:00:0x.000")) {
            try reader.read(vtt)
        }
    }

    @Test("a block without a timing line is an error with its line")
    func missingTiming() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nI: Hallo.\n\n2\nR: Dag.\n"
        #expect(throws: DocumentReaderError.missingCueTiming(line: 5)) { try reader.read(srt) }
    }

    @Test("a subtitle file that is not UTF-8 is read as Windows-1252, as a text file is")
    func notUTF8() throws {
        let data = Data("WEBVTT\n\n00:01.000 --> 00:02.000\ncaf".utf8) + Data([0xE9, 0x0A])
        #expect(try reader.read(data).text == "café")
    }

    @Test("an empty WebVTT file gives empty text")
    func empty() throws {
        #expect(try reader.read("WEBVTT\n") == ExtractedText(text: ""))
    }
}
