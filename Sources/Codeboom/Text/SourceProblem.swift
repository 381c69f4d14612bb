/// A problem one stage found in its input — the common shape of the error type each stage has
/// (`CodebookError`, `CorpusError`, `CodingError`, `ProjectError`, …).
///
/// A stage reports values of its own enum, each case carrying where it applies; the values are
/// tested as values. They become the `path:line:col: severity: what — what to do` lines a user
/// reads in one place only: `Diagnostic.init(_:)`.
public protocol SourceProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Whether the problem stops counting (error), deserves a look (warning) or only informs (note).
    var severity: Diagnostic.Severity { get }
    /// The file, line and column (Unicode scalars from 1) the problem applies to.
    var location: SourceLocation { get }
    /// What is wrong.
    var message: String { get }
    /// What the researcher can do about it.
    var advice: String { get }
}

extension SourceProblem {
    /// The line a user reads: `path:line:col: severity: what — what to do`.
    public var description: String { Diagnostic(self).description }
}

extension Diagnostic {
    /// The one place where a stage's problem becomes what `check` and every command print.
    public init(_ problem: some SourceProblem) {
        self.init(problem.severity, problem.location, problem.message, advice: problem.advice)
    }
}

extension Array where Element == Diagnostic {
    /// Adds a stage's problem as the line `check` prints: where the stages' problems are gathered.
    public mutating func append(_ problem: some SourceProblem) {
        append(Diagnostic(problem))
    }

    /// Adds a stage's problems as the lines `check` prints, in their order.
    public static func += <Problem: SourceProblem>(diagnostics: inout [Diagnostic], problems: [Problem]) {
        diagnostics.append(contentsOf: problems.map(Diagnostic.init))
    }
}
