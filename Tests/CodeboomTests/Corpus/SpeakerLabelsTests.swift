import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// The rule that decides whether a document is read as speaker turns or as paragraphs.
@Suite struct SpeakerLabelsTests {
    /// A long document without speakers, like a report pasted from Word, with one paragraph that opens with "Source:".
    static let longDocument: String = {
        var paragraphs = (1...400).map { "Alinea \($0) van het verslag, met een zin die gewoon doorloopt en niets met sprekers te maken heeft." }
        paragraphs.insert("Source: het jaarverslag van de gemeente, blz. 12.", at: 2)
        return paragraphs.joined(separator: "\n\n") + "\n"
    }()

    @Test("a one-off label in a long document without recurring labels is text, with a note; the paragraphs stay paragraphs")
    func oneOffLabelInLongDocument() {
        let parsed = DocumentParser.parse(Self.longDocument, file: "Corpus/verslag.docx", defaultID: "verslag")
        #expect(parsed.document.segments.count == 401)
        #expect(parsed.document.segments.allSatisfy { $0.label == nil })
        #expect(parsed.document.text(of: parsed.document.segments[2]) == "Source: het jaarverslag van de gemeente, blz. 12.")
        #expect(parsed.document.text(of: parsed.document.segments[3]).hasPrefix("Alinea 3 van het verslag"))
        #expect(parsed.diagnostics.map(\.description) == [
            "Corpus/verslag.docx:5:1: note: \"Source:\" is read as text, not as a speaker: no speaker label recurs in this document — if it is a speaker, write the label at each of their turns, or list it in respondenten.csv or under `sprekers:` in the front matter",
        ])
    }

    @Test("several one-off labels give one note, at the first")
    func severalOneOffLabels() {
        let parsed = DocumentParser.parse("Inleiding.\n\nBron: CBS\n\nNoot: zie bijlage\n\nDatum: 3 mei\n", file: "n.txt", defaultID: "n")
        #expect(parsed.document.segments.map(\.label) == [nil, nil, nil, nil])
        #expect(parsed.diagnostics.map(\.message) == ["\"Bron:\" is read as text, not as a speaker: no speaker label recurs in this document (nor 2 other one-off labels, also read as text)"])
        #expect(parsed.diagnostics.map(\.location.line) == [3])
    }

    /// (transcript, respondenten.csv rows for document "d", the labels of its segments).
    static let turnModes: [(String, String, [String?])] = [
        // A label that recurs makes turns; then a one-word label used once is a turn too.
        ("Anna: ja\nBert: nee\nAnna: toch\nNoot: weg\n", "", ["Anna", "Bert", "Anna", "Noot"]),
        // Interviewer and respondent labels by convention are declared.
        ("I: Hoe ging het?\nAntwoord volgt.\n", "", ["I"]),
        ("R: Een lang antwoord.\n", "", ["R"]),
        ("Respondent: Een lang antwoord.\n", "", ["Respondent"]),
        // respondenten.csv declares the labels of its document.
        ("Anouk: Ik zeg één ding.\n", "V2,vrijwilliger,d,anouk", ["Anouk"]),
        ("Mevr. de Boer: Ik zeg één ding.\n", "V2,vrijwilliger,d,Mevr. de Boer", ["Mevr. de Boer"]),
        // … only for that document.
        ("Anouk: Ik zeg één ding.\n", "V2,vrijwilliger,ander,Anouk", [nil]),
        // The front matter declares its respondent and its sprekers.
        ("---\nrespondent: V3\n---\nV3: Mijn verhaal.\n", "", ["V3"]),
        ("---\nsprekers: Anouk, Henk\n---\nHenk: Mijn verhaal.\n", "", ["Henk"]),
        // Without any of these, a label used once is text.
        ("Source: de krant\n", "", [nil]),
        // In turn mode a sentence-like label of several words used once stays text (the rule from before).
        ("I: Vraag?\nR: Antwoord.\nAchteraf denk ik: ja.\n", "", ["I", "R"]),
    ]

    @Test("a document is in turn mode only when a label recurs or is declared", arguments: turnModes)
    func turnMode(text: String, rows: String, labels: [String?]) {
        let table = RespondentTable.parse("respondent,perspectief,document,spreker\n\(rows)\n", file: "r.csv").table
        let parsed = DocumentParser.parse(text, file: "d.txt", defaultID: "d", respondents: table)
        #expect(parsed.document.segments.map(\.label) == labels)
    }

    @Test("hand-typed I:/R:/V1: transcripts read as before: every turn, blank lines inside turns, numbers from 1")
    func handTyped() {
        let parsed = DocumentParser.parse("I: Vraag een.\n\nV1: Antwoord\nloopt door.\n\nI: Vraag twee.\nV1: Kort.\n", file: "i.txt", defaultID: "i")
        #expect(parsed.document.segments.map(\.label) == ["I", "V1", "I", "V1"])
        #expect(parsed.document.segments.map(\.number) == [1, 2, 3, 4])
        #expect(parsed.document.text(of: parsed.document.segments[1]) == "Antwoord\nloopt door.")
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test("a label declared in respondenten.csv is read as a speaker in a whole project")
    func declaredInProject() throws {
        let project = try TemporaryProject([
            "Corpus/fg.txt": "---\ntype: focusgroep\nperspectief: vrijwilliger\n---\nAnouk: Ik zeg maar één ding. #alpha\n",
            "Corpus/respondenten.csv": "respondent,perspectief,document,spreker\nV2,vrijwilliger,fg,Anouk\n",
        ])
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.project.documents.first?.segments.map(\.speaker) == [.respondent("V2")])
        #expect(FrequencyTable(project: load.project, coder: "inline").row(code: "alpha", perspective: nil)?.respondents == 1)
    }

    @Test("a focus group with thousands of distinct speakers is resolved without comparing every turn with every speaker",
          .timeLimit(.minutes(1)))
    func manyDistinctSpeakers() throws {
        var text = "---\ntype: focusgroep\nperspectief: vrijwilliger\n---\n"
        for number in 0..<5_000 { text += "I: Vraag?\nP\(number): Antwoord.\n" }
        let project = try TemporaryProject(["Corpus/fg.txt": text])
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.project.documents.first?.segments.count == 10_000)
        #expect(load.project.respondents.count == 5_000)
        #expect(load.project.respondents["fg/P4999"]?.perspective == "vrijwilliger")
    }

    @Test("labels a reader settled are speakers: a Word table headed spreker | tekst, each speaking once")
    func tableSpeakersAreDeclared() throws {
        let cell = { (text: String) in "<w:tc><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>" }
        let rows = [("Spreker", "Tekst"), ("Marieke", "Ik kwam later."), ("Ruud", "Ik ook.")]
            .map { "<w:tr>\(cell($0.0))\(cell($0.1))</w:tr>" }.joined()
        var writer = TestZipWriter()
        writer.add("word/document.xml", """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>\(rows)</w:tbl></w:body></w:document>
            """)
        let project = try TemporaryProject([:])
        defer { project.remove() }
        try project.write("Corpus/tabel.docx", bytes: Array(writer.archive()))
        let read = DocumentReader.read(project.root.appendingPathComponent("Corpus/tabel.docx"), relativePath: "Corpus/tabel.docx")
        #expect(read.parsed?.document.segments.map(\.label) == ["Marieke", "Ruud"])
        #expect(read.diagnostics.isEmpty)
    }

    @Test("a reader that decided every label has the last word: no label of the parser's own, no second note")
    func readerDecidesAll() {
        let parsed = DocumentParser.parse("Digo: nee.\nAnouk: ja.\nR: ook.\n", file: "f.srt", defaultID: "f",
                                          readerSpeakers: ReaderSpeakers(labels: ["anouk"], decidesAll: true))
        #expect(parsed.document.segments.map(\.label) == [nil, "Anouk"])
        #expect(parsed.diagnostics.isEmpty)
    }
}
