/// A problem in a corpus file or the corpus's tables: a transcript that cannot be read, front matter,
/// `respondenten.csv`, `documenten.csv`, speaker labels and subtitles.
///
/// Every case carries the place it applies to; columns count Unicode scalars. `check` prints them
/// through `Diagnostic.init(_:)`; a document reader's own error (``DocumentReaderError``) and an
/// undecodable file (``TextDecodingError``) are carried whole, so nothing is parsed back from text.
public enum CorpusError: SourceProblem {
    /// The file cannot be opened or read (`reason` is the system's).
    case unreadable(SourceLocation, reason: String)
    /// The file has no bytes, or only white space.
    case emptyFile(SourceLocation)
    /// A .docx or .odt whose body holds no text.
    case noTextInDocument(SourceLocation)
    /// A .vtt or .srt without a cue that holds text.
    case noSubtitleCues(SourceLocation)
    /// The file's bytes are not text.
    case undecodable(TextDecodingError)
    /// A .docx, .odt, .vtt or .srt its reader refused; `format` is the extension without the dot.
    case unreadableDocument(SourceLocation, format: String, DocumentReaderError)
    /// A .pdf, but the program that reads PDFs is not installed.
    case pdfToolMissing(SourceLocation)
    /// A .pdf that pdftotext could not read.
    case invalidPDF(SourceLocation, reason: String)
    /// A warning: pdftotext read the .pdf but said something (`summary`) on its error output.
    case pdfToolReported(SourceLocation, summary: String)
    /// A front matter line that is not `key: value`.
    case frontMatterLineNotKeyValue(SourceLocation)
    /// Front matter opened with `---` and never closed.
    case frontMatterNotClosed(SourceLocation)
    /// A `type:` (in front matter or `documenten.csv`) that is not interview, focusgroep or notities.
    case unknownDocumentType(SourceLocation, type: String)
    /// A header of `respondenten.csv` or `documenten.csv` without a column it needs; `header` is the
    /// header to use, as the advice shows it.
    case missingColumn(SourceLocation, column: String, header: String)
    /// A `respondenten.csv` row without a document or a speaker.
    case rowWithoutDocumentOrSpeaker(SourceLocation)
    /// A `respondenten.csv` speaker who is no interviewer and has no respondent id.
    case speakerWithoutRespondent(SourceLocation, speaker: String)
    /// A speaker listed twice for one document in `respondenten.csv`.
    case speakerListedTwice(SourceLocation, speaker: String, document: String)
    /// A document listed twice in `documenten.csv` (first at `firstLine`).
    case documentListedTwice(SourceLocation, document: String, firstLine: Int)
    /// A warning: `documenten.csv` and a document's front matter give `key` different values.
    case metadataDisagrees(SourceLocation, key: String, document: String, table: String, frontMatter: String)
    /// A note: a one-off `Label:` is read as text because no label recurs in the document
    /// (`others` more one-off labels are read as text too).
    case oneOffLabelReadAsText(SourceLocation, label: String, others: Int)
    /// A warning: a label of several words, used once, is read as text.
    case sentenceLabelReadAsText(SourceLocation, label: String)
    /// A note: a one-off `Label:` in subtitles is read as text; `isWebVTT` adds the voice-tag advice.
    case subtitleLabelReadAsText(SourceLocation, label: String, isWebVTT: Bool)
    /// A note: rolling captions, whose repeated lines are read once.
    case rollingCaptions(SourceLocation)
    /// A warning: a WebVTT block without a timing line, left out as players leave it out.
    case blockWithoutTiming(SourceLocation)

    /// Notes and warnings leave the file counted; every other case is an error.
    public var severity: Diagnostic.Severity {
        switch self {
        case .undecodable(let error): error.severity
        case .pdfToolReported, .metadataDisagrees, .sentenceLabelReadAsText, .blockWithoutTiming: .warning
        case .oneOffLabelReadAsText, .subtitleLabelReadAsText, .rollingCaptions: .note
        default: .error
        }
    }

    /// The file, and the line and column where they are known.
    public var location: SourceLocation {
        switch self {
        case .undecodable(let error):
            return error.location
        case .unreadableDocument(var location, _, let error):
            // Subtitle problems have a line in the file; a part of an archive has none the user can open.
            switch error {
            case .invalidTimestamp, .missingCueTiming, .undecodable:
                location.line = error.position?.line
                location.column = error.position?.column
            default:
                break
            }
            return location
        case .unreadable(let location, _), .emptyFile(let location), .noTextInDocument(let location),
             .noSubtitleCues(let location), .pdfToolMissing(let location), .invalidPDF(let location, _),
             .pdfToolReported(let location, _), .frontMatterLineNotKeyValue(let location), .frontMatterNotClosed(let location),
             .unknownDocumentType(let location, _), .missingColumn(let location, _, _), .rowWithoutDocumentOrSpeaker(let location),
             .speakerWithoutRespondent(let location, _), .speakerListedTwice(let location, _, _),
             .documentListedTwice(let location, _, _), .metadataDisagrees(let location, _, _, _, _),
             .oneOffLabelReadAsText(let location, _, _), .sentenceLabelReadAsText(let location, _),
             .subtitleLabelReadAsText(let location, _, _), .rollingCaptions(let location), .blockWithoutTiming(let location):
            return location
        }
    }

