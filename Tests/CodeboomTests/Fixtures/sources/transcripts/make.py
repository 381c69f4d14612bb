#!/usr/bin/env python3
"""Writes the transcription-tool fixtures in ../../transcripts/ (see Fixtures/README.md).

Each file is one short, fictional interview (Rijnstad example study) written in the layout the tool
writes; .docx files are made with python-docx (1.1), paragraph by paragraph, as Word, Teams and
Amberscript write one paragraph per line of their export. Run from this folder: python3 make.py
"""
import os
from docx import Document

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "transcripts")

# The interview every layout carries: (speaker, seconds, paragraphs).
Q1 = "Goedemiddag, fijn dat je tijd hebt. Hoe ben je bij de voedselbank terechtgekomen?"
A1 = ["Via mijn buurvrouw. Zij zei: kom eens kijken op zaterdag.", "Dat was in 2019, om 10:30 stond ik er al."]
Q2 = "En wat doe je daar nu?"
A2 = "Ik sorteer de kratten en ik help bij de uitgifte."


def write(name, text, newline="\n"):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline=newline) as f:
        f.write(text)


def docx(name, paragraphs):
    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(os.path.join(OUT, name))


# Word Transcribe (Microsoft 365, Home › Dictate › Transcribe › Add to document › "With speakers and
# timestamps"): an "Audio file" / file name / "Transcript" header, then `hh:mm:ss Speaker N` paragraphs,
# each followed by the speaker's text paragraph.
word = ["Audio file", "interview-voedselbank.m4a", "", "Transcript",
        "00:00:00 Speaker 1", Q1,
        "00:00:07 Speaker 2", A1[0],
        "00:00:15 Speaker 2", A1[1],
        "00:00:21 Speaker 1", Q2,
        "00:00:24 Speaker 2", A2]
docx("word-transcribe.docx", word)
write("word-transcribe.txt", "\n".join(word) + "\n")

# Otter.ai .txt export: `Name  m:ss` (two spaces, trailing two spaces), the text, a blank line;
# `h:mm:ss` past the hour; `Unknown Speaker`; footer `Transcribed by https://otter.ai`.
write("otter.txt", f"""Sanne de Wit  0:00  
{Q1}

Jeroen Bakker  0:07  
{A1[0]}

Jeroen Bakker  0:15  
{A1[1]}

Unknown Speaker  0:19  
Sorry, ik moet even de deur dicht doen.

Sanne de Wit  0:21  
{Q2}

Jeroen Bakker  1:00:24  
{A2}



Transcribed by https://otter.ai
""")

# Zoom meeting "Save transcript" (meeting_saved_closed_caption.txt): `[Name] hh:mm:ss` (clock time),
# the text, a blank line; one block per caption, so one speaker's turn is several blocks. CRLF.
write("zoom-saved.txt", f"""[Sanne de Wit] 14:02:09
{Q1}

[Jeroen Bakker] 14:02:16
Via mijn buurvrouw.

[Jeroen Bakker] 14:02:18
Zij zei: kom eens kijken op zaterdag.

[Jeroen Bakker] 14:02:24
{A1[1]}

[Sanne de Wit] 14:02:30
{Q2}

[Jeroen Bakker] 14:02:33
{A2}
""", newline="\r\n")

# Happy Scribe .txt export with timecodes and speakers: `[hh:mm:ss.mmm] - Name`, then the text.
write("happyscribe.txt", f"""[00:00:00.120] - Speaker 1
{Q1}

[00:00:07.410] - Speaker 2
{A1[0]}
{A1[1]}

[00:00:21.050] - Speaker 1
{Q2}

[00:00:24.900] - Speaker 2
{A2}
""")

# Rev transcript .txt/.docx: `Speaker N (mm:ss):` then the text; `(hh:mm:ss)` past the hour.
write("rev.txt", f"""Speaker 1 (00:00):
{Q1}

Speaker 2 (00:07):
{A1[0]} {A1[1]}

Speaker 1 (00:21):
{Q2}

Speaker 2 (01:00:24):
{A2}
""")

