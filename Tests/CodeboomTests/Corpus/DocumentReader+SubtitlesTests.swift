import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// Subtitle files in every encoding a text transcript may have (issue 11.3): the same decoder, the same warning.
@Suite struct SubtitleFileTests {
    /// What `film.srt` reads as: one paragraph (no speakers), the one-off labels left as text.
    static let filmText = "Gedownload van www.ondertitels.example DEZE FILM VERTELT GEBEURTENISSEN DIE ECHT ZIJN GEBEURD. "
        + "NAMEN, PLAATSEN EN GEBEURTENISSEN ZIJN VERANDERD. Er was een tijd, vóór de kabel, dat de lokale nieuwslezer heerste. "
        + "En in Rijnstad versloeg één lezer ze allemaal: Ron Brouwer. Regel nummer één: niet aankomen. "
        + "Zijn pakken kostten €\u{00A0}500 — hij zei: “dat is het waard’”."

    static func utf16(_ text: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
        let units = (bom ? [0xFEFF] : []) + Array(text.utf16)
        return units.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    static func utf32LittleEndian(_ text: String) -> [UInt8] {
        ([0xFEFF] + text.unicodeScalars.map(\.value)).flatMap { value in (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
    }

    /// The film in the encodings Windows tools and subtitle sites write.
    static func encodings() throws -> [(name: String, bytes: [UInt8])] {
        let film = try #require(String(data: try Fixtures.data("subtitles/film.srt"), encoding: .utf8))
        let filmLF = film.replacingOccurrences(of: "\r\n", with: "\n")
        return [
            ("UTF-8", Array(film.utf8)),
            ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + Array(film.utf8)),
            ("Windows-1252", Array(try #require(film.data(using: .windowsCP1252)))),
            ("UTF-16LE with BOM, LF", utf16(filmLF, littleEndian: true, bom: true)),
            ("UTF-16BE with BOM", utf16(film, littleEndian: false, bom: true)),
            ("UTF-16LE without BOM", utf16(film, littleEndian: true, bom: false)),
            ("UTF-32LE with BOM", utf32LittleEndian(film)),
        ]
    }

    @Test("a .srt in Windows-1252, UTF-16 or UTF-32 reads like its UTF-8 original; Windows-1252 warns as a .txt does")
    func encodings() throws {
        for (name, bytes) in try Self.encodings() {
            for ext in ["srt", "txt"] {
                let project = try TemporaryProject([:])
                defer { project.remove() }
                try project.write("Corpus/film.\(ext)", bytes: bytes)
                let read = DocumentReader.read(project.root.appendingPathComponent("Corpus/film.\(ext)"), relativePath: "Corpus/film.\(ext)")
                // A .txt of the film also gets the text parser's speaker-label warnings; only the decoder's are compared.
                let warnings = read.diagnostics.filter { $0.severity == .warning && !$0.message.contains("speaker") }.map(\.description)
                switch name {
                case "Windows-1252":
                    // The first byte that is not UTF-8 is the ó of "vóór", line 17, column 19.
                    #expect(warnings == ["Corpus/film.\(ext):17:19: warning: not valid UTF-8; read as Windows-1252 — save the file as UTF-8 to be sure every character is read as meant"], "\(name) .\(ext)")
                case "UTF-16LE without BOM":
                    #expect(warnings == ["Corpus/film.\(ext):1:1: warning: no byte order mark; read as UTF-16LE by the NUL bytes in its characters — save the file as UTF-8 to be sure every character is read as meant"], "\(name) .\(ext)")
                default:
                    #expect(warnings.isEmpty, "\(name) .\(ext): \(warnings)")
                }
                guard ext == "srt" else { continue }
                let document = try #require(read.parsed?.document, "\(name)")
                #expect(document.segments.map(document.text(of:)) == [Self.filmText], "\(name)")
                #expect(document.segments.map(\.time) == [1], "\(name)")
                #expect(read.diagnostics.filter { $0.severity == .note }.map { "\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.message)" } == [
                    "31:1 \"Regel nummer één:\" is read as text, not as a speaker: no speaker label recurs in this file",
                    // "hij zei:" opens the cue's second (wrapped) line: never a label, so nothing to note (issue 19).
                ], "\(name)")
            }
        }
    }

    @Test("a subtitle file with NUL bytes, or broken UTF-16, is one clear error and the rest of the corpus is read")
    func undecodable() throws {
        let project = try TemporaryProject(["Corpus/goed.srt": "1\n00:00:01,000 --> 00:00:02,000\nI: Hallo.\n"])
        defer { project.remove() }
        try project.write("Corpus/nul.srt", bytes: Array("1\n00:00:01,000 --> 00:00:02,000\nI: Hal".utf8) + [0, 0x6C, 0x6F, 0x0A])
        try project.write("Corpus/kapot.vtt", bytes: [0xFF, 0xFE] + Self.utf16("WEBVTT\n\n", littleEndian: true, bom: false) + [0x00, 0xD8, 0x41, 0x00])
        let load = try loadProject(project.path)
        #expect(load.errors.map(\.description) == [
            "Corpus/kapot.vtt:3:1: error: the file is UTF-16LE text with a broken character here (half a surrogate pair, or an odd number of bytes) — save the file again as UTF-8 text",
            "Corpus/nul.srt:3:7: error: the file holds a NUL byte, which text never does: it is a binary file, or UTF-16 or UTF-32 text without a byte order mark — check that this is the text file you meant, and save it as UTF-8 text",
        ])
        #expect(load.project.documents.map(\.id) == ["goed"])
    }

