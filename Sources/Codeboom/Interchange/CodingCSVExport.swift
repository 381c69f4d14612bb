import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every coding as a row, for Excel, SPSS and R: `document,segment,respondent,perspective,code,path,coder,
/// start,end,memo,text`.
///
/// - `segment`: the segment's number, or `first-last` for a coding over several segments.
/// - `respondent`, `perspective`: who speaks in the coded segments and the perspective they count for (as
///   `freq` spells it); several are joined with `, `; an interviewer's turn has neither.
/// - `code`, `path`: the code's id and its path from the category (`succesfactoren/juiste-match`).
/// - `start`, `end`: the coded span in Unicode scalars of the document's text, from 0, end exclusive (as a
///   codings file's `start,end`): a coding's own range, or for a segment coding the words of its turns.
/// - `memo`, `text`: what the coder wrote with it and the coded text — a range exactly, a segment as a quote
///   shows it (no label, no tags) — both with `pseudoniemen.csv` applied, as in reports.
///
/// Rows come in corpus order, then in the order of the project's coding table.
public struct CodingCSVExport: Sendable {
    /// The header line's cells.
    public static let header = ["document", "segment", "respondent", "perspective", "code", "path", "coder", "start", "end", "memo", "text"]

    let project: Project
    let coders: Set<String>
    let dialect: CSVDialect

    /// Prepares the rows of `project` for the codings of `coders` (every coder when nil).
    public init(project: Project, coders: [String]?, dialect: CSVDialect) {
        self.project = project
        self.coders = Set(coders ?? project.coders)
        self.dialect = dialect
    }

    /// Writes the file to `url` atomically, a document's rows at a time; returns the number of rows.
    ///
    /// The texts are read again through the project's corpus reader; memory holds one document's rows per core.
    public func write(to url: URL) throws(REFIExportError) -> Int {
        guard let corpus = project.corpus else { throw .noCorpus }
        let table = project.codings
        let included = table.coderNames.map { coders.contains($0) }
        var entriesByDocument = [[Int]](repeating: [], count: project.documents.count)
        for (index, entry) in table.entries.enumerated() where included[Int(entry.coder)] {
            entriesByDocument[Int(entry.document)].append(index)
        }
        var positionByFile: [String: Int] = [:]
        for (position, document) in project.documents.enumerated() where !entriesByDocument[position].isEmpty {
            positionByFile[document.file] = position
        }
        let files = corpus.files.filter { positionByFile[$0.path] != nil }
        let wanted = positionByFile
        let byDocument = entriesByDocument
        let project = self.project
        let dialect = self.dialect
        // Perspectives as freq spells them: the spelling most respondents use.
        var spelling: [String: String] = [:]
        for perspective in project.perspectives { spelling[perspective.key] = perspective.name }
        let spelled = spelling

        var file: OutputFile
        do { file = try OutputFile(url) } catch { throw .cannotWrite(error) }
        var failure: REFIExportError? = nil
        var rows = 0
        do throws(ZipWriter.WriteError) {
            try file.write(dialect.preamble + dialect.line(Self.header.map(CSVDialect.Cell.text)))
        } catch { throw .cannotWrite(error) }
        corpus.forEach(files, transform: { parsed -> (String, Int)? in
            let document = parsed.document
            guard let position = wanted[document.file], project.documents[position].scalarCount == document.scalarCount else { return nil }
            return Self.rows(of: document, outline: project.documents[position], entries: byDocument[position], project: project,
                             spelling: spelled, dialect: dialect)
        }) { result in
            guard failure == nil else { return }
            guard let (text, count) = result.value ?? nil else {
                failure = .documentChanged(file: result.path)
                return
            }
            do throws(ZipWriter.WriteError) { try file.write(text) } catch { failure = .cannotWrite(error) }
            rows += count
        }
        if let failure { throw failure }
        do throws(ZipWriter.WriteError) { try file.finish() } catch { throw .cannotWrite(error) }
        return rows
    }

    /// One document's rows, with the number of rows.
    static func rows(of document: Document, outline: DocumentOutline, entries: [Int], project: Project,
                     spelling: [String: String], dialect: CSVDialect) -> (String, Int) {
        let table = project.codings
        let pseudonyms = project.pseudonyms
        // Names found once in the whole text, so a span that cuts a name in two is widened to all of it.
        let names = pseudonyms.entries.isEmpty ? [] : pseudonyms.occurrences(in: document.text).map(\.range)
        let scalars = Array(document.text.unicodeScalars)
        var text = ""
        for index in entries {
            let entry = table.entries[index]
            let segments = (entry.firstSegment...entry.lastSegment).compactMap { outline.segment(number: $0) }
            guard let first = segments.first, let last = segments.last else { continue }
            var respondents: [String] = []
            var perspectives: [String] = []
            for segment in segments {
                if let id = segment.respondentID, !respondents.contains(id) { respondents.append(id) }
                if let perspective = project.perspective(of: segment, in: outline) {
                    let name = spelling[perspective.key] ?? perspective.name
                    if !perspectives.contains(name) { perspectives.append(name) }
                }
            }
            let span: Range<Int>
            let coded: String
            if let range = entry.range {
                span = range
                var widened = range.clamped(to: 0..<scalars.count)
                for name in names where name.overlaps(widened) {
                    widened = min(widened.lowerBound, name.lowerBound)..<max(widened.upperBound, name.upperBound)
                }
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[widened])
                coded = pseudonyms.apply(to: String(piece))
            } else {
                span = first.contentStart..<max(first.contentStart, last.end)
                coded = pseudonyms.apply(to: segments.map { document.text(of: $0) }.joined(separator: "\n"))
            }
            let codeID = table.codeIDs[Int(entry.code)]
            let segmentCell = first.number == last.number ? "\(first.number)" : "\(first.number)-\(last.number)"
            text += dialect.line([
                .text(outline.id), .text(segmentCell), .text(respondents.joined(separator: ", ")),
                .text(perspectives.joined(separator: ", ")), .text(codeID), .text(project.codebook.path(of: codeID).joined(separator: "/")),
                .text(table.coderNames[Int(entry.coder)]), .integer(span.lowerBound), .integer(span.upperBound),
                entry.memo.map { .text(pseudonyms.apply(to: $0)) } ?? .empty, .text(coded),
            ])
        }
        return (text, entries.count)
    }

    /// A file written through a locked temporary file beside it and renamed into place at the end.
    struct OutputFile: ~Copyable {
        let url: URL
        let temporary: URL
        let descriptor: Int32
        var done = false

        init(_ url: URL) throws(ZipWriter.WriteError) {
            let folder = url.deletingLastPathComponent()
            AtomicFileWriter.removeLeftovers(of: url.lastPathComponent, in: folder)
            do {
                (temporary, descriptor) = try AtomicFileWriter.createLockedTemporary(for: url)
            } catch {
                switch error {
                case .cannotWrite(let path, let reason): throw .cannotWrite(path: path, reason: reason)
                }
            }
            self.url = url
        }

        deinit {
            if !done {
                close(descriptor)
                unlink(temporary.path)
            }
        }

        func write(_ text: String) throws(ZipWriter.WriteError) {
            var text = text
            let descriptor = self.descriptor
            if let error = text.withUTF8({ DescriptorWriter.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }) {
                throw .cannotWrite(path: url.path, reason: String(cString: strerror(error)))
            }
        }

        consuming func finish() throws(ZipWriter.WriteError) {
            guard fsync(descriptor) == 0, rename(temporary.path, url.path) == 0 else {
                throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
            }
            done = true
            close(descriptor)
        }
    }
}
