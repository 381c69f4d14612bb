/// A problem the project stage finds: in the project folder (the codebook, `Corpus/` and the files
/// under it), in `pseudoniemen.csv`, and between documents (ids used twice, table rows naming no
/// document, respondents' perspectives).
///
/// Some cases stop a project from being read at all and are thrown (``CorpusScanner/scan(directory:codebook:)``:
/// a missing folder, no codebook, an unreadable codebook); the others are gathered with every other
/// stage's problems for `check`. Every case carries the place it applies to; columns count Unicode
/// scalars. `check` prints them through `Diagnostic.init(_:)`.
public enum ProjectError: SourceProblem {
    /// One of the corpus's own tables, and what is lost without it.
    public enum CorpusTable: Sendable, Equatable {
        /// `documenten.csv`.
        case documents
        /// `respondenten.csv`.
        case respondents
        /// `pseudoniemen.csv`.
        case pseudonyms
    }

    /// Why a pseudonym cannot be printed as it is.
    public enum PseudonymFlaw: Sendable, Equatable {
        /// It holds a line break or another control character.
        case lineBreakOrControlCharacter
        /// It holds a character (`|`, `<`, `>`, `` ` ``, `\`) that changes the Markdown it is printed in.
        case markdownCharacter(Character)
    }

    // Thrown: the project cannot be read.

    /// A folder the project needs (`Codebooks`, `Corpus`) is not there.
    case folderMissing(SourceLocation)
    /// `Codebooks/` holds no `.md` file.
    case noCodebook(SourceLocation)
    /// `Codebooks/` holds several `.md` files (`files`, relative to the project) and none was chosen.
    case severalCodebooks(SourceLocation, files: [String])
    /// The codebook given to `--codebook` does not exist.
    case codebookNotFound(SourceLocation)
    /// The codebook, `Codebooks/` or `Corpus/` cannot be read (`reason` is the system's).
    case unreadable(SourceLocation, reason: String)
    /// The codebook's or a table's bytes are not text (a NUL byte, broken UTF-16 or UTF-32).
    case undecodable(TextDecodingError)

    // Gathered: the files under Corpus/.

    /// A table of the corpus is there but cannot be read.
    case unreadableTable(SourceLocation, table: CorpusTable, reason: String)
    /// A folder under `Corpus/` cannot be listed.
    case unreadableFolder(SourceLocation, reason: String)
    /// A warning: a symbolic link to a folder above it (`target`), not followed.
    case folderLinkLoop(SourceLocation, target: String)
    /// A warning: a folder reached a second time, read once from `first`.
    case folderReachedTwice(SourceLocation, first: String)
    /// A warning: a folder named like a transcript (`name.docx/`), read as a folder of the corpus.
    case folderNamedLikeTranscript(SourceLocation, fileExtension: String)
    /// A symbolic link that leads nowhere.
    case brokenLink(SourceLocation, reason: String)
    /// A named pipe, socket or device with a transcript's or table's extension.
    case notAFile(SourceLocation, reason: String)
    /// A warning: any other named pipe, socket or device, not read.
    case otherNotAFile(SourceLocation, reason: String)
    /// A table's name in a subfolder (or with other capitals): only `expected` is read.
    case misplacedTable(SourceLocation, expected: String)
    /// A warning: a file whose type is not a transcript's, not read.
    case unsupportedFileType(SourceLocation, fileExtension: String)
    /// `Corpus/codings` is there but cannot be listed.
    case unreadableCodingsFolder(SourceLocation, reason: String)
    /// A codings file `Corpus/codings/CODER.csv` cannot be read.
    case unreadableCodingsFile(SourceLocation, reason: String)

    // Gathered: between documents.

    /// A second document with an id that `firstFile` already has; the first one counts.
    case duplicateDocumentID(SourceLocation, id: String, firstFile: String)
    /// A `documenten.csv` row naming a document the corpus does not have.
    case metadataOfUnknownDocument(SourceLocation, document: String)
    /// A `respondenten.csv` row naming a document the corpus does not have.
    case respondentsOfUnknownDocument(SourceLocation, document: String)
    /// A respondent with `perspective` here and `firstPerspective` in `firstDocument` (nil: not known).
    case respondentPerspectiveDiffers(SourceLocation, respondent: String, perspective: String, firstPerspective: String,
                                      firstDocument: String?)
    /// A warning: a `respondenten.csv` row whose speaker never speaks in its document.
    case respondentNeverSpeaks(SourceLocation, respondent: String?, speaker: String, document: String)

    // Gathered: pseudoniemen.csv.