# A label with the time on the line of the text, time first (as many typists and Trint write it).
write("time-first.txt", f"""[00:00:00] Interviewer: {Q1}
[00:00:07] Respondent: {A1[0]}
{A1[1]}
[00:00:21] Interviewer: {Q2}
[00:00:24] Respondent: {A2}
""")

# The same, time after the label (Descript's and some typists' `Name [hh:mm:ss]: text`).
write("time-after.txt", f"""Interviewer [00:00:00]: {Q1}

Respondent [00:00:07]: {A1[0]} {A1[1]}

Interviewer [00:00:21]: {Q2}

Respondent [00:00:24]: {A2}
""")

# noScribe 0.7 .txt (its html_to_text): title, `Transcribed with noScribe vers. 0.7`, audio file, options,
# a pause note, then `Snn: [hh:mm:ss] text` paragraphs with inline `[hh:mm:ss]` marks and pause notes.
noscribe_preamble = "Interview voedselbank\n\nTranscribed with noScribe vers. 0.7\nAudio file: ./interview-voedselbank.mp3\n(Language: Dutch (nl) | Speaker detection: auto | Overlapping speech: 1 | Timestamps: 1 | Disfluencies: 1 | Mark pause: 1)\n\n(2 seconds pause)\n\n\n\n"
write("noscribe.txt", noscribe_preamble + f"""S00: [00:00:02] {Q1}

S01: [00:00:07] {A1[0]} (3 seconds pause) [00:00:15] {A1[1]}

S00: [00:00:21] {Q2}

S01: [00:00:24] {A2}
""")

# noScribe 0.7 .vtt (its html_to_webvtt): `WEBVTT title`, a NOTE header, numbered cues, `<v Snn>` without
# `</v>`, a first cue without a voice (the pause), one cue per paragraph.
write("noscribe.vtt", f"""WEBVTT Interview voedselbank

NOTE
Transcribed with noScribe vers. 0.7 Audio file: ./interview-voedselbank.mp3 (Language: Dutch (nl) | Speaker detection: auto | Overlapping speech: 1 | Timestamps: 1 | Disfluencies: 1 | Mark pause: 1)

1
00:00:00.000 --> 00:00:02.000
(2 seconds pause)

2
00:00:02.000 --> 00:00:06.500
<v S00>{Q1}

3
00:00:07.000 --> 00:00:14.000
<v S01>{A1[0]}

4
00:00:15.000 --> 00:00:20.000
<v S01>{A1[1]}

5
00:00:21.000 --> 00:00:23.000
<v S00>{Q2}

6
00:00:24.000 --> 00:00:29.000
<v S01>{A2}
""")

# noScribe overlap: `<v //S02>` is speaker S02 (noScribe marks overlapping speech with `//`).
write("noscribe-overlap.vtt", f"""WEBVTT Interview voedselbank

1
00:00:02.000 --> 00:00:06.500
<v S00>{Q1}

2
00:00:07.000 --> 00:00:09.000
<v S01>{A1[0]}

3
00:00:09.000 --> 00:00:10.000
<v //S00>Ach, wat leuk.

4
00:00:10.500 --> 00:00:14.000
<v S01>{A1[1]}
""")

# f4/f5transkript: `I:`/`B:` paragraphs, each ending in a time mark `#hh:mm:ss-t#` (tenths).
write("f4.txt", f"""I: {Q1} #00:00:06-8#

B: {A1[0]} {A1[1]} #00:00:20-1#

I: {Q2} #00:00:23-5#

B: {A2} #00:00:29-0#
""")

# Microsoft Teams transcript .vtt: `WEBVTT`, cue ids `GUID/N-M`, `<v Full Name>text</v>`, a payload
# wrapped over two lines (with a colon on the second), one speaker's consecutive cues.
write("teams.vtt", f"""WEBVTT

9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f/12-0
00:00:00.000 --> 00:00:06.120
<v Sanne de Wit>{Q1}</v>

9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f/18-0
00:00:07.040 --> 00:00:14.560
<v Jeroen Bakker>Via mijn buurvrouw. Zij
zei: kom eens kijken op zaterdag.</v>

9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f/18-1
00:00:15.000 --> 00:00:20.300
<v Jeroen Bakker>{A1[1]}</v>

9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f/25-0
00:00:21.000 --> 00:00:23.400
<v Sanne de Wit>{Q2}</v>

9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f/27-0
00:00:24.000 --> 00:00:29.000
<v Jeroen Bakker>{A2}</v>
""")

