import Foundation

/// Reads one corpus file of any supported format into a parsed document.
public enum DocumentReader {
    /// File extensions read as transcripts or notes.
    public static let supportedExtensions: Set<String> = ["txt", "md", "docx", "odt", "vtt", "srt", "pdf"]
    /// Extensions with a reader of their own; every other file is read as text.
    static let structuredExtensions: Set<String> = ["docx", "odt", "vtt", "srt", "pdf"]

    /// Reads, decodes and parses a file. A file that cannot be used at all yields only diagnostics.
    public static func read(_ url: URL, relativePath: String, limits: ArchiveLimits = .default) -> (parsed: ParsedDocument?, diagnostics: [Diagnostic]) {
        read(file: url.path, relativePath: relativePath, limits: limits)
    }

    /// Reads the file at `absolutePath`; paths stay strings, as a corpus has thousands of files.
    /// `respondents` declares speaker labels (see `DocumentParser.parse`).
    public static func read(file absolutePath: String, relativePath: String, limits: ArchiveLimits = .default,
                            respondents: RespondentTable? = nil) -> (parsed: ParsedDocument?, diagnostics: [Diagnostic]) {
        let location = SourceLocation(file: relativePath)
        let name = absolutePath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(absolutePath[absolutePath.utf8.index(after: $0)...]) } ?? absolutePath
        let format = fileExtension(of: name)
        let defaultID = format.isEmpty ? name : String(name.utf8.dropLast(format.utf8.count + 1))!
        let cannotBeRead = { (error: FileBytes.Failure) in
            (parsed: ParsedDocument?.none, diagnostics: [Diagnostic.error(location, "cannot be read (\(error))",
                                                                          advice: "check that the file exists and is readable")])
        }
        let isEmpty = (parsed: ParsedDocument?.none,
                       diagnostics: [Diagnostic.error(location, "the file is empty", advice: "add the transcript text, or remove the file from Corpus/")])
        // Most transcripts are plain UTF-8 text: read straight into a string, decoded as they are.
        if !structuredExtensions.contains(format) {
            do throws(FileBytes.Failure) {
                if let text = try FileBytes.readUTF8(absolutePath) {
                    guard !text.isEmpty else { return isEmpty }
                    return parseText(DecodedText(text: TextDecoder.normalise(text), encoding: .utf8), relativePath: relativePath, defaultID: defaultID,
                                     respondents: respondents)
                }
            } catch {
                return cannotBeRead(error)
            }
        }
        let bytes: [UInt8]
        do throws(FileBytes.Failure) {
            bytes = try FileBytes.read(absolutePath)
        } catch {
            return cannotBeRead(error)
        }
        guard !bytes.isEmpty else { return isEmpty }
        if format == "pdf" {
            do throws(PDFTextExtractor.Failure) {
                let extraction = try PDFTextExtractor.extract(URL(fileURLWithPath: absolutePath, isDirectory: false),
                                                              maximumBytes: Int(clamping: limits.maxEntrySize))
                let parsed = DocumentParser.parse(extraction.text, file: relativePath, defaultID: defaultID, respondents: respondents)
                let said = extraction.messages.isEmpty ? [] : [Diagnostic.warning(location, "pdftotext reported: \(extraction.summary)",
                                                                                  advice: "check that the text is complete, or export the transcript as .docx or .txt")]
                return (parsed, said + parsed.diagnostics)
            } catch {
                switch error {
                case .toolMissing:
                    return (nil, [.error(location, "reading a .pdf needs the program pdftotext, which is not installed",
                                         advice: "install it with `apt-get install poppler-utils`, or save the transcript as .docx or .txt")])
                case .unreadable(let reason):
                    return (nil, [.error(location, "not a valid .pdf (\(reason))", advice: "re-save it, or export the transcript as .docx or .txt")])
                }
            }
        }
        let extracted: ExtractedText
        do {
            switch format {
            case "docx": extracted = try WordDocumentReader(limits: limits).read(Data(bytes))
            case "odt": extracted = try OpenDocumentReader(limits: limits).read(Data(bytes))
            case "vtt", "srt": return readSubtitles(bytes, format: format, relativePath: relativePath, defaultID: defaultID, respondents: respondents)
            default: return readText(bytes, relativePath: relativePath, defaultID: defaultID, respondents: respondents)
            }
        } catch {
            return (nil, [diagnostic(for: error, format: format, file: relativePath)])
        }
        if extracted.text.allSatisfy(\.isWhitespace) {
            return (nil, [.error(location, "the document holds no text", advice: "check that the transcript is in the document body")])
        }
        var parsed = DocumentParser.parse(extracted.text, file: relativePath, defaultID: defaultID, encoding: .utf8,
                                          cueTimes: extracted.cueTimes.map { ($0.offset, $0.seconds) }, respondents: respondents,
                                          readerSpeakers: extracted.speakers)
        parsed.annotations = extracted.annotations
        return (parsed, parsed.diagnostics)
    }

    /// The extension of a file name, lower-cased, without the dot; empty when there is none.
    static func fileExtension(of name: String) -> String {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else { return "" }
        return String(name[name.utf8.index(after: dot)...]).lowercased()
    }

    /// One clear error for a document that cannot be read; the rest of the corpus is still read.
    static func diagnostic(for error: DocumentReaderError, format: String, file: String) -> Diagnostic {
        let text = error.description
        // Reader messages are "[where: ]error: what — what to do".
        let body = text.range(of: "error: ").map { String(text[$0.upperBound...]) } ?? text
        let parts = body.components(separatedBy: " — ")
        let what = parts[0]
        let advice = parts.count > 1 ? parts.dropFirst().joined(separator: " — ") : "re-save it from Word or LibreOffice"
        switch error {
        case .invalidTimestamp(let line, let column, _):
            return .error(SourceLocation(file: file, line: line, column: column), what, advice: advice)
        case .missingCueTiming(let line):
            return .error(SourceLocation(file: file, line: line, column: 1), what, advice: advice)
        case .undecodable(let error):
            return Diagnostic(error.located(in: file))
        case .archive, .xml, .missingPart, .unexpectedContent:
            return .error(SourceLocation(file: file), "not a valid .\(format) (\(what))", advice: advice)
        case .passwordProtected, .compoundFile:
            return .error(SourceLocation(file: file), what, advice: advice)
        }
    }

    /// Decodes text bytes and parses them; used for .txt and .md.
    public static func readText(_ bytes: [UInt8], relativePath: String, defaultID: String,
                                respondents: RespondentTable? = nil) -> (parsed: ParsedDocument?, diagnostics: [Diagnostic]) {
        do throws(TextDecodingError) {
            return parseText(try TextDecoder.decode(bytes, file: relativePath), relativePath: relativePath, defaultID: defaultID, respondents: respondents)
        } catch {
            return (nil, [Diagnostic(error)])
        }
    }

    /// Parses decoded text, saying when it is empty or was not UTF-8.
    static func parseText(_ decoded: DecodedText, relativePath: String, defaultID: String,
                          respondents: RespondentTable? = nil) -> (parsed: ParsedDocument?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let location = SourceLocation(file: relativePath)
        if decoded.text.allSatisfy(\.isWhitespace) {
            return (nil, [.error(location, "the file is empty", advice: "add the transcript text, or remove the file from Corpus/")])
        }
        if let warning = decoded.warning(file: relativePath) { diagnostics.append(warning) }
        let parsed = DocumentParser.parse(decoded.text, file: relativePath, defaultID: defaultID, encoding: decoded.encoding,
                                          respondents: respondents)
        diagnostics += parsed.diagnostics
        return (parsed, diagnostics)
    }
}
