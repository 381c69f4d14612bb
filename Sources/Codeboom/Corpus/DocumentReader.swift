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
        // The name up to its last dot (the extension, lower-cased, may have another length than as written).
        let defaultID = format.isEmpty ? name : name.utf8.lastIndex(of: UInt8(ascii: ".")).map { String(name[..<$0]) } ?? name
        let cannotBeRead = { (error: FileBytes.Failure) in
            (parsed: ParsedDocument?.none, diagnostics: [Diagnostic(CorpusError.unreadable(location, reason: "\(error)"))])
        }
        let isEmpty = (parsed: ParsedDocument?.none, diagnostics: [Diagnostic(CorpusError.emptyFile(location))])
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
                let said = extraction.messages.isEmpty ? [] : [Diagnostic(CorpusError.pdfToolReported(location, summary: extraction.summary))]
                return (parsed, said + parsed.diagnostics)
            } catch {
                switch error {
                case .toolMissing:
                    return (nil, [Diagnostic(CorpusError.pdfToolMissing(location))])
                case .unreadable(let reason):
                    return (nil, [Diagnostic(CorpusError.invalidPDF(location, reason: reason))])
                }
            }
        }
        let extracted: ExtractedText
        do throws(DocumentReaderError) {
            switch format {
            case "docx": extracted = try WordDocumentReader(limits: limits).read(Data(bytes))
            case "odt": extracted = try OpenDocumentReader(limits: limits).read(Data(bytes))
            case "vtt", "srt": return readSubtitles(bytes, format: format, relativePath: relativePath, defaultID: defaultID, respondents: respondents)
            default: return readText(bytes, relativePath: relativePath, defaultID: defaultID, respondents: respondents)
            }
        } catch {
            return (nil, [Diagnostic(CorpusError.unreadableDocument(location, format: format, error))])
        }
        if extracted.text.allSatisfy(\.isWhitespace) {
            return (nil, [Diagnostic(CorpusError.noTextInDocument(location))])
        }
        var parsed = DocumentParser.parse(extracted.text, file: relativePath, defaultID: defaultID, encoding: .utf8,
                                          cueTimes: extracted.cueTimes.map { ($0.offset, $0.seconds) }, respondents: respondents,
                                          readerSpeakers: extracted.speakers)
        // Comments are anchored in the extracted text; a tool's layout may have moved its lines.
        parsed.annotations = extracted.annotations.map { annotation in
            var moved = annotation
            moved.start = parsed.documentOffset(annotation.start)
            moved.end = max(moved.start, parsed.documentOffset(annotation.end))
            return moved
        }
        return (parsed, parsed.diagnostics)
    }

    /// The extension of a file name, lower-cased, without the dot; empty when there is none.
    static func fileExtension(of name: String) -> String {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else { return "" }
        return String(name[name.utf8.index(after: dot)...]).lowercased()
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
            return (nil, [Diagnostic(CorpusError.emptyFile(location))])
        }
        if let warning = decoded.warning(file: relativePath) { diagnostics.append(warning) }
        let parsed = DocumentParser.parse(decoded.text, file: relativePath, defaultID: defaultID, encoding: decoded.encoding,
                                          respondents: respondents)
        diagnostics += parsed.diagnostics
        return (parsed, diagnostics)
    }
}
