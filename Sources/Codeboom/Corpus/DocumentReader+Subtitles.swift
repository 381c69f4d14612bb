extension DocumentReader {
    /// Reads a .vtt or .srt file: its bytes decoded as a text transcript's are (with the same warning
    /// when the encoding had to be inferred), its cues turned into speaker turns with their start times.
    static func readSubtitles(_ bytes: [UInt8], format: String, relativePath: String,
                              defaultID: String, respondents: RespondentTable? = nil) -> (parsed: ParsedDocument?, diagnostics: [Diagnostic]) {
        let decoded: DecodedText
        do throws(TextDecodingError) {
            decoded = try TextDecoder.decode(bytes, file: relativePath)
        } catch {
            return (nil, [Diagnostic(error)])
        }
        var diagnostics = decoded.warning(file: relativePath).map { [Diagnostic($0)] } ?? []
        let extracted: ExtractedText
        do throws(DocumentReaderError) {
            extracted = try SubtitleReader(file: relativePath).read(decoded.text, diagnostics: &diagnostics)
        } catch {
            return (nil, diagnostics + [Diagnostic(CorpusError.unreadableDocument(SourceLocation(file: relativePath), format: format, error))])
        }
        if extracted.text.allSatisfy(\.isWhitespace) {
            return (nil, diagnostics + [Diagnostic(CorpusError.noSubtitleCues(SourceLocation(file: relativePath)))])
        }
        let parsed = DocumentParser.parse(extracted.text, file: relativePath, defaultID: defaultID, encoding: decoded.encoding,
                                          cueTimes: extracted.cueTimes.map { ($0.offset, $0.seconds) }, respondents: respondents,
                                          readerSpeakers: extracted.speakers)
        return (parsed, diagnostics + parsed.diagnostics)
    }
}
