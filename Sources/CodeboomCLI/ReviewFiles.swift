import Codeboom
import Foundation

/// The two files an interactive session (`review`, `merge`) writes for coder NAME:
/// `Corpus/codings/NAME.csv` and `Corpus/codings/NAME.rejected.csv`. Each answer is written at once,
/// whole and atomically (``AtomicFileWriter``), so a quit, a crash or a kill loses no earlier answer.
struct ReviewFiles {
    let codingsURL: URL
    let rejectionsURL: URL
    /// The codings file as messages show it.
    let codingsPath: String
    /// The rejections file as messages show it.
    let rejectionsPath: String
    /// What each file held when last read or written, so an unchanged file is not written again.
    private var written: (codings: String?, rejections: String?) = (nil, nil)

    init(projectDirectory: String, coder: String) {
        let folder = URL(fileURLWithPath: projectDirectory).appendingPathComponent(ProjectLoader.corpusFolder)
            .appendingPathComponent(SidecarCodings.folder)
        codingsURL = folder.appendingPathComponent("\(coder).csv")
        rejectionsURL = folder.appendingPathComponent(ReviewCodingsFile.rejectionsName(of: coder))
        codingsPath = "\(ProjectLoader.corpusFolder)/\(SidecarCodings.folder)/\(coder).csv"
        rejectionsPath = "\(ProjectLoader.corpusFolder)/\(SidecarCodings.folder)/\(ReviewCodingsFile.rejectionsName(of: coder))"
    }

    /// The files' texts (nil for a file not there yet), or the error to print.
    mutating func read() -> Result<(codings: String?, rejections: String?), Failure> {
        var texts: [String?] = []
        for (url, path) in [(codingsURL, codingsPath), (rejectionsURL, rejectionsPath)] {
            do throws(ReviewCodingsFile.ReadFailure) {
                texts.append(try ReviewCodingsFile.readText(absolutePath: url.path, path: path))
            } catch {
                return .failure(Failure(message: error.message))
            }
        }
        written = (texts[0], texts[1])
        return .success((texts[0], texts[1]))
    }

    /// Writes the files whose text changed; codings first, so a rejection never stands without the code given instead.
    mutating func write(codings: ReviewCodingsFile, rejections: ReviewCodingsFile) throws(AtomicFileWriter.WriteError) {
        let codingsText = codings.text
        if codingsText != written.codings {
            try AtomicFileWriter.write(codingsText, to: codingsURL)
            written.codings = codingsText
        }
        let rejectionsText = rejections.text
        // An empty rejections file is not made: only the header would be in it.
        if rejectionsText != written.rejections && !(written.rejections == nil && rejections.keys.isEmpty) {
            try AtomicFileWriter.write(rejectionsText, to: rejectionsURL)
            written.rejections = rejectionsText
        }
    }

    /// A message that stops the session.
    struct Failure: Error {
        var message: String
    }
}

/// What an interactive session shows of a segment: where it is, who speaks, the words (with the
/// pseudonyms applied), a term highlighted.
struct SegmentView {
    /// `interview-05 §7 · V1 (vrijwilliger)`.
    var heading: String
    /// The words, pseudonymised, with control characters shown visibly (``TerminalText``).
    var text: String

    /// Reads the segment's document once per document: the last one read is kept.
    final class Reader {
        private let project: Project
        private var cached: (position: Int, document: Document?)?

        init(project: Project) { self.project = project }

        func view(documentPosition: Int, segment number: Int, highlighting range: Range<Int>? = nil) -> SegmentView {
            if cached?.position != documentPosition { cached = (documentPosition, project.readDocument(at: documentPosition)) }
            let outline = project.documents[documentPosition]
            var heading = "\(outline.id) §\(number)"
            guard number >= 1, number <= outline.segments.count else { return SegmentView(heading: heading, text: "") }
            let segment = outline.segments[number - 1]
            let who: String
            switch segment.speaker {
            case .interviewer: who = "interviewer" + (segment.label.map { " (\($0))" } ?? "")
            case .respondent(let id):
                who = id + (project.perspective(of: segment, in: outline).map { " (\($0.name))" } ?? "")
            case .unattributed: who = segment.label ?? ""
            }
            if !who.isEmpty { heading += " · " + project.pseudonyms.apply(to: who) }
            guard let document = cached?.document, let current = document.segment(number: number) else {
                return SegmentView(heading: heading, text: "(the document can no longer be read as it was)")
            }
            // Escaped here, before the highlight's own escape sequence goes in.
            var text = TerminalText.escaped(project.pseudonyms.apply(to: document.text(of: current)), keepingLineBreaks: true)
            if let range, range.lowerBound >= 0, range.upperBound <= document.text.unicodeScalars.count {
                let scalars = document.text.unicodeScalars
                let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
                let end = scalars.index(start, offsetBy: range.count)
                let term = TerminalText.escaped(project.pseudonyms.apply(to: String(scalars[start..<end])))
                if let found = text.range(of: term, options: [.caseInsensitive, .diacriticInsensitive]) {
                    text.replaceSubrange(found, with: TerminalStyle.highlighted(String(text[found])))
                }
            }
            return SegmentView(heading: heading, text: text)
        }
    }

    /// The text wrapped to `width` columns, indented, at most `maximumLines` lines.
    func wrappedText(width: Int, maximumLines: Int = 14) -> String {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "  "
            for word in paragraph.split(separator: " ") {
                if line.count > 2 && line.count + 1 + word.count > width - 1 {
                    lines.append(line)
                    line = "  "
                }
                line += (line.count > 2 ? " " : "") + word
            }
            lines.append(line)
        }
        if lines.count > maximumLines { lines = Array(lines.prefix(maximumLines - 1)) + ["  …"] }
        return lines.joined(separator: "\n")
    }
}

extension ProjectOptions {
    /// The project's folder as given.
    var projectDirectory: String { directory }
}