    /// The header lacks `naam` or `pseudoniem`.
    case pseudonymColumnsMissing(SourceLocation)
    /// A row without a name or without a pseudonym.
    case pseudonymRowIncomplete(SourceLocation)
    /// A pseudonym that cannot be printed as it is.
    case unprintablePseudonym(SourceLocation, pseudonym: String, flaw: PseudonymFlaw)
    /// A name with no letter or digit, or with `*` or quotes, which cannot be looked for.
    case unsearchableName(SourceLocation, name: String)
    /// A name listed again (case and diacritics aside) with another pseudonym than at `firstLine`.
    case nameListedTwice(SourceLocation, name: String, pseudonym: String, firstLine: Int, firstPseudonym: String)
    /// The names do not fit in one matcher (`limit` says which limit).
    case tooManyNames(SourceLocation, limit: KeywordRuleError)
    /// A pseudonym that is itself a listed name (`listedName`), so another person's name would be printed.
    case pseudonymIsListedName(SourceLocation, pseudonym: String, name: String, listedName: String)
    /// A note for `check`: a transcript holds these listed names (sorted), which reports replace.
    case holdsListedNames(SourceLocation, names: [String])

    /// The warnings and the note leave the project as it is; every other case is an error.
    public var severity: Diagnostic.Severity {
        switch self {
        case .undecodable(let error): error.severity
        case .folderLinkLoop, .folderReachedTwice, .folderNamedLikeTranscript, .otherNotAFile, .unsupportedFileType,
             .respondentNeverSpeaks:
            .warning
        case .holdsListedNames: .note
        default: .error
        }
    }

    /// The file, and the line and column where they are known.
    public var location: SourceLocation {
        switch self {
        case .undecodable(let error):
            error.location
        case .folderMissing(let location), .noCodebook(let location), .severalCodebooks(let location, _),
             .codebookNotFound(let location), .unreadable(let location, _), .unreadableTable(let location, _, _),
             .unreadableFolder(let location, _), .folderLinkLoop(let location, _), .folderReachedTwice(let location, _),
             .folderNamedLikeTranscript(let location, _), .brokenLink(let location, _), .notAFile(let location, _),
             .otherNotAFile(let location, _), .misplacedTable(let location, _), .unsupportedFileType(let location, _),
             .unreadableCodingsFolder(let location, _), .unreadableCodingsFile(let location, _),
             .duplicateDocumentID(let location, _, _), .metadataOfUnknownDocument(let location, _),
             .respondentsOfUnknownDocument(let location, _), .respondentPerspectiveDiffers(let location, _, _, _, _),
             .respondentNeverSpeaks(let location, _, _, _), .pseudonymColumnsMissing(let location),
             .pseudonymRowIncomplete(let location), .unprintablePseudonym(let location, _, _), .unsearchableName(let location, _),
             .nameListedTwice(let location, _, _, _, _), .tooManyNames(let location, _), .pseudonymIsListedName(let location, _, _, _),
             .holdsListedNames(let location, _):
            location
        }
    }

