import Foundation

/// Reads a PDF's text through `pdftotext` (Debian's poppler-utils) when it is installed; a PDF holds
/// no speakers or paragraphs of its own, so the text then goes through the plain-text parser.
public enum PDFTextExtractor {
    public enum Failure: Error, Sendable, Equatable {
        /// `pdftotext` is not on the PATH.
        case toolMissing
        /// `pdftotext` ran and refused the file.
        case unreadable(reason: String)
    }

    /// The `pdftotext` executable on the PATH, if any.
    static var toolPath: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The text of the PDF at `url`, pages separated by blank lines. Runs locally; nothing is sent anywhere.
    public static func text(of url: URL) throws(Failure) -> String {
        guard let tool = toolPath else { throw .toolMissing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", "-nopgbrk", url.path, "-"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw .unreadable(reason: error.localizedDescription) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .unreadable(reason: message.split(separator: "\n").first.map(String.init) ?? "pdftotext exit \(process.terminationStatus)")
        }
        do throws(TextDecodingError) { return try TextDecoder.decode(Array(data)).text } catch { throw .unreadable(reason: "pdftotext's output is not text: \(error.message)") }
    }
}
