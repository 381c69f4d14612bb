#!/usr/bin/env python3
"""Makes the example study's Word and subtitle transcripts from their plain-text originals.

Run once from the repository root (needs LibreOffice: apt-get install libreoffice-writer):
    python3 Scripts/make-example-documents.py ORIGINALS_DIR
ORIGINALS_DIR holds interview-02.txt, interview-03.txt, interview-16.txt and TS.csv as they were
before conversion (see git history). Writes Corpus/interview-02.docx (second coder TS's codings as
Word comments), Corpus/interview-03.docx (plain conversion, inline tags kept) and
Corpus/interview-16.vtt (cues of at most ~12 words, turns merged by speaker), and prints the
documenten.csv row for interview-16.
"""
import csv, html, os, re, subprocess, sys, tempfile

originals = sys.argv[1]
corpus = "Corpus"

def paragraphs(path):
    return open(path, encoding="utf-8").read().rstrip("\n").split("\n")

def segment_starts(lines):
    """Line index where each segment starts, as codeboom reads it: speaker turns after the front matter."""
    body = lines.index("---", 1) + 1
    label = re.compile(r"^[^\W_][\w .\-'()/&]{0,39}: ")
    return [i for i in range(body, len(lines)) if label.match(lines[i] + " ") or lines[i] in ("I:", "R:")]

def fodt(lines, comments):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" '
           'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>']
    number = 0
    for index, line in enumerate(lines):
        text = html.escape(line, quote=False)
        for code, memo in comments.get(index, []):
            number += 1
            name = f"__Annotation__{number}"
            body = f"<text:p>#{code}</text:p>" + (f"<text:p>{html.escape(memo)}</text:p>" if memo else "")
            start = text.index(": ") + 2 if ": " in text else 0
            text = (text[:start] + f'<office:annotation office:name="{name}"><dc:creator>Tessa Smit</dc:creator>'
                    f'<dc:date>2016-04-20T10:00:00</dc:date><meta:creator-initials>TS</meta:creator-initials>{body}'
                    f'</office:annotation>' + text[start:] + f'<office:annotation-end office:name="{name}"/>')
        out.append(f"<text:p>{text}</text:p>")
    out.append("</office:text></office:body></office:document>")
    return "\n".join(out)

def convert(source, target_format):
    home = tempfile.mkdtemp()
    subprocess.run(["soffice", "--headless", "--convert-to", target_format, "--outdir", corpus, source],
                   check=True, env={**os.environ, "HOME": home}, stdout=subprocess.DEVNULL)

# interview-02: the second coder's codings as Word comments on the first paragraph of each turn.
lines = paragraphs(f"{originals}/interview-02.txt")
starts = segment_starts(lines)
comments = {}
for row in csv.DictReader(open(f"{originals}/TS.csv", encoding="utf-8")):
    if row["document"] == "interview-02":
        comments.setdefault(starts[int(row["segment"]) - 1], []).append((row["code"], row.get("memo") or ""))
with tempfile.TemporaryDirectory() as folder:
    source = os.path.join(folder, "interview-02.fodt")
    open(source, "w", encoding="utf-8").write(fodt(lines, comments))
    convert(source, "docx:MS Word 2007 XML")
    # interview-03: a plain conversion; the inline tags stay in the text.
    source = os.path.join(folder, "interview-03.fodt")
    open(source, "w", encoding="utf-8").write(fodt(paragraphs(f"{originals}/interview-03.txt"), {}))
    convert(source, "docx:MS Word 2007 XML")

# interview-16: a WebVTT file as automatic transcription would give it, with the researcher's tags kept.
lines = paragraphs(f"{originals}/interview-16.txt")
end = lines.index("---", 1)
front = dict(line.split(": ", 1) for line in lines[1:end])
cues, seconds = ["WEBVTT", ""], 2.0
def stamp(value):
    return f"{int(value // 3600):02d}:{int(value // 60 % 60):02d}:{value % 60:06.3f}"
speaker = None
for line in lines[end + 1:]:
    if not line.strip():
        continue
    match = re.match(r"^(I|R): ?(.*)$", line)
    if match:
        speaker, line = match.group(1), match.group(2)
    words = line.split()
    for start in range(0, len(words), 12):
        chunk = " ".join(words[start:start + 12])
        duration = 0.4 * len(chunk.split()) + 0.5
        cues += [f"{stamp(seconds)} --> {stamp(seconds + duration)}", f"<v {speaker}>{chunk}", ""]
        seconds += duration + 0.3
open(f"{corpus}/interview-16.vtt", "w", encoding="utf-8").write("\n".join(cues))
print("interview-16," + ",".join(front.get(key, "") for key in ["type", "perspectief", "respondent", "datum", "organisatie"]))
