import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a PDF's text through `pdftotext` (Debian's poppler-utils) when it is installed; a PDF holds
/// no speakers or paragraphs of its own, so the text then goes through the plain-text parser.
///
/// `pdftotext` runs with a time limit and a size limit, and its output and messages are read at the
/// same time, so a PDF that makes it write a flood of messages, run forever or write without end
/// costs at most the limits, never a hang.
public enum PDFTextExtractor {
    /// Why a PDF's text could not be had.
    public enum Failure: Error, Sendable, Equatable {
        /// `pdftotext` is not on the PATH.
        case toolMissing
        /// `pdftotext` ran and refused the file, did not finish in time, or wrote too much.
        case unreadable(reason: String)
    }

    /// The text of a PDF, and what `pdftotext` said while reading it.
    public struct Extraction: Sendable, Equatable {
        /// The text, pages separated by blank lines.
        public var text: String
        /// The first lines `pdftotext` wrote to its error output, empty when it said nothing.
        public var messages: [String]
        /// How many message lines there were (at least, when `isCountComplete` is false).
        public var messageCount: Int
        /// Whether every message was read; a flood of them is counted only as far as it was kept.
        public var isCountComplete: Bool

        /// The messages for a diagnostic: the first few, and how many more there were.
        public var summary: String {
            let more = messageCount - messages.count
            let rest = !isCountComplete ? " (and at least \(more) more)" : (more > 0 ? " (and \(more) more)" : "")
            return messages.joined(separator: "; ") + rest
        }
    }

    /// How long `pdftotext` may take for one file.
    public static let defaultTimeout: Double = 120
    /// How many bytes of text one PDF may yield.
    public static let defaultMaximumBytes = 200 * 1_048_576
    /// Message lines kept for the diagnostic.
    static let keptMessages = 3

    /// The `pdftotext` executable on the PATH, if any.
    static var toolPath: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The text of the PDF at `url` and `pdftotext`'s messages.
    ///
    /// - Parameters:
    ///   - timeout: seconds before `pdftotext` is stopped and the file refused.
    ///   - maximumBytes: the most text accepted; more stops `pdftotext` and refuses the file.
    ///   - tool: the program to run instead of `pdftotext` on the PATH (for tests).
    public static func extract(_ url: URL, timeout: Double = defaultTimeout, maximumBytes: Int = defaultMaximumBytes,
                               tool: String? = nil) throws(Failure) -> Extraction {
        guard let tool = tool ?? toolPath else { throw .toolMissing }
        let run = ChildProcess.run(tool, arguments: ["-enc", "UTF-8", "-nopgbrk", url.path, "-"],
                                       timeout: timeout, maximumOutput: maximumBytes)
        var lines = String(decoding: run.errorOutput, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // The last kept line may be cut off.
        if run.errorOutputTruncated, lines.count > keptMessages { lines.removeLast() }
        let messages = Array(lines.prefix(keptMessages))
        let extraction = Extraction(text: "", messages: messages, messageCount: lines.count, isCountComplete: !run.errorOutputTruncated)
        let said = extraction.summary
        switch run.ending {
        case .exited(0):
            break
        case .exited(let status):
            throw .unreadable(reason: messages.isEmpty ? "pdftotext exit \(status)" : said)
        case .timedOut:
            throw .unreadable(reason: "pdftotext did not finish within \(Int(timeout)) s" + (messages.isEmpty ? "" : "; it said: \(said)"))
        case .outputTooLarge:
            throw .unreadable(reason: "pdftotext wrote more than \(maximumBytes / 1_048_576) MB of text")
        case .signalled(let signal):
            throw .unreadable(reason: "pdftotext stopped by signal \(signal)" + (messages.isEmpty ? "" : "; it said: \(said)"))
        case .failedToStart(let reason):
            throw .unreadable(reason: "pdftotext could not be started (\(reason))")
        }
        let text: String
        do throws(TextDecodingError) { text = try TextDecoder.decode(run.output).text } catch { throw .unreadable(reason: "pdftotext's output is not text: \(error.message)") }
        return Extraction(text: text, messages: messages, messageCount: lines.count, isCountComplete: !run.errorOutputTruncated)
    }
}

