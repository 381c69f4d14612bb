import Foundation
import Testing
@testable import CodeboomCLI
@testable import Codeboom
@testable import CodeboomTestSupport

/// `import(export(project))` is the project again: the same codebook, texts, metadata, codings per coder, memos and
/// perspectives, and `freq` and `report` print the same — on generated projects whose text holds what code points,
/// UTF-16 units and grapheme clusters count differently, and on the example study.
@Suite struct REFIRoundTripTests {
    /// Runs a command in-process, as the `codeboom` binary would.
    private func run(_ arguments: [String]) -> CommandResult { CommandRunner.run(arguments: arguments) }

    /// Exports `project` and imports the archive into a new folder; returns that folder.
    private func roundTrip(_ project: String, in folder: URL, warnings: String = "") throws -> URL {
        let archive = folder.appendingPathComponent("project.qdpx")
        let exported = run(["export", "--qdpx", archive.path, "--project", project])
        #expect(exported.exitStatus == 0, "\(exported.standardError)")
        let imported = folder.appendingPathComponent("imported")
        let result = run(["import", archive.path, "--into", imported.path])
        #expect(result.exitStatus == 0, "\(result.standardError)")
        #expect(result.standardError == warnings.replacingOccurrences(of: "ARCHIVE", with: archive.path))
        return imported
    }

