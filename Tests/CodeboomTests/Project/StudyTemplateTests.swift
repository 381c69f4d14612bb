import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct StudyTemplateTests {
    /// A fresh folder name under the temporary folder, not yet created.
    func freshFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-init-\(UUID().uuidString)")
    }

    /// Every name under `folder`, hidden ones too, relative and sorted.
    func tree(_ folder: URL) -> [String] {
        let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return names.sorted()
    }

    @Test("the example study loads with no error or warning: four categories with one theme each, one interview coding each theme once")
    func exampleLoadsClean() throws {
        let folder = freshFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try StudyTemplate(.example).write(into: folder.path)
        let load = try loadProject(folder.path)
        #expect(load.errors.isEmpty)
        #expect(load.warnings.isEmpty)
        let codebook = load.project.codebook
        #expect(codebook.codes.filter(\.isCategory).map(\.label) == ["Succesfactoren", "Spanningen en dilemma's", "Belemmeringen", "Wensen"])
        let themes = codebook.codes.filter { $0.depth == 1 }
        #expect(themes.map(\.id) == ["waardering", "informatie-delen", "agendadruk", "meer-afstemmen"])
        // One WIFA dimension per theme, in the model's order; each theme its category's deelvraag.
        #expect(themes.map(\.wifa) == [.waardering, .informeren, .faciliteren, .afstemming])
        #expect(themes.map(\.deelvragen) == [[1], [2], [3], [4]])
        #expect(codebook.deelvraagQuestions.keys.sorted() == [1, 2, 3, 4])
        for theme in themes {
            #expect(theme.attributes["trefwoorden"]?.isEmpty == false, "\(theme.id)")
            #expect(theme.summary?.isEmpty == false, "\(theme.id)")
            #expect(theme.summary?.contains("\n") == false, "\(theme.id)")
        }
        // The interview: V1, a vrijwilliger, with the four tags on four of her six turns (hand count).
        let document = try #require(load.project.documents.first)
        #expect(load.project.documents.count == 1)
        #expect(document.id == "interview-01")
        #expect(document.metadata["datum"] == "2025-03-12")
        #expect(load.project.respondents.keys.sorted() == ["V1"])
        #expect(load.project.respondents["V1"]?.perspective == "vrijwilliger")
        let codings = load.project.codings.filter { $0.coder == InlineCoder.defaultName }
        #expect(codings.map(\.codeID).sorted() == ["agendadruk", "informatie-delen", "meer-afstemmen", "waardering"])
        #expect(load.project.pseudonyms.entries.map(\.name) == ["Marloes"])
    }

    @Test("every report page of the example study matches its reviewed golden file")
    func exampleReportGolden() throws {
        let folder = freshFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try StudyTemplate(.example).write(into: folder.path)
        let pages = ReportBuilder.pages(ReportContext(project: try loadProject(folder.path).project, coder: InlineCoder.defaultName))
        #expect(pages.map(\.file).sorted() == [
            "deelvraag-1.md", "deelvraag-2.md", "deelvraag-3.md", "deelvraag-4.md", "frequenties.csv", "frequenties.md",
            "index.md", "memos.md", "perspectief-vrijwilliger.md", "samenhang.md", "tabel-met-resultaten.md", "wifa.md",
        ])
        for page in pages {
            expectGolden(page.content, "init-study/report/\(page.file)")
        }
    }

    @Test("the empty study has the categories, the tables' headers and the README, and nothing else")
    func emptyStudy() throws {
        let folder = freshFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try StudyTemplate(.empty).write(into: folder.path)
        #expect(written == ["README.md", "Codebooks/codeboom.md", "Corpus/respondenten.csv", "Corpus/documenten.csv", "Corpus/pseudoniemen.csv"])
        #expect(tree(folder) == ["Codebooks", "Codebooks/codeboom.md", "Corpus", "Corpus/documenten.csv", "Corpus/pseudoniemen.csv",
                                 "Corpus/respondenten.csv", "README.md"])
        func text(_ path: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) }
        #expect(try text("Corpus/respondenten.csv") == "respondent,perspectief,document,spreker\n")
        #expect(try text("Corpus/documenten.csv") == "document,type,perspectief,respondent\n")
        #expect(try text("Corpus/pseudoniemen.csv") == "naam,pseudoniem\n")
        let load = try loadProject(folder.path)
        #expect(load.errors.isEmpty)
        #expect(load.project.codebook.codes.map(\.label) == ["Succesfactoren", "Spanningen en dilemma's", "Belemmeringen", "Wensen"])
        #expect(load.project.codebook.codes.map(\.deelvragen) == [[1], [2], [3], [4]])
        #expect(load.project.documents.isEmpty)
        // The README's example tag is a code this codebook has.
        #expect(try text("README.md").contains("#succesfactoren\n"))
    }

    @Test("the example's README shows a transcript that codes one of its own themes")
    func readmeExample() throws {
        let readme = try #require(StudyTemplate(.example).files.first { $0.path == "README.md" }?.text)
        #expect(readme.contains("R: Ze bedankt me na elk huisbezoek en vraagt ook hoe het met mij gaat. #waardering\n"))
        #expect(readme.contains("codeboom check ") && readme.contains("codeboom freq ") && readme.contains("codeboom report "))
    }

    @Test("a missing folder is created with its parents; the paths come back in the order written")
    func createsFolder() throws {
        let parent = freshFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("a/mijn-onderzoek")
        let written = try StudyTemplate(.example).write(into: folder.path)
        #expect(written == ["README.md", "Codebooks/codeboom.md", "Corpus/interview-01.txt", "Corpus/respondenten.csv",
                            "Corpus/documenten.csv", "Corpus/pseudoniemen.csv"])
        // No temporary file is left beside them.
        #expect(tree(folder) == ["Codebooks", "Codebooks/codeboom.md", "Corpus", "Corpus/documenten.csv", "Corpus/interview-01.txt",
                                 "Corpus/pseudoniemen.csv", "Corpus/respondenten.csv", "README.md"])
        #expect(try String(contentsOf: folder.appendingPathComponent("Corpus/interview-01.txt"), encoding: .utf8) == StudyTemplate.exampleTranscript)
    }

    @Test("a folder with any entry, a hidden one too, is refused and left as it was",
          arguments: [[".git"], ["notities.txt"], ["b", "a", ".c", "d"]])
    func refusesNonEmpty(names: [String]) throws {
        let folder = freshFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in names { try "x".write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        #expect(throws: StudyTemplate.WriteError.notEmpty(path: folder.path, names: Array(names.sorted().prefix(3)), count: names.count)) {
            try StudyTemplate(.example).write(into: folder.path)
        }
        #expect(tree(folder) == names.sorted())
    }

    @Test("the refusal names the folder, what it holds and what to do")
    func refusalMessage() {
        let error = StudyTemplate.WriteError.notEmpty(path: "mijn-onderzoek", names: [".c", "a", "b"], count: 4)
        #expect(error.description == "mijn-onderzoek: error: the folder is not empty (it holds .c, a, b and 1 more) — a new study needs a new or empty folder: give one, like `codeboom init mijn-onderzoek-2`")
        let current = StudyTemplate.WriteError.notEmpty(path: ".", names: ["notities.txt"], count: 1)
        #expect(current.description == ".: error: the folder is not empty (it holds notities.txt) — a new study needs a new or empty folder: give one, like `codeboom init mijn-onderzoek`")
    }

    @Test("a file in the folder's place is refused")
    func refusesFile() throws {
        let path = freshFolder().path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "x".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: StudyTemplate.WriteError.notAFolder(path: path)) { try StudyTemplate(.empty).write(into: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "x")
    }

    @Test("a file that is already there is never replaced, and what was written before it is removed again")
    func neverReplaces() throws {
        let folder = freshFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two files of one name: the second finds the first in its place, as a file made meanwhile would be.
        var template = StudyTemplate(.example)
        template.files.append(StudyTemplate.File(path: "Corpus/interview-01.txt", text: "anders\n"))
        #expect(throws: StudyTemplate.WriteError.self) { try template.write(into: folder.path) }
        do {
            _ = try template.write(into: folder.path)
        } catch {
            #expect(error.description.hasPrefix("\(folder.path)/Corpus/interview-01.txt: error: cannot be written (File exists)"))
        }
        // The folder was made by the failed call, so it is gone too.
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test("an empty folder that exists is written into and stays after a failure")
    func existingEmptyFolder() throws {
        let folder = freshFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var template = StudyTemplate(.empty)
        template.files.append(template.files[1])
        #expect(throws: StudyTemplate.WriteError.self) { try template.write(into: folder.path) }
        #expect(FileManager.default.fileExists(atPath: folder.path))
        #expect(tree(folder).isEmpty)
        #expect(try StudyTemplate(.empty).write(into: folder.path).count == 5)
    }
}