    /// What is wrong.
    public var message: String {
        switch self {
        case .unreadable(_, let reason): "cannot be read (\(reason))"
        case .emptyFile: "the file is empty"
        case .noTextInDocument: "the document holds no text"
        case .noSubtitleCues: "the subtitles hold no cue with text"
        case .undecodable(let error): error.message
        case .unreadableDocument(_, let format, let error):
            switch error {
            case .archive, .xml, .missingPart, .unexpectedContent: "not a valid .\(format) (\(error.message))"
            default: error.message
            }
        case .pdfToolMissing: "reading a .pdf needs the program pdftotext, which is not installed"
        case .invalidPDF(_, let reason): "not a valid .pdf (\(reason))"
        case .pdfToolReported(_, let summary): "pdftotext reported: \(summary)"
        case .frontMatterLineNotKeyValue: "front matter line is not `key: value`"
        case .frontMatterNotClosed: "front matter opened with `---` is never closed"
        case .unknownDocumentType(_, let type): "unknown document type \"\(type)\""
        case .missingColumn(_, let column, _): "column \"\(column)\" is missing"
        case .rowWithoutDocumentOrSpeaker: "row without document or spreker"
        case .speakerWithoutRespondent(_, let speaker): "speaker \"\(speaker)\" has no respondent id"
        case .speakerListedTwice(_, let speaker, let document): "speaker \"\(speaker)\" in \"\(document)\" is listed twice"
        case .documentListedTwice(_, let document, let firstLine): "document \"\(document)\" is listed twice (first at line \(firstLine))"
        case .metadataDisagrees(_, let key, let document, let table, let frontMatter):
            "\(key) of \(document) is \"\(table)\" here but \"\(frontMatter)\" in its front matter; the front matter wins"
        case .oneOffLabelReadAsText(_, let label, let others):
            "\"\(label):\" is read as text, not as a speaker: no speaker label recurs in this document"
                + (others > 0 ? " (nor \(others) other one-off label\(others > 1 ? "s" : ""), also read as text)" : "")
        case .sentenceLabelReadAsText(_, let label): "\"\(label):\" is read as text, not as a speaker (a label of several words used once)"
        case .subtitleLabelReadAsText(_, let label, _): "\"\(label):\" is read as text, not as a speaker: no speaker label recurs in this file"
        case .rollingCaptions: "these cues roll (each repeats the line of the cue before, as automatic captions do); every line is read once"
        case .blockWithoutTiming: "this block has no \"start --> end\" timing line, so it is no cue and is left out, as players leave it out"
        }
    }

    /// What the researcher can do about it.
    public var advice: String {
        switch self {
        case .unreadable: "check that the file exists and is readable"
        case .emptyFile: "add the transcript text, or remove the file from Corpus/"
        case .noTextInDocument: "check that the transcript is in the document body"
        case .noSubtitleCues: "check that the file has cues (a \"start --> end\" line followed by text)"
        case .undecodable(let error): error.advice
        case .unreadableDocument(_, _, let error): error.advice
        case .pdfToolMissing: "install it with `apt-get install poppler-utils`, or save the transcript as .docx or .txt"
        case .invalidPDF: "re-save it, or export the transcript as .docx or .txt"
        case .pdfToolReported: "check that the text is complete, or export the transcript as .docx or .txt"
        case .frontMatterLineNotKeyValue: "write it as `key: value`, or close the front matter with `---` above it"
        case .frontMatterNotClosed: "add a line `---` after the last `key: value` line"
        case .unknownDocumentType: "use interview, focusgroep or notities"
        case .missingColumn(_, _, let header): "use the header \(header)"
        case .rowWithoutDocumentOrSpeaker: "fill in both columns"
        case .speakerWithoutRespondent: "fill in the respondent column, or set rol to interviewer"
        case .speakerListedTwice: "keep one row per speaker per document"
        case .documentListedTwice: "keep one row per document"
        case .metadataDisagrees: "make them the same, or remove one"
        case .oneOffLabelReadAsText:
            "if it is a speaker, write the label at each of their turns, or list it in respondenten.csv or under `sprekers:` in the front matter"
        case .sentenceLabelReadAsText: "if it is a speaker, write the label as one word, e.g. with its respondent id"
        case .subtitleLabelReadAsText(_, let label, let isWebVTT):
            "if it is a speaker, label the speaker's other turns too" + (isWebVTT ? ", or use a voice tag <v \(label)>" : "")
        case .rollingCaptions: "nothing to do, unless the repeated lines were really said twice"
        case .blockWithoutTiming: "add a timing line if it is part of the transcript, or start it with NOTE if it is a comment"
        }
    }
}
