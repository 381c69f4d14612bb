import Foundation
import Testing
@testable import CodeboomTestSupport

/// Transcription tools' exports end to end (issue 19): `segments` shows how a file was read, the
/// interviewer is declared per document, and a participant's name never reaches a report.
@Suite struct TranscriptToolsCLITests {
    /// A Happy Scribe export with the interviewer declared in front matter; a tab typed in the last answer.
    static let happyScribe = """
    ---
    interviewer: Speaker 1
    perspectief: vrijwilliger
    ---
    [00:00:00.120] - Speaker 1
    Hoe ben je bij de voedselbank terechtgekomen?

    [00:00:07.410] - Speaker 2
    Via mijn buurvrouw.
    Dat was in 2019.

    [00:01:02.000] - Speaker 1
    En nu?

    [01:00:24.900] - Speaker 2
    Ik sorteer\tkratten.

    """

    @Test("segments --format tsv writes segment, start, end, label, respondent, perspective, time and the whole text, escaped")
    func segmentsTSV() throws {
        let project = try TemporaryProject(["Corpus/happyscribe.txt": Self.happyScribe])
        defer { project.remove() }
        let result = try runCodeboom(["segments", "happyscribe", "--format", "tsv", "--project", project.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["segment", "start", "end", "label", "respondent", "perspective", "time", "text"])
        #expect(rows.last == [""], "the listing ends with a line feed")
        let body = rows.dropFirst().dropLast()
        #expect(body.allSatisfy { $0.count == 8 })
        // Offsets are numbers that grow from segment to segment; the other columns as read by hand.
        let offsets = body.flatMap { [Int($0[1]) ?? -1, Int($0[2]) ?? -1] }
        #expect(offsets == offsets.sorted() && !offsets.contains(-1), "\(offsets)")
        #expect(body.map { [$0[0]] + Array($0[3...]) } == [
            ["1", "Speaker 1", "interviewer", "", "00:00:00.120", "Hoe ben je bij de voedselbank terechtgekomen?"],
            ["2", "Speaker 2", "happyscribe/S2", "vrijwilliger", "00:00:07.410", "Via mijn buurvrouw.\\nDat was in 2019."],
            ["3", "Speaker 1", "interviewer", "", "00:01:02", "En nu?"],
            ["4", "Speaker 2", "happyscribe/S2", "vrijwilliger", "01:00:24.900", "Ik sorteer\\tkratten."],
        ])
    }

    @Test("segments lists number, label, respondent, perspective, time and first words per turn")
    func segmentsListing() throws {
        let project = try TemporaryProject(["Corpus/happyscribe.txt": Self.happyScribe])
        defer { project.remove() }
        let result = try runCodeboom(["segments", "happyscribe", "--project", project.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(lines.count == 4)
        // Columns are padded with spaces; split on them, the offsets (second column) left aside.
        #expect(lines.map { [$0[0]] + Array($0[2...]) } == [
            ["§1", "Speaker", "1", "interviewer", "-", "00:00:00.120", "Hoe", "ben", "je", "bij", "de", "voedselbank", "terechtgekomen?"],
            ["§2", "Speaker", "2", "happyscribe/S2", "vrijwilliger", "00:00:07.410", "Via", "mijn", "buurvrouw.", "Dat", "was", "in", "2019."],
            ["§3", "Speaker", "1", "interviewer", "-", "00:01:02", "En", "nu?"],
            ["§4", "Speaker", "2", "happyscribe/S2", "vrijwilliger", "01:00:24.900", "Ik", "sorteer", "kratten."],
        ])
    }

    @Test("segments refuses an unknown --format")
    func segmentsFormat() throws {
        let result = try runCodeboom(["segments", "x", "--format", "csv", "--project", TestPaths.miniStudy])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown format \"csv\" (use md or tsv)"))
    }

    /// An Otter export of a focus group of named participants, one of them mapped in respondenten.csv, one coded.
    static let otter = """
    Sanne de Wit  0:00  
    Wat vinden jullie van de nieuwe uitgifte?

    Jeroen Bakker  0:07  
    Het gaat veel sneller dan vroeger. #alpha

    Mila van Dijk  0:15  
    Ik mis het praatje bij de deur. #alpha

    Sanne de Wit  0:21  
    Dank jullie wel.

    Transcribed by https://otter.ai

    """

    @Test("an unmapped named speaker is cited as DOCUMENT/S2 in every report page, never by name; check warns")
    func namedSpeakersStayOutOfReports() throws {
        let project = try TemporaryProject([
            "Corpus/otter-groep.txt": Self.otter,
            "Corpus/documenten.csv": "document,type,perspectief,interviewer\notter-groep,focusgroep,vrijwilliger,Sanne de Wit\n",
            "Corpus/respondenten.csv": "respondent,perspectief,document,spreker\nV7,vrijwilliger,otter-groep,Mila van Dijk\n",
        ])
        defer { project.remove() }
        let check = try runCodeboom(["check", "--project", project.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("Corpus/otter-groep.txt:1:1: warning: 1 named speaker is not mapped to a respondent id: \"Jeroen Bakker\" (otter-groep/S2)"),
                "\(check.stdout)")
        let out = project.root.appendingPathComponent("rapport")
        let report = try runCodeboom(["report", "--out", out.path, "--project", project.path])
        #expect(report.status == 0, "\(report.stderr)")
        var pages = ""
        for file in try ReportFiles.texts(in: out) { pages += file.text }
        for name in ["Jeroen", "Bakker", "Sanne", "Mila"] { #expect(!pages.contains(name), "a report page names \(name)") }
        // The quotes cite the respondent by number and id, with the turn's time.
        #expect(pages.contains("(otter-groep/S2, otter-groep §2 [00:00:07])"), "\(pages)")
        #expect(pages.contains("(V7, otter-groep §3 [00:00:15])"), "\(pages)")
    }

    @Test("generic labels without a declared interviewer get a check warning with each label's turns and words and the line to add")
    func genericLabelsWarning() throws {
        let word = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("transcripts/word-transcribe.txt"), encoding: .utf8)
        let project = try TemporaryProject(["Corpus/word-transcribe.txt": word])
        defer { project.remove() }
        let check = try runCodeboom(["check", "--project", project.path])
        #expect(check.stdout.contains("Corpus/word-transcribe.txt:1:1: warning: the speakers are a tool's generic labels "
            + "(Speaker 1: 2 turns, 19 words; Speaker 2: 2 turns, 30 words) and none is declared the interviewer, so every turn "
            + "counts as a respondent's — add the line `interviewer: Speaker 1` to the front matter"), "\(check.stdout)")
        // Declared, the warning goes and the interviewer's turns are the interviewer's.
        try project.write("Corpus/word-transcribe.txt", "---\ninterviewer: Speaker 1\n---\n" + word)
        let declared = try runCodeboom(["check", "--project", project.path])
        #expect(!declared.stdout.contains("generic labels"), "\(declared.stdout)")
        let segments = try runCodeboom(["segments", "word-transcribe", "--format", "tsv", "--project", project.path])
        #expect(segments.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false)[4] }
                == ["interviewer", "word-transcribe/S2", "interviewer", "word-transcribe/S2"])
    }
}

