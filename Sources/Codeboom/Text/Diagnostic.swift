/// One problem found while reading a project: what is wrong, where, and what to do about it.
///
/// `check` collects every diagnostic of every stage instead of stopping at the first.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The input is wrong: numbers from it would be wrong.
        case error
        /// Probably a mistake, but the input can still be counted.
        case warning
        /// Information that needs no action, such as which transcripts hold names that reports replace.
        case note
    }

    /// Error, warning or note.
    public var severity: Severity
    /// The file, line and column it is about.
    public var location: SourceLocation
    /// What is wrong.
    public var message: String
    /// What the researcher can do; printed after an em dash.
    public var advice: String

    /// A diagnostic; a stage's own problems become one through `init(_:)` of ``SourceProblem``.
    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, advice: String) {
        self.severity = severity
        self.location = location
        self.message = message
        self.advice = advice
    }

    /// An error at `location`.
    public static func error(_ location: SourceLocation, _ message: String, advice: String) -> Diagnostic {
        Diagnostic(.error, location, message, advice: advice)
    }

    /// A note at `location`.
    public static func note(_ location: SourceLocation, _ message: String, advice: String) -> Diagnostic {
        Diagnostic(.note, location, message, advice: advice)
    }

    /// A warning at `location`.
    public static func warning(_ location: SourceLocation, _ message: String, advice: String) -> Diagnostic {
        Diagnostic(.warning, location, message, advice: advice)
    }

    /// `path:line:col: error: what is wrong — what to do`, the form editors and CI logs recognise.
    /// One line, whatever the file name or quoted text holds: control characters and line breaks in
    /// them show as `\u{1B}`, `\u{A}` (``TerminalText``), so they can neither steer a terminal nor
    /// fake another diagnostic.
    public var description: String {
        "\(TerminalText.escaped(location.description)): \(severity.rawValue): \(TerminalText.escaped(message)) — \(TerminalText.escaped(advice))"
    }

    /// By place, then by message, so `check` lists problems in file order.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return lhs.message < rhs.message
    }
}