    /// What a code is, all of it.
    private func describe(_ code: Code) -> String {
        [code.id, code.label, "\(code.depth)", code.parentID ?? "-", code.childIDs.joined(separator: ","), code.description,
         code.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";"),
         code.deelvragen.map(String.init).joined(separator: ","), code.wifa.map { "\($0)" } ?? "-", code.summary ?? "-"].joined(separator: "|")
    }

    /// The text after the front matter.
    private func body(_ text: String) -> String {
        guard text.hasPrefix("---\n"), let close = text.range(of: "\n---\n") else { return text }
        return String(text[close.upperBound...])
    }

    private func compareProjects(_ original: String, _ imported: String, coders: [String], memos: Bool = true) throws {
        let before = try loadProject(original)
        let after = try loadProject(imported)
        #expect(after.errors.isEmpty, "\(after.errors)")
        #expect(after.project.codebook.codes.map(describe) == before.project.codebook.codes.map(describe))
        #expect(after.project.codebook.title == before.project.codebook.title)
        #expect(after.project.codebook.deelvraagQuestions == before.project.codebook.deelvraagQuestions)
        #expect(after.project.codebook.introduction == before.project.codebook.introduction)
        #expect(after.project.coders == before.project.coders)
        for coder in coders {
            func key(_ coding: Coding) -> String {
                "\(coding.documentID)|\(coding.segments)|\(coding.codeID)|\(coding.memo ?? "-")"
            }
            #expect(after.project.codings(by: coder).map(key).sorted() == before.project.codings(by: coder).map(key).sorted(), "coder \(coder)")
        }
        #expect(after.project.respondents.mapValues(\.perspective) == before.project.respondents.mapValues(\.perspective))
        #expect(after.project.respondents.mapValues { $0.documentIDs.sorted() } == before.project.respondents.mapValues { $0.documentIDs.sorted() })
        if memos { #expect(after.project.memos == before.project.memos) }
        let originalDocuments = try readDocuments(original)
        let importedDocuments = try readDocuments(imported)
        #expect(importedDocuments.map(\.id) .sorted() == originalDocuments.map(\.id).sorted())
        for document in originalDocuments {
            guard let other = importedDocuments.first(where: { $0.id == document.id }) else { continue }
            #expect(body(other.text) == body(document.text), "text of \(document.id)")
            #expect(other.metadata == document.metadata, "metadata of \(document.id)")
            #expect(other.segments.map(\.speaker) == document.segments.map(\.speaker), "speakers of \(document.id)")
        }
    }

    /// `freq` in every format and the report pages of every coder, compared; `adjust` evens out what cannot travel.
    private func compareOutputs(_ original: String, _ imported: String, coders: [String], in folder: URL,
                                adjust: (String) -> String = { $0 }) throws {
        for coder in coders {
            for format in ["csv", "json", "md"] {
                let before = run(["freq", "--coder", coder, "--format", format, "--project", original])
                let after = run(["freq", "--coder", coder, "--format", format, "--project", imported])
                #expect(before.exitStatus == 0)
                #expect(after.standardOutput == before.standardOutput, "freq --coder \(coder) --format \(format)")
            }
            let pagesBefore = folder.appendingPathComponent("report-before-\(coder)")
            let pagesAfter = folder.appendingPathComponent("report-after-\(coder)")
            #expect(run(["report", "--coder", coder, "--date", "1 januari 2027", "--out", pagesBefore.path, "--project", original]).exitStatus == 0)
            #expect(run(["report", "--coder", coder, "--date", "1 januari 2027", "--out", pagesAfter.path, "--project", imported]).exitStatus == 0)
            // Every file the report writes: pages, charts, rapport.html and rapport.docx's document.xml.
            let filesBefore = try ReportFiles.texts(in: pagesBefore)
            let filesAfter = try ReportFiles.texts(in: pagesAfter)
            #expect(filesAfter.map(\.file) == filesBefore.map(\.file))
            for ((page, textBefore), (_, textAfter)) in zip(filesBefore, filesAfter) {
                // The codebook's file name is not in REFI-QDA: the project's name (the codebook's title) names it.
                let codebookLine = /Codebooks\/[^ <"]+\.md/
                let before = adjust(textBefore.replacing(codebookLine, with: "Codebooks/X.md"))
                let after = textAfter.replacing(codebookLine, with: "Codebooks/X.md")
                #expect(after == before, "page \(page) of coder \(coder)")
            }
        }
    }

    @Test("generated projects with emoji, combining characters and \\r\\n come back the same, and freq and report print the same",
          arguments: [1, 2, 3, 4, 5] as [UInt64])
    func generated(seed: UInt64) throws {
        let folder = try REFIFixtures.temporaryFolder("roundtrip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let study = GeneratedStudy(seed: seed)
        let project = try TemporaryProject(study.files, codebook: nil)
        defer { project.remove() }
        #expect(try loadProject(project.path).errors.isEmpty)
        let imported = try roundTrip(project.path, in: folder)
        try compareProjects(project.path, imported.path, coders: ["inline", "TS"])
        try compareOutputs(project.path, imported.path, coders: ["inline", "TS"], in: folder)
    }

    @Test("the example study comes back the same: freq identical, report identical but for what REFI-QDA has no place for")
    func exampleStudy() throws {
        let folder = try REFIFixtures.temporaryFolder("roundtrip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let study = TestPaths.packageRoot.path
        let imported = try roundTrip(study, in: folder)
        // pseudoniemen.csv is the researcher's, not the project's: export leaves it out, and so it is copied.
        try FileManager.default.copyItem(atPath: study + "/Corpus/pseudoniemen.csv", toPath: imported.path + "/Corpus/pseudoniemen.csv")
        // Word-comment memos without a code have no coding to hang on in a text file (listed by import), and the
        // subtitle's cue times are not text, and every source comes back as a text file (rapport.html names each
        // quote's file): everything else is compared.
        try compareProjects(study, imported.path, coders: ["inline", "TS"], memos: false)
        try compareOutputs(study, imported.path, coders: ["inline", "TS"], in: folder) { page in
            page.replacing(/\ \[\d\d:\d\d:\d\d\]\)/, with: ")")
                .replacing(/(Corpus\/[^<"]+)\.(docx|odt|vtt|srt|pdf)</) { "\($0.output.1).txt<" }
        }
    }
}

/// A study made from a seed: two categories of codes whose labels hold diacritics and emoji and whose ids are the
/// labels' slugs or a run of their words, interviews (some with `\r\n`) and a focus group whose turns hold emoji,
/// a flag, `ß`, `ĳ` and decomposed accents, inline tags, and a second coder's sidecar rows by segment and by offset,
/// with memos.
struct GeneratedStudy {
    var files: [String: String] = [:]

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let labels = ["Een juiste match", "Één keer 😀 per week", "Zoë's cafe\u{301}", "Korte lijnen", "Wachtlijst ⏳",
                      "Thuis 👩\u{200D}👩\u{200D}👧", "Straße en ĳs", "Grensdilemma's"]
        var codebook = "# Samen 🇳🇱 — codeboek\ndeelvraag 1: Wat gaat goed?\ndeelvraag 2: Wat knelt er?\n\nInleiding met é en 😀.\n"
        var ids: [String] = []
        var index = 0
        for (category, label) in [("succes", "Succes"), ("knelpunten", "Knelpunten ⚠️")].enumerated().map({ ($0.element.0, $0.element.1) }) {
            codebook += "\n## \(label) {#\(category)}\ndeelvraag: \(category == "succes" ? 1 : 2)\n\nWat \(label.lowercased()) is.\n"
            for _ in 0..<4 {
                let text = labels[index % labels.count]
                index += 1
                let slug = text.slug
                let words = slug.split(separator: "-")
                // The slug itself, or its last words: an id import finds again from the code's GUID.
                let id = words.count > 1 && Bool.random(using: &random) ? words.suffix(2).joined(separator: "-") : slug
                guard !ids.contains(id) else { continue }
                ids.append(id)
                codebook += "\n### \(text) {#\(id)}\n"
                if Bool.random(using: &random) { codebook += "wifa: \(["W", "I", "F", "A"].randomElement(using: &random)!)\n" }
                if Bool.random(using: &random) { codebook += "trefwoorden: \(words.first ?? "x"), \"\(text.lowercased())\"\n" }
                if Bool.random(using: &random) { codebook += "samenvatting: Kort over \(text).\n" }
                codebook += "\nOmschrijving van \(text), met “aanhalingstekens” & <tekens>.\nTweede regel: nog meer.\n"
            }
        }
        files["Codebooks/samen.md"] = codebook

        let words = ["goed", "café", "e\u{301}cht", "👩\u{200D}👩\u{200D}👧", "🇳🇱", "straße", "ĳsje", "zo", "wachten", "samen", "😀", "fijn"]
        func sentence() -> String {
            (0..<Int.random(in: 4...9, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ") + "."
        }
        let perspectives = ["cliënt", "vrijwilliger", "professional"]
        var sidecar = ["document,segment,code,start,end,memo"]
        var respondents = ["respondent,perspectief,document,spreker"]
        let interviews = Int.random(in: 3...5, using: &random)
        for number in 1...interviews {
            let id = "interview-\(number)"
            let crlf = number % 2 == 0
            var text = "---\ntype: interview\nperspectief: \(perspectives[number % 3])\nrespondent: R\(number)\ndatum: 2026-0\(number)-1\(number)\n---\n"
            var segment = 0
            for turn in 0..<Int.random(in: 3...6, using: &random) {
                segment += 1
                text += "I: Vraag \(turn + 1)? \(sentence())\n"
                segment += 1
                var answer = "R: " + sentence() + " " + sentence()
                if Bool.random(using: &random) { answer += " #\(ids.randomElement(using: &random)!)" }
                // Offsets count code points of the normalised text, front matter included.
                let turnStart = TextDecoder.normalise(text).unicodeScalars.count
                text += answer + "\n"
                let choice = Int.random(in: 0...2, using: &random)
                if choice == 1 {
                    sidecar.append("\(id),\(segment),\(ids.randomElement(using: &random)!),,,")
                } else if choice == 2 {
                    let normalised = Array(TextDecoder.normalise(answer).unicodeScalars)
                    let start = turnStart + 3 + Int.random(in: 0..<5, using: &random)
                    let end = turnStart + min(normalised.count, 3 + Int.random(in: 6..<max(7, normalised.count - 3), using: &random))
                    let memo = Bool.random(using: &random) ? "\"Memo, met 😀 en \"\"citaat\"\"\nen een tweede regel\"" : ""
                    if start < end { sidecar.append("\(id),,\(ids.randomElement(using: &random)!),\(start),\(end),\(memo)") }
                }
            }
            files["Corpus/\(id).txt"] = crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
        }
        // A focus group: every speaker says something coded, so each is in a case's selections.
        var group = "---\ntype: focusgroep\nperspectief: vrijwilliger\n---\n"
        let speakers = ["Anouk", "Zoë", "Henk"]
        for (number, speaker) in speakers.enumerated() {
            respondents.append("V\(number + 1),\(perspectives[(number + 1) % 3]),focusgroep,\(speaker)")
        }
        for round in 0..<2 {
            group += "Gespreksleider: Ronde \(round + 1)?\n"
            for speaker in speakers {
                group += "\(speaker): \(sentence()) #\(ids.randomElement(using: &random)!)\n"
            }
        }
        files["Corpus/focusgroep.txt"] = group
        files["Corpus/respondenten.csv"] = respondents.joined(separator: "\n") + "\n"
        files["Corpus/codings/TS.csv"] = sidecar.joined(separator: "\n") + "\n"
    }
}
