import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct DocumentParserTests {
    let transcript = """
    ---
    id: int-7
    type: interview
    perspectief: vrijwilliger
    respondent: V3
    organisatie: Maatjes
    ---
    I: Hoe begon het?

    R: Nou, via de buurvrouw. #klik
    En toen ging het snel.

    Echt snel. #thema/snel

    Vrijwilliger (V3): Dat zei ik al.
    I: Dank je.
    """

    @Test("front matter becomes metadata and sets id, type, perspective and respondent")
    func frontMatter() {
        let document = DocumentParser.parse(transcript, file: "Corpus/x.txt", defaultID: "x").document
        #expect(document.id == "int-7")
        #expect(document.type == .interview)
        #expect(document.perspective == "vrijwilliger")
        #expect(document.respondent == "V3")
        #expect(document.metadata["organisatie"] == "Maatjes")
    }

    @Test("a speaker line starts a turn that runs to the next speaker line, blank lines included")
    func turns() {
        let document = DocumentParser.parse(transcript, file: "x.txt", defaultID: "x").document
        #expect(document.segments.map(\.label) == ["I", "R", "Vrijwilliger (V3)", "I"])
        #expect(document.segments.map(\.line) == [8, 10, 15, 16])
        #expect(document.text(of: document.segments[1]) == "Nou, via de buurvrouw.\nEn toen ging het snel.\n\nEcht snel.")
    }

    @Test("inline tags are found with line and column, and stripped from the text")
    func tags() {
        let parsed = DocumentParser.parse(transcript, file: "x.txt", defaultID: "x")
        #expect(parsed.tags.map(\.segment) == [2, 2])
        #expect(parsed.tags.map(\.tag.path) == [["klik"], ["thema", "snel"]])
        #expect(parsed.tags.map(\.tag.line) == [10, 13])
        #expect(parsed.tags.map(\.tag.column) == [27, 12])
        #expect(!parsed.document.text(of: parsed.document.segments[1]).contains("#"))
    }

    @Test("offsets count Unicode scalars of the normalised text, end exclusive")
    func offsets() {
        let text = "I: één\nR: cliënt 😀 ja\n"
        let document = DocumentParser.parse(text, file: "x.txt", defaultID: "x").document
        #expect(document.segments.map(\.start) == [0, 7])
        #expect(document.segments.map(\.end) == [6, 21])
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[7..<21])) == "R: cliënt 😀 ja")
        #expect(document.scalarCount == 22)
    }

    @Test("a document without speaker lines is cut into paragraphs at blank lines")
    func paragraphs() {
        let document = DocumentParser.parse("Eerste alinea\nloopt door.\n\n\nTweede alinea. #alpha\n", file: "n.md", defaultID: "n").document
        #expect(document.segments.map(document.text(of:)) == ["Eerste alinea\nloopt door.", "Tweede alinea."])
        #expect(document.segments.map(\.label) == [nil, nil])
    }

    @Test("a tag needs white space or the line start before it and a letter or digit after it")
    func tagBoundaries() {
        let parsed = DocumentParser.parse("Mail#niet en # ook niet, maar #wel. En #ook-dit-\n", file: "n.txt", defaultID: "n")
        #expect(parsed.tags.map(\.tag.codeID) == ["wel", "ook-dit"])
        #expect(parsed.document.text(of: parsed.document.segments[0]) == "Mail#niet en # ook niet, maar. En")
    }

    @Test("an unclosed front matter is an error and the file is read as text")
    func unclosedFrontMatter() {
        let parsed = DocumentParser.parse("---\ntype: interview\nR: hallo\n", file: "Corpus/a.txt", defaultID: "a")
        #expect(parsed.diagnostics.map(\.description) == [
            "Corpus/a.txt:1:1: error: front matter opened with `---` is never closed — add a line `---` after the last `key: value` line",
        ])
    }

    @Test("an unknown document type is an error at its line")
    func unknownType() {
        let parsed = DocumentParser.parse("---\nid: a\ntype: enquête\n---\nR: ja\n", file: "Corpus/a.txt", defaultID: "a")
        #expect(parsed.diagnostics.map(\.description) == [
            "Corpus/a.txt:3:1: error: unknown document type \"enquête\" — use interview, focusgroep or notities",
        ])
    }

    @Test("a label of several words used once is text, with a warning")
    func sentenceIsNotASpeaker() {
        let parsed = DocumentParser.parse("I: Vraag?\nR: Antwoord.\nAchteraf denk ik: ja.\nI: Oké.\n", file: "a.txt", defaultID: "a")
        #expect(parsed.document.segments.map(\.label) == ["I", "R", "I"])
        #expect(parsed.document.text(of: parsed.document.segments[1]) == "Antwoord.\nAchteraf denk ik: ja.")
        #expect(parsed.diagnostics.count == 1)
    }

    @Test("speaker labels: 1–40 characters, starting with a letter or digit, colon then space",
          arguments: [("I: ja", "I"), ("V3: ja", "V3"), ("Vrijwilliger (V3): ja", "Vrijwilliger (V3)"), ("Mevr. de Boer: ja", "Mevr. de Boer"),
                      ("Gespreksleider:", "Gespreksleider")])
    func speakerLabels(line: String, label: String) {
        #expect(SpeakerLabel.parse(line)?.label == label)
    }

    @Test("lines that are not speaker lines", arguments: ["http://example.org", "Nou, zei ik: ja", ": leeg", "-V3: nee", "Tijd:12", String(repeating: "a", count: 41) + ": x"])
    func notSpeakerLabels(line: String) {
        #expect(SpeakerLabel.parse(line) == nil)
    }

    @Test("a label with letters beyond ASCII: offsets, content and tag columns count scalars, not bytes")
    func nonASCIILabels() {
        let text = "Cliënt: één ja #kliëk\nÉlodie: nee\nCliënt: ö #b\nÉlodie: ok\n"
        let parsed = DocumentParser.parse(text, file: "x.txt", defaultID: "x")
        let document = parsed.document
        #expect(document.segments.map(\.label) == ["Cliënt", "Élodie", "Cliënt", "Élodie"])
        #expect(document.segments.map(\.start) == [0, 22, 34, 47])
        #expect(document.segments.map(\.contentStart) == [8, 30, 42, 55])
        #expect(document.segments.map { String(document.words(of: $0)) } == ["één ja #kliëk", "nee", "ö #b", "ok"])
        #expect(parsed.tags.map(\.tag.codeID) == ["kliëk", "b"])
        #expect(parsed.tags.map(\.tag.column) == [16, 11])
        #expect(parsed.tags.map(\.tag.offset) == [15, 44])
        #expect(document.tagRanges == [15..<21, 44..<46])
    }

    @Test("a focus group with more speakers than the short label list keeps every label apart")
    func manySpeakers() {
        let labels = (1...20).map { "P\($0)" }
        let text = (labels + labels).map { "\($0): zegt iets." }.joined(separator: "\n") + "\n"
        let document = DocumentParser.parse(text, file: "f.txt", defaultID: "f").document
        #expect(document.segments.map(\.label) == (labels + labels).map(Optional.some))
        #expect(document.segments.map(\.line) == Array(1...40))
    }

    @Test("front matter fences may carry spaces; `#` lines in front matter are comments")
    func fencesWithSpaces() {
        let parsed = DocumentParser.parse("  ---\n# opmerking\nid: z  \n---  \nR: ja\n", file: "z.txt", defaultID: "y")
        #expect(parsed.document.id == "z")
        #expect(parsed.document.segments.map(\.line) == [5])
        #expect(parsed.diagnostics.isEmpty)
    }
}