/// Every fixture of `Fixtures/transcripts/` in one project: no timestamp a tool wrote is found by
/// `search`, coded by `autocode` or shown in a report's quotes (issue 19).
@Suite struct TranscriptTimestampsCLITests {
    static let codebook = """
    # Tijden

    ## Thema {#thema}
    deelvraag: 1

    ### Tijd {#tijd}
    trefwoorden: 00, 02, 07, 12, 14, 15, 19, 20, 21, 24, 29, "00:00", "0:07", seconds, pause

    ### Buur {#buur}
    trefwoorden: buurvrouw, kratten

    """

    /// A time as the fixtures write them, other than the "10:30" said in the interview.
    static func timestamps(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\d+:\d\d([:.,-]\d+)*"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
            .filter { $0 != "10:30" }
    }

    @Test("search, autocode and report quotes never hold a timestamp from any tool's export")
    func noTimestamps() throws {
        let folder = TestPaths.fixtures.appendingPathComponent("transcripts")
        var files: [String: String] = ["Codebooks/tijden.md": Self.codebook]
        let project = try TemporaryProject(files, codebook: nil)
        defer { project.remove() }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // A perspective for every document, so the report quotes them.
        var table = "document,perspectief\n"
        for name in names {
            // One id per file: `teams.txt` and `teams.docx` would be one document twice.
            let url = folder.appendingPathComponent(name)
            let unique = name.replacingOccurrences(of: ".", with: "-") + "." + url.pathExtension
            try project.write("Corpus/\(unique)", bytes: Array(try Data(contentsOf: url)))
            table += name.replacingOccurrences(of: ".", with: "-") + ",vrijwilliger\n"
        }
        try project.write("Corpus/documenten.csv", table)
        files.removeAll()

        let search = try runCodeboom(["search", "00", "02", "07", "12", "14", "15", "21", "24", "\"00:00\"", "seconds", "pause", "buurvrouw",
                                      "--format", "csv", "--project", project.path])
        #expect(search.status == 0, "\(search.stderr)")
        let hits = search.stdout.split(separator: "\n").dropFirst()
        // The control term is found once in every fixture; no time is.
        #expect(hits.count == names.count, "\(search.stdout)")
        #expect(hits.allSatisfy { $0.contains(",buurvrouw,") }, "\(search.stdout)")
        #expect(Self.timestamps(in: search.stdout).isEmpty, "\(search.stdout)")

        let autocode = try runCodeboom(["autocode", "--project", project.path])
        #expect(autocode.status == 0, "\(autocode.stderr)")
        let codings = try String(contentsOf: project.root.appendingPathComponent("Corpus/codings/auto.csv"), encoding: .utf8)
        #expect(!codings.contains("tijd"), "\(codings)")
        #expect(codings.components(separatedBy: "buur").count - 1 >= names.count * 2, "\(codings)")

        let out = project.root.appendingPathComponent("rapport")
        let report = try runCodeboom(["report", "--coder", "auto", "--out", out.path, "--project", project.path])
        #expect(report.status == 0, "\(report.stderr)")
        var pages = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: out.path) where file.hasSuffix(".md") {
            pages += try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        }
        #expect(pages.contains("“Via mijn buurvrouw."), "the report quotes the answers")
        // Quotes cite the turn's time in brackets after the source; the quoted words hold none.
        let citations = try NSRegularExpression(pattern: #" \[\d\d:\d\d:\d\d\]\)"#)
        let withoutCitations = citations.stringByReplacingMatches(in: pages, range: NSRange(pages.startIndex..., in: pages), withTemplate: ")")
        #expect(Self.timestamps(in: withoutCitations).isEmpty, "\(withoutCitations)")
    }
}
