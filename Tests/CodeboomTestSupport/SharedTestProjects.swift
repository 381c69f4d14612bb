import Foundation

/// Projects that both the library's tests and the command-line tests run on, written once here.
extension TemporaryProject {
    /// A codebook with the codes the format fixtures (`comment.docx`, `transcript.odt`, …) are coded with.
    static let formatsCodebook = """
    # Formaten
    ## Thema {#thema}
    ### Klik {#klik}
    ### Korte lijnen {#korte-lijnen}
    ### Agendadruk {#agendadruk}
    ### Een juiste match {#juiste-match}
    ### Heldere rollen {#heldere-rollen}

    """

    /// A project holding one fixture file as `Corpus/NAME`, with its metadata in documenten.csv.
    static func holding(fixture: String, as name: String) throws -> TemporaryProject {
        let project = try TemporaryProject([
            "Corpus/documenten.csv": "document,type,perspectief,respondent,bron\n\(name.split(separator: ".")[0]),interview,cliënt,C9,test\n",
        ], codebook: formatsCodebook)
        try project.write("Corpus/\(name)", bytes: Array(try Fixtures.data(fixture)))
        return project
    }

    /// The codebook of the unreadable-input projects: the default one with a keyword code.
    static let unreadableInputCodebook = TemporaryProject.defaultCodebook + "\n### Klik {#klik}\ntrefwoorden: klik\n"

    /// The one interview of the unreadable-input projects; it names Joke, who has a pseudonym.
    static let unreadableInputInterview = "---\ntype: interview\nrespondent: R1\nperspectief: p\n---\nR: Het klikt met Joke. #alpha\n"

    /// A readable project with one interview and a pseudonym list, plus `extra` files (path → content).
    static func unreadableInput(_ extra: [String: String] = [:]) throws -> TemporaryProject {
        var files = ["Corpus/a.txt": unreadableInputInterview, "Corpus/pseudoniemen.csv": "naam,pseudoniem\nJoke,[v]\n"]
        files.merge(extra) { $1 }
        let project = try TemporaryProject(files, codebook: unreadableInputCodebook)
        // Readable for an unprivileged user too, whatever the umask.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: project.path)
        return project
    }
}

/// The odd-characters fixture with its transcript's file name made hostile: a line break and an
/// escape sequence (such a name cannot be committed sensibly).
enum OddCharactersProject {
    static let hostileName = "interview-\n\u{1B}[31mnaam.txt"

    /// A fresh copy in the temporary folder; the caller removes it.
    static func copy() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-odd-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("odd-characters"), to: root)
        try FileManager.default.moveItem(at: root.appendingPathComponent("Corpus/interview-naam.txt"),
                                         to: root.appendingPathComponent("Corpus/\(hostileName)"))
        return root
    }
}
