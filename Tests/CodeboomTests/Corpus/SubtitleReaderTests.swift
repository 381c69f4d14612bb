import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

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
        #expect(try reader.read("WEBVTT\n") == ExtractedText(text: "", speakers: ReaderSpeakers(decidesAll: true)))
    }

    // MARK: - WebVTT as browsers read it (issue 11.4)

    /// The text and cue times of a fixture under `subtitles/`, with the diagnostics the reader gave.
    private func read(fixture name: String) throws -> (extracted: ExtractedText, diagnostics: [String]) {
        let decoded = try TextDecoder.decode(Array(try Fixtures.data("subtitles/\(name)")))
        var diagnostics: [Diagnostic] = []
        let extracted = try SubtitleReader(file: name).read(decoded.text, diagnostics: &diagnostics)
        return (extracted, diagnostics.map(\.description))
    }

    @Test("YouTube's automatic captions: each line once, no cue settings, no word timestamps, no header lines")
    func youTube() throws {
        let (extracted, diagnostics) = try read(fixture: "youtube.vtt")
        #expect(extracted.text == "ja nou we zijn met de buurt gaan praten over de tuin")
        #expect(extracted.cueTimes == [CueTime(offset: 0, seconds: 1.04)])
        #expect(diagnostics == [
            "youtube.vtt:17:1: note: these cues roll (each repeats the line of the cue before, as automatic captions do); every line is read once — nothing to do, unless the repeated lines were really said twice",
        ])
    }

    @Test("a timing line without a blank line before it starts a new cue, and its settings are no text")
    func timingLineWithoutBlankLine() throws {
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000 align:start position:0%\n<v Anouk>Eerste zin\n00:02.000 --> 00:03.000 line:84% size:80%\n<v Henk>Tweede zin\n00:03.000 --> 00:04.000\nderde zin\n"
        let extracted = try reader.read(vtt)
        #expect(extracted.text == "Anouk: Eerste zin\nHenk: Tweede zin derde zin")
        #expect(extracted.cueTimes == [CueTime(offset: 0, seconds: 1), CueTime(offset: 18, seconds: 2)])
    }

    @Test("a cue right after the WEBVTT line, without a blank line, is read (the header ends at a timing line)")
    func cueInHeader() throws {
        #expect(try reader.read("WEBVTT\n00:01.000 --> 00:02.000\nHallo.\n").text == "Hallo.")
    }

    @Test("NOTE, STYLE and REGION blocks are skipped, before and between cues")
    func metadataBlocks() throws {
        let vtt = """
            WEBVTT

            REGION
            id:fred
            width:40%

            STYLE
            ::cue { color: white; }

            NOTE een opmerking
            over twee regels

            00:01.000 --> 00:02.000 region:fred
            Eerste.

            NOTE
            tussendoor

            00:02.000 --> 00:03.000
            Tweede.

            """
        var diagnostics: [Diagnostic] = []
        #expect(try reader.read(vtt, diagnostics: &diagnostics).text == "Eerste. Tweede.")
        #expect(diagnostics.isEmpty)
    }

    @Test("a WebVTT block without a timing line is left out as players leave it out, with a warning at its line")
    func blockWithoutTiming() throws {
        var diagnostics: [Diagnostic] = []
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nEerste.\n\nlosse tekst\nzonder tijd\n\n00:02.000 --> 00:03.000\nTweede.\n"
        #expect(try SubtitleReader(file: "Corpus/a.vtt").read(vtt, diagnostics: &diagnostics).text == "Eerste. Tweede.")
        #expect(diagnostics.map(\.description) == [
            "Corpus/a.vtt:6:1: warning: this block has no \"start --> end\" timing line, so it is no cue and is left out, as players leave it out — add a timing line if it is part of the transcript, or start it with NOTE if it is a comment",
        ])
    }

    @Test("Netflix's layout: NOTE header blocks, lines of spaces, cue identifiers, settings, italics, references")
    func netflix() throws {
        let (extracted, diagnostics) = try read(fixture: "netflix.vtt")
        #expect(extracted.text == "[Fatima] In 2015 kwamen wij naar Rijnstad, met twee koffers en een café-stoel. - Kom je mee naar de tuin? - Nee, ik blijf. Zeg: \"Ik heb geen tijd.\" [Fatima] Dat zei ik altijd.")
        #expect(extracted.cueTimes == [CueTime(offset: 0, seconds: 7.96)])
        // The one-off "Zeg:" is no speaker for the rest of the film (issue 11.7): it is text, with a note.
        #expect(diagnostics == [
            "netflix.vtt:30:1: note: \"Zeg:\" is read as text, not as a speaker: no speaker label recurs in this file — if it is a speaker, label the speaker's other turns too, or use a voice tag <v Zeg>",
        ])
    }

    @Test("a header after WEBVTT, NOTE blocks of several lines, dialogue dashes and trailing spaces")
    func notes() throws {
        let (extracted, diagnostics) = try read(fixture: "notes.vtt")
        #expect(extracted.text == "- Neem een kop thee. - Die is niet warm. - Neem dan koffie. - Die smaakt naar thee. - Neem een kop thee.")
        #expect(extracted.cueTimes == [CueTime(offset: 0, seconds: 135)])
        #expect(diagnostics.isEmpty)
    }

    @Test("voices with classes, </v> and text after it, two voices in a cue, <lang>, ruby text left out, references")
    func voices() throws {
        let (extracted, diagnostics) = try read(fixture: "voices.vtt")
        #expect(extracted.text == """
            Esther: Dat is geweldig!
            Mo: Echt niet!
            Esther: Jawel! gelach
            Mo: Op de playground & in de tuin <3
            Esther: Ze schreef 漢字 op het bord\u{00A0}– mooi.
            Mo: Oké.
            """)
        #expect(extracted.cueTimes.map(\.seconds) == [0, 2, 4, 6, 8, 8])
        #expect(diagnostics.isEmpty)
    }

    @Test("karaoke timestamps inside cues and mm:ss.ttt times")
    func cueTimestamps() throws {
        let (extracted, _) = try read(fixture: "cue-timestamps.vtt")
        #expect(extracted.text == "Als de maan in je oog valt Als een grote pizza taart Dat is amore")
        #expect(extracted.cueTimes == [CueTime(offset: 0, seconds: 16.5)])
    }

    @Test(
        "cue text follows the W3C cue text parsing rules",
        arguments: [
            ("<c.colorE5E5E5>amore</c>", "amore"),
            ("this<00:05:04.199><c> will</c><c.colorE5E5E5><00:05:04.379><c> happen</c></c>", "this will happen"),
            ("<i>schuin</i> <b>vet</b> <u>onder</u>", "schuin vet onder"),
            ("<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby> staat er", "漢字 staat er"),
            ("<ruby>漢<rt>kan</ruby> staat er", "漢 staat er"),
            ("Op de <lang en>playground</lang>.", "Op de playground."),
            ("<onbekend>tekst blijft</onbekend>", "tekst blijft"),
            ("&amp; &lt; &gt; &quot;&apos;", "& < > \"'"),
            ("a&nbsp;b", "a\u{00A0}b"),
            ("&lrm;links&rlm;", "\u{200E}links\u{200F}"),
            ("&#233;&#xE9;&#X2019;&#8211;", "éé’–"),
            ("&#150; &#0; &#x110000;", "– \u{FFFD} \u{FFFD}"),
            ("&#233 zonder puntkomma", "é zonder puntkomma"),
            ("&ampersand &eacutex", "&ersand éx"),
            ("&onbekend; &; & los", "&onbekend; &; & los"),
            ("3 < 4 zegt een browser niet", "3"),
            ("<v Anouk>Ja</v> <i>lacht</i>", "Ja lacht"),
        ])
    func cueText(input: String, expected: String) {
        let lines = WebVTTCueText.lines(input[...])
        #expect(lines.map { SubtitleReader.collapsingWhiteSpace($0.text) } == [expected])
    }

    @Test("a voice is the innermost <v> of a line's first words, also when a tag spans a line break")
    func voiceLines() {
        #expect(WebVTTCueText.lines("<v A>hallo\n<v B>dag"[...]) == [
            CueTextLine(lineOffset: 0, voice: "A", text: "hallo"), CueTextLine(lineOffset: 1, voice: "B", text: "dag"),
        ])
        #expect(WebVTTCueText.lines("<v Roger\nBingham>hallo\nverder"[...]) == [
            CueTextLine(lineOffset: 1, voice: "Roger Bingham", text: "hallo"), CueTextLine(lineOffset: 2, voice: "Roger Bingham", text: "verder"),
        ])
        #expect(WebVTTCueText.lines("<v>zonder naam"[...]) == [CueTextLine(lineOffset: 0, voice: nil, text: "zonder naam")])
    }

    @Test("deeply nested or unclosed tags cost linear time")
    func nesting() {
        let depth = 50_000
        let text = String(repeating: "<c>", count: depth) + String(repeating: "x", count: depth)
        #expect(WebVTTCueText.lines(text[...]).first?.text.count == depth)
        let srt = String(repeating: "<a", count: depth) + String(repeating: "{x", count: depth)
        #expect(SubRipCueText.lines([srt[...]]).first?.text.count == 4 * depth)
    }

    // MARK: - SubRip as players read it

    @Test("SubRip tags: formatting hidden, closed unknown tags hidden, unclosed ones and stray < shown, ASS and MicroDVD codes hidden")
    func subRipTags() {
        let lines = SubRipCueText.lines([
            "<font color=\"#00FF00\">groen</font> <b><i>vet</i></b>",
            "<onbekend>verborgen tag</onbekend> <open>blijft zichtbaar",
            "niet geopend</dicht> 2<3,5>1",
            "{\\an8}boven {y:i}schuin {gewoon}",
            "regel\\Nbreuk en\\hharde spatie",
        ])
        #expect(lines.map { SubtitleReader.collapsingWhiteSpace($0.text) } == [
            "groen vet", "verborgen tag <open>blijft zichtbaar", "niet geopend</dicht> 2<3,5>1", "boven schuin {gewoon}", "regel breuk en harde spatie",
        ])
    }

    @Test("a SubRip cue without a blank line before it: the index line belongs to the next cue")
    func subRipWithoutBlankLine() throws {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nI: Hallo.\n2\n00:00:02,000 --> 00:00:03,000\nR: Dag.\n"
        let extracted = try reader.read(srt)
        #expect(extracted.text == "I: Hallo.\nR: Dag.")
        #expect(extracted.cueTimes.map(\.seconds) == [1, 2])
    }

    @Test("a timing line that cannot be read is an error, as are text after the start time and a bad end time")
    func badTimingLines() {
        #expect(throws: DocumentReaderError.invalidTimestamp(line: 3, column: 1, text: "00:01.000x")) {
            try reader.read("WEBVTT\n\n00:01.000x --> 00:02.000\nhallo\n")
        }
        #expect(throws: DocumentReaderError.invalidTimestamp(line: 1, column: 3, text: "1:2.3.4")) {
            try reader.read("  1:2.3.4 --> 00:02.000\nhallo\n")
        }
        #expect(throws: DocumentReaderError.invalidTimestamp(line: 2, column: 18, text: "00:00:02")) {
            try reader.read("1\n00:00:01,000 --> 00:00:02\nhallo\n")
        }
    }

    @Test("timestamps without spaces around the arrow, and settings right after the end time, are read")
    func compactTiming() throws {
        #expect(try reader.read("WEBVTT\n\n00:01.500-->00:02.000align:start\nhallo\n").cueTimes == [CueTime(offset: 0, seconds: 1.5)])
    }

    // MARK: - Rolling captions

    @Test("rolling captions are recognised when most cues repeat the line before; an occasional repeat is kept")
    func rolling() {
        #expect(RollingCaptions.repeatedLineCounts([["a"], ["a", "b"], ["b", "c"], ["c"]]) == [0, 1, 1, 1])
        #expect(RollingCaptions.repeatedLineCounts([["a", "b"], ["a", "b", "c"]]) == [0, 0])
        #expect(RollingCaptions.repeatedLineCounts([["Ja."], ["Ja."], ["Nee."], ["Goed."], ["Dag."]]) == [0, 0, 0, 0, 0])
        #expect(RollingCaptions.repeatedLineCounts([["x", "y"], [], ["x", "y", "z"], ["y", "z"]]) == [0, 0, 2, 2])
    }

    // MARK: - Speaker labels (issue 11.7)

    @Test("a Name: prefix that recurs makes speakers, a one-off one in the same file too")
    func recurringLabels() throws {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nAnouk: Ja.\n\n2\n00:00:02,000 --> 00:00:03,000\nHenk: Nee.\n\n3\n00:00:03,000 --> 00:00:04,000\nAnouk: Toch wel.\n"
        #expect(try reader.read(srt).text == "Anouk: Ja.\nHenk: Nee.\nAnouk: Toch wel.")
    }

    @Test("an interviewer's label or a voice's name declares labels, even used once")
    func declaredLabels() throws {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nI: Hoe ging het?\n\n2\n00:00:02,000 --> 00:00:03,000\nV3: Goed.\n"
        #expect(try reader.read(srt).text == "I: Hoe ging het?\nV3: Goed.")
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anouk>Ja.\n\n00:02.000 --> 00:03.000\nAnouk: Nee.\n\n00:03.000 --> 00:04.000\nHenk: Oh.\n"
        #expect(try reader.read(vtt).text == "Anouk: Ja. Nee.\nHenk: Oh.")
    }

    @Test("a one-off Name: in a file without recurring labels is text, with a note at its line and column")
    func oneOffLabel() throws {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nHij keek me aan.\n\n2\n00:00:02,000 --> 00:00:03,000\n<i>Digo: \"nee\".</i>\n\n3\n00:00:03,000 --> 00:00:04,000\nEn hij ging.\n"
        var diagnostics: [Diagnostic] = []
        let extracted = try SubtitleReader(file: "Corpus/film.srt").read(srt, diagnostics: &diagnostics)
        #expect(extracted.text == "Hij keek me aan. Digo: \"nee\". En hij ging.")
        #expect(diagnostics.map(\.description) == [
            "Corpus/film.srt:7:4: note: \"Digo:\" is read as text, not as a speaker: no speaker label recurs in this file — if it is a speaker, label the speaker's other turns too",
        ])
    }

    @Test("voice tags are speakers even when each speaks once")
    func voicesOnce() throws {
        #expect(try reader.read("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anouk>Ja.\n\n00:02.000 --> 00:03.000\n<v Henk>Nee.\n").text == "Anouk: Ja.\nHenk: Nee.")
    }
}