    /// What is wrong.
    public var message: String {
        switch self {
        case .folderMissing: "folder not found"
        case .noCodebook: "no codebook (.md) found"
        case .severalCodebooks(_, let files): "several codebooks (\(files.joined(separator: ", ")))"
        case .codebookNotFound: "codebook not found"
        case .unreadable(_, let reason): "cannot be read (\(reason))"
        case .undecodable(let error): error.message
        case .unreadableTable(_, let table, let reason): "cannot be read (\(reason)); without it \(table.loss)"
        case .unreadableFolder(_, let reason): "folder cannot be read (\(reason)); its documents would be missing from every count"
        case .folderLinkLoop(_, let target): "a symbolic link back to \(target), a loop; not followed"
        case .folderReachedTwice(_, let first): "the same folder as \(first); its documents are read once, from there"
        case .folderNamedLikeTranscript: "a folder named like a transcript; the files in it are read as part of the corpus"
        case .brokenLink(_, let reason), .notAFile(_, let reason): "cannot be read (\(reason))"
        case .otherNotAFile(_, let reason): "not read (\(reason))"
        case .misplacedTable(_, let expected): "is not read: only \(expected) is"
        case .unsupportedFileType(_, let fileExtension): "file type .\(fileExtension) is not read"
        case .unreadableCodingsFolder(_, let reason): "cannot be read as a folder (\(reason)); its codings would be missing"
        case .unreadableCodingsFile(_, let reason): "cannot be read (\(reason)); its codings would be missing"
        case .duplicateDocumentID(_, let id, let firstFile): "document id \"\(id)\" is also used by \(firstFile)"
        case .metadataOfUnknownDocument(_, let document), .respondentsOfUnknownDocument(_, let document):
            "unknown document \"\(document)\""
        case .respondentPerspectiveDiffers(_, let respondent, let perspective, let firstPerspective, let firstDocument):
            "respondent \(respondent) is \(perspective) here but \(firstPerspective) in \(firstDocument ?? "another document")"
        case .respondentNeverSpeaks(_, let respondent, let speaker, let document):
            "respondent \(respondent ?? "?") (\"\(speaker)\") never speaks in \(document)"
        case .pseudonymColumnsMissing: "columns naam,pseudoniem are missing"
        case .pseudonymRowIncomplete: "row needs both naam and pseudoniem"
        case .unprintablePseudonym(_, let pseudonym, .lineBreakOrControlCharacter):
            "pseudonym \"\(pseudonym)\" holds a line break or control character"
        case .unprintablePseudonym(_, let pseudonym, .markdownCharacter(let character)):
            "pseudonym \"\(pseudonym)\" holds \"\(character)\", which would change the Markdown it is printed in"
        case .unsearchableName(_, let name): "name \"\(name)\" cannot be looked for"
        case .nameListedTwice(_, let name, let pseudonym, let firstLine, let firstPseudonym):
            "\"\(name)\" is listed again with pseudonym \"\(pseudonym)\" (line \(firstLine): \"\(firstPseudonym)\")"
        case .tooManyNames(_, let limit): "the names are too many to look for at once (\(limit.message))"
        case .pseudonymIsListedName(_, let pseudonym, let name, let listedName):
            "pseudonym \"\(pseudonym)\" of \"\(name)\" is itself a listed name (\"\(listedName)\")"
        case .holdsListedNames(_, let names):
            "holds names listed in \(PseudonymTable.fileName) (\(names.joined(separator: ", ")))"
        }
    }

    /// What the researcher can do about it.
    public var advice: String {
        switch self {
        case .folderMissing: "run codeboom in a project folder (with Codebooks/ and Corpus/) or pass --project DIR"
        case .noCodebook: "add one, e.g. Codebooks/codeboom.md"
        case .severalCodebooks: "choose one with --codebook FILE"
        case .codebookNotFound: "check the name given to --codebook"
        case .unreadable: "check that the file exists and is readable"
        case .undecodable(let error): error.advice
        case .unreadableTable: "make it a readable file, or remove it"
        case .unreadableFolder: "make the folder readable, or move it out of Corpus/"
        case .folderLinkLoop, .folderReachedTwice: "remove the link"
        case .folderNamedLikeTranscript(_, let fileExtension): "rename the folder if it should have been a .\(fileExtension) file"
        case .brokenLink: "point the link at the file or folder, or remove it"
        case .notAFile: "put the file itself here, or remove it from Corpus/"
        case .otherNotAFile: "remove it from Corpus/"
        case .misplacedTable(_, let expected): "move or rename it to \(expected)"
        case .unsupportedFileType: "save transcripts as .txt, .md, .docx, .odt, .vtt, .srt or .pdf"
        case .unreadableCodingsFolder: "make it a readable folder of CSV files"
        case .unreadableCodingsFile: "make it a readable file, or remove it"
        case .duplicateDocumentID: "give one of them another `id:` in its front matter, or rename the file"
        case .metadataOfUnknownDocument: "use a document id from Corpus/ (file name without extension)"
        case .respondentsOfUnknownDocument: "use a document id from Corpus/ (file name without extension, or `id:` in its front matter)"
        case .respondentPerspectiveDiffers: "give a respondent one perspective everywhere (front matter or respondenten.csv)"
        case .respondentNeverSpeaks: "check the speaker label in the transcript, or remove the row"
        case .pseudonymColumnsMissing: "start the file with the header `naam,pseudoniem`"
        case .pseudonymRowIncomplete: "fill in both columns"
        case .unprintablePseudonym: "write the pseudonym as plain text on one line"
        case .unsearchableName: "write the name with letters or digits, without * or quotes"
        case .nameListedTwice: "keep one row per name (case and diacritics do not count)"
        case .tooManyNames: "split the study, or remove names that are not in the transcripts"
        case .pseudonymIsListedName: "choose a pseudonym that is not the name of anyone in the study"
        case .holdsListedNames: "reports print their pseudonyms; add any name that is missing from the list"
        }
    }
}

extension ProjectError.CorpusTable {
    /// What goes wrong without the table, as the error about an unreadable one says.
    var loss: String {
        switch self {
        case .documents: "documents would lose their metadata"
        case .respondents: "speakers would be counted as the wrong respondents"
        case .pseudonyms: "outputs would print the real names"
        }
    }
}
