import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct ProjectErrorTests {
    static func at(_ file: String, _ line: Int? = nil) -> Codeboom.SourceLocation {
        Codeboom.SourceLocation(file: file, line: line, column: line == nil ? nil : 1)
    }

    static let pseudonyms = "Corpus/pseudoniemen.csv"

    @Test("every row problem of pseudoniemen.csv is its own value at its row, in file order")
    func pseudonymRows() {
        let text = "naam,pseudoniem\nJoke,Anna\nJan,\nJOKE,Els\nJo*,[v]\nPiet,a|b\nKees,Joke\n"
        let parsed = PseudonymTable.parse(text, file: Self.pseudonyms)
        #expect(parsed.table.errors == [
            .pseudonymRowIncomplete(Self.at(Self.pseudonyms, 3)),
            .nameListedTwice(Self.at(Self.pseudonyms, 4), name: "JOKE", pseudonym: "Els", firstLine: 2, firstPseudonym: "Anna"),
            .unsearchableName(Self.at(Self.pseudonyms, 5), name: "Jo*"),
            .unprintablePseudonym(Self.at(Self.pseudonyms, 6), pseudonym: "a|b", flaw: .markdownCharacter("|")),
            .pseudonymIsListedName(Self.at(Self.pseudonyms, 7), pseudonym: "Joke", name: "Kees", listedName: "Joke"),
        ])
        #expect(parsed.diagnostics == parsed.table.errors.map(Diagnostic.init))
        #expect(!parsed.table.canPseudonymise)
    }

    @Test("a pseudoniemen.csv without its columns is one value, and the table refuses to be used")
    func pseudonymHeader() {
        let parsed = PseudonymTable.parse("name,alias\nJoke,Anna\n", file: Self.pseudonyms)
        #expect(parsed.table.errors == [.pseudonymColumnsMissing(Self.at(Self.pseudonyms, 1))])
        #expect(parsed.diagnostics.map(\.description) == [
            "Corpus/pseudoniemen.csv:1:1: error: columns naam,pseudoniem are missing — start the file with the header `naam,pseudoniem`",
        ])
        #expect(!parsed.table.canPseudonymise)
    }

    @Test("the name note lists the names a transcript holds, sorted, as a note")
    func nameNote() {
        let table = PseudonymTable(entries: [.init(name: "Piet", pseudonym: "P", line: 2), .init(name: "Anna", pseudonym: "A", line: 3)])
        let document = DocumentParser.parse("R: Piet en Anna, en Piet weer.\n", file: "Corpus/a.txt", defaultID: "a").document
        let note = table.nameNote(for: document)
        #expect(note == .holdsListedNames(Self.at("Corpus/a.txt"), names: ["Anna", "Piet"]))
        #expect(note?.severity == .note)
        #expect(note?.description == "Corpus/a.txt: note: holds names listed in pseudoniemen.csv (Anna, Piet) — reports print their pseudonyms; add any name that is missing from the list")
    }

    @Test("the files under Corpus/ that are not read are values with their reasons")
    func corpusFiles() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": "R: ja\n",
            "Corpus/foto.jpg": "x",
            "Corpus/sub/respondenten.csv": "x",
            "Corpus/map.docx/b.txt": "R: nee\n",
        ])
        defer { project.remove() }
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("Corpus/sub/terug").path,
                                                   withDestinationPath: project.root.appendingPathComponent("Corpus").path)
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("Corpus/weg.txt").path,
                                                   withDestinationPath: "/nonexistent/codeboom-missing.txt")
        var problems: [ProjectError] = []
        let corpus = project.root.appendingPathComponent("Corpus")
        let files = try CorpusScanner.corpusFiles(in: corpus, root: project.root, problems: &problems)
        let linkReason = try #require(brokenLinkReason(problems))
        #expect(files.map(\.path) == ["Corpus/a.txt", "Corpus/map.docx/b.txt"])
        #expect(problems.sorted { Diagnostic($0) < Diagnostic($1) } == [
            .unsupportedFileType(Self.at("Corpus/foto.jpg"), fileExtension: "jpg"),
            .folderNamedLikeTranscript(Self.at("Corpus/map.docx"), fileExtension: "docx"),
            .misplacedTable(Self.at("Corpus/sub/respondenten.csv"), expected: "Corpus/respondenten.csv"),
            .folderLinkLoop(Self.at("Corpus/sub/terug"), target: "Corpus"),
            .brokenLink(Self.at("Corpus/weg.txt"), reason: linkReason),
        ])
        #expect(problems.filter { $0.severity == .error }.count == 2)
    }

    private func brokenLinkReason(_ problems: [ProjectError]) -> String? {
        for case .brokenLink(_, let reason) in problems { return reason }
        return nil
    }

    @Test("a project without its codebook or codebook folder is thrown as a value")
    func thrown() throws {
        let none = try TemporaryProject([:], codebook: nil)
        defer { none.remove() }
        #expect(throws: ProjectError.noCodebook(Self.at("Codebooks"))) { try CorpusScanner.scan(directory: none.path) }
        #expect(throws: ProjectError.folderMissing(Self.at("Codebooks"))) {
            try CorpusScanner.scan(directory: none.root.appendingPathComponent("nergens").path)
        }
        #expect(throws: ProjectError.codebookNotFound(Self.at("ander.md"))) { try CorpusScanner.scan(directory: none.path, codebook: "ander.md") }
        #expect(ProjectError.noCodebook(Self.at("Codebooks")).description
                == "Codebooks: error: no codebook (.md) found — add one, e.g. Codebooks/codeboom.md")
        #expect(ProjectError.folderMissing(Self.at("Codebooks")).description
                == "Codebooks: error: folder not found — run codeboom in a project folder (with Codebooks/ and Corpus/) or pass --project DIR")
    }

    @Test("a document id used twice and table rows naming no document are values at their rows")
    func betweenDocuments() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": "R: ja #alpha\n",
            "Corpus/sub/a.txt": "R: nee #alpha\n",
            "Corpus/documenten.csv": "document,type\na,interview\nz,interview\n",
            "Corpus/respondenten.csv": "respondent,perspectief,document,spreker\nV1,vrijwilliger,y,Anouk\n",
        ])
        defer { project.remove() }
        let load = try loadProject(project.path)
        #expect(load.diagnostics.filter { $0.severity == .error } == [
            Diagnostic(ProjectError.metadataOfUnknownDocument(Self.at("Corpus/documenten.csv", 3), document: "z")),
            Diagnostic(ProjectError.respondentsOfUnknownDocument(Self.at("Corpus/respondenten.csv", 2), document: "y")),
            Diagnostic(ProjectError.duplicateDocumentID(Self.at("Corpus/sub/a.txt", 1), id: "a", firstFile: "Corpus/a.txt")),
        ])
        #expect(load.project.documents.map(\.file) == ["Corpus/a.txt"])
    }

    @Test("a respondent with two perspectives and a row whose speaker never speaks are values of the roster")
    func roster() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": "---\nperspectief: cliënt\nrespondent: R1\n---\nR: ja\n",
            "Corpus/b.txt": "---\nperspectief: mantelzorger\nrespondent: R1\n---\nR: ja\n",
            "Corpus/respondenten.csv": "respondent,perspectief,document,spreker\nV1,vrijwilliger,b,Henk\n",
        ])
        defer { project.remove() }
        let table = RespondentTable.parse("respondent,perspectief,document,spreker\nV1,vrijwilliger,b,Henk\n",
                                          file: "Corpus/respondenten.csv").table
        var roster = RespondentRoster(table: table)
        // The documents as the corpus reader gives them, speakers resolved.
        for document in try readDocuments(project.path) { roster.add(document.outline) }
        roster.finish()
        #expect(roster.problems == [
            .respondentPerspectiveDiffers(Self.at("Corpus/b.txt", 5), respondent: "R1", perspective: "mantelzorger",
                                          firstPerspective: "cliënt", firstDocument: "a"),
            .respondentNeverSpeaks(Self.at("Corpus/respondenten.csv", 2), respondent: "V1", speaker: "Henk", document: "b"),
        ])
        #expect(roster.problems.map(\.description) == [
            "Corpus/b.txt:5:1: error: respondent R1 is mantelzorger here but cliënt in a — give a respondent one perspective everywhere (front matter or respondenten.csv)",
            "Corpus/respondenten.csv:2:1: warning: respondent V1 (\"Henk\") never speaks in b — check the speaker label in the transcript, or remove the row",
        ])
    }

    @Test("an unreadable table says what is lost without it, and an unreadable pseudonym table refuses to be used")
    func unreadableTables() throws {
        let project = try TemporaryProject(["Corpus/a.txt": "R: ja\n"])
        defer { project.remove() }
        for name in ["documenten.csv", "pseudoniemen.csv"] {
            try FileManager.default.createDirectory(at: project.root.appendingPathComponent("Corpus/\(name)"), withIntermediateDirectories: true)
        }
        let scan = try CorpusScanner.scan(directory: project.path)
        let errors = scan.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.location.file) == ["Corpus/documenten.csv", "Corpus/pseudoniemen.csv"])
        #expect(errors.map(\.message).allSatisfy { $0.hasPrefix("cannot be read (") })
        #expect(errors.first?.message.hasSuffix("); without it documents would lose their metadata") == true)
        #expect(errors.last?.message.hasSuffix("); without it outputs would print the real names") == true)
        #expect(scan.pseudonyms.errors.map(Diagnostic.init) == [errors[1]])
        #expect(!scan.pseudonyms.canPseudonymise)
    }
}