    /// Reads one subtitle file as a corpus document.
    private func document(_ name: String, _ text: String) throws -> (segments: [String], diagnostics: [String]) {
        let project = try TemporaryProject([:])
        defer { project.remove() }
        try project.write("Corpus/\(name)", text)
        let read = DocumentReader.read(project.root.appendingPathComponent("Corpus/\(name)"), relativePath: "Corpus/\(name)")
        let document = try #require(read.parsed?.document)
        let segments = document.segments.map { "\($0.label ?? "-")|\(document.text(of: $0))" }
        return (segments, read.diagnostics.map(\.description))
    }

    @Test("a one-off Name: in the middle of a film does not make the rest of the film one speaker's turn")
    func oneOffLabelInFilm() throws {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nHij keek me aan.\n\n2\n00:00:02,000 --> 00:00:03,000\nDigo: \"nee\".\n\n3\n00:00:03,000 --> 00:00:04,000\nEn hij ging.\n"
        let read = try document("film.srt", srt)
        #expect(read.segments == ["-|Hij keek me aan. Digo: \"nee\". En hij ging."])
        #expect(read.diagnostics.count == 1)
        #expect(read.diagnostics.first?.hasPrefix("Corpus/film.srt:7:1: note: \"Digo:\" is read as text") == true)
    }

    @Test("a one-off Name: opening the first cue is text too")
    func oneOffLabelFirst() throws {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nDigo: \"nee\".\n\n2\n00:00:02,000 --> 00:00:03,000\nEn hij ging.\n"
        // The subtitle reader leaves the label as text and the turn line then opens with it: the text
        // parser keeps to the reader's decision, and only the reader's note is given.
        let read = try document("film.srt", srt)
        #expect(read.segments == ["-|Digo: \"nee\". En hij ging."])
        #expect(read.diagnostics.count == 1)
    }

    @Test("voice tags are speakers of the document even when each speaks once")
    func voicesOnce() throws {
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anouk>Ja, dat klopt.\n\n00:02.000 --> 00:03.000\n<v Henk>Nee hoor.\n"
        #expect(try document("gesprek.vtt", vtt).segments == ["Anouk|Ja, dat klopt.", "Henk|Nee hoor."])
    }
}