# Microsoft Teams transcript .docx / .txt download: a title and date, then `Name   m:ss` paragraphs
# (three spaces), each followed by the text paragraph.
teams = ["Interview voedselbank", "12 maart 2024, 14:00", "",
         "Sanne de Wit   0:00", Q1,
         "Jeroen Bakker   0:07", A1[0],
         "Jeroen Bakker   0:15", A1[1],
         "Sanne de Wit   0:21", Q2,
         "Jeroen Bakker   0:24", A2]
docx("teams.docx", teams)
write("teams.txt", "\n".join(teams) + "\n")

# Zoom cloud recording transcript (GMT…_Recording.transcript.vtt): numbered cues, `Full Name: text`
# payloads, one participant who speaks once, a cue without a name that continues the turn.
write("zoom-cloud.vtt", f"""WEBVTT

1
00:00:00.050 --> 00:00:06.100
Sanne de Wit: {Q1}

2
00:00:07.020 --> 00:00:14.300
Jeroen Bakker: {A1[0]}

3
00:00:15.000 --> 00:00:20.000
{A1[1]}

4
00:00:20.400 --> 00:00:20.900
Mila van Dijk: Hoi!

5
00:00:21.000 --> 00:00:23.000
Sanne de Wit: {Q2}

6
00:00:24.000 --> 00:00:29.000
Jeroen Bakker: {A2}
""")

# WhisperX `--diarize` .vtt: `[SPEAKER_nn]: text` in every cue.
write("whisperx.vtt", f"""WEBVTT

00:00.000 --> 00:06.120
[SPEAKER_00]: {Q1}

00:07.040 --> 00:14.560
[SPEAKER_01]: {A1[0]}

00:15.000 --> 00:20.300
[SPEAKER_01]: {A1[1]}

00:21.000 --> 00:23.400
[SPEAKER_00]: {Q2}

00:24.000 --> 00:29.000
[SPEAKER_01]: {A2}
""")

# WhisperX `--diarize --output_format txt`: `WriteTXT` in whisperx/utils.py prints a line per segment,
# `[SPEAKER_nn]: text` (the bare text when a segment got no speaker), no times and no blank lines.
write("whisperx.txt", f"""[SPEAKER_00]: {Q1}
[SPEAKER_01]: {A1[0]}
[SPEAKER_01]: {A1[1]}
[SPEAKER_00]: {Q2}
[SPEAKER_01]: {A2}
""")

# Google Meet transcript (Google Docs, downloaded as .txt): title, attendees, `Transcript`, bare
# `hh:mm:ss` time lines, `Name: text` per utterance, `Meeting ended after …`, a closing disclaimer.
write("meet.txt", f"""Interview voedselbank (2024-03-12 14:00 GMT+1) - Transcript
Attendees
Jeroen Bakker, Sanne de Wit
Transcript
00:00:00

Sanne de Wit: {Q1}
Jeroen Bakker: {A1[0]}
Jeroen Bakker: {A1[1]}
Sanne de Wit: {Q2}
00:05:00

Jeroen Bakker: {A2}
Meeting ended after 00:05:31 👋

This editable transcript was computer generated and might contain errors. People can also change the text after it was created.
""")

# Amberscript export (.txt and .docx, "with timestamps" and speakers): `Spreker N [hh:mm:ss]`, then the text.
amber = ["Spreker 1 [00:00:00]", Q1, "",
         "Spreker 2 [00:00:07]", A1[0], A1[1], "",
         "Spreker 1 [00:00:21]", Q2, "",
         "Spreker 2 [00:00:24]", A2]
docx("amberscript.docx", amber)
write("amberscript.txt", "\n".join(amber) + "\n")
