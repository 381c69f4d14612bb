import Foundation

/// Reads one corpus file of any supported format into a parsed document.
public enum DocumentReader {
    /// File extensions read as transcripts or notes.
    public static let supportedExtensions: Set<String> = ["txt", "md"]

    /// Reads, decodes and parses a file. A file that cannot be used at all yields only diagnostics.
    public static func read(_ url: URL, relativePath: String) -> (parsed: ParsedDocument?, diagnostics: [Diagnostic]) {
        let location = SourceLocation(file: relativePath)
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            return (nil, [.error(location, "cannot be read (\(error.localizedDescription))",
                                 advice: "check that the file exists and is readable")])
        }
        let defaultID = url.deletingPathExtension().lastPathComponent
        return readText(bytes, relativePath: relativePath, defaultID: defaultID)
    }

    /// Decodes text bytes and parses them; used for .txt and .md.
    public static func readText(_ bytes: [UInt8], relativePath: String, defaultID: String) -> (parsed: ParsedDocument?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let location = SourceLocation(file: relativePath)
        let decoded = TextDecoder.decode(bytes)
        if decoded.text.allSatisfy(\.isWhitespace) {
            return (nil, [.error(location, "the file is empty", advice: "add the transcript text, or remove the file from Corpus/")])
        }
        if let position = decoded.firstInvalidUTF8 {
            diagnostics.append(.warning(SourceLocation(file: relativePath, line: position.line, column: position.column),
                                        "not valid UTF-8; read as Windows-1252",
                                        advice: "save the file as UTF-8 to be sure every character is read as meant"))
        }
        let parsed = DocumentParser.parse(decoded.text, file: relativePath, defaultID: defaultID, encoding: decoded.encoding)
        diagnostics += parsed.diagnostics
        return (parsed, diagnostics)
    }
}
