import Codeboom

/// A value named on the command line — a coder, a perspective, a document, a code — that matches
/// nothing in the project. Counting on would print a table of zeros that looks exact, so it is an
/// error (exit status 1) that lists what there is and suggests the nearest, by the one rule of
/// ``NameSuggester``.
struct UnmatchedValue {
    /// What kind of thing the value should name: `coder`, `perspective`, `document`, `code`.
    var kind: String
    /// The value as given.
    var value: String
    /// Where in the project the value was looked for: `has no codings in this project`.
    var problem: String
    /// How to name another: `--coder`, or the command for a positional value (`codeboom segments`).
    var usage: String
    /// The values that match something, in the order to list them.
    var valid: [String]

    /// Values listed at most; a corpus may have thousands of documents.
    static let listedLimit = 20

    /// The nearest valid value, when `value` is close enough to be a typo of it.
    var suggestion: String?

    /// The error; the suggestion is the nearest of `valid` unless the caller knows better (a code's label).
    init(kind: String, value: String, problem: String, usage: String, valid: [String], suggestion: String?? = nil) {
        self.kind = kind
        self.value = value
        self.problem = problem
        self.usage = usage
        self.valid = valid
        self.suggestion = suggestion ?? NameSuggester.suggestion(for: value, among: valid)
    }

    /// The error line, `error: what is wrong — what to do`.
    var message: String {
        let listed = valid.prefix(Self.listedLimit).map { TerminalText.escaped($0) }.joined(separator: ", ")
            + (valid.count > Self.listedLimit ? " and \(valid.count - Self.listedLimit) more" : "")
        let advice: String
        if valid.isEmpty {
            advice = "there is none yet"
        } else if let suggestion {
            advice = "did you mean \"\(TerminalText.escaped(suggestion))\"? Use \(usage) with one of: \(listed)"
        } else {
            advice = "use \(usage) with one of: \(listed)"
        }
        return "error: \(kind) \"\(TerminalText.escaped(value))\" \(problem) — \(advice)\n"
    }

    /// The command's result: the message on stderr, exit status 1.
    var result: CommandResult {
        CommandResult(standardError: message, exitStatus: CommandResult.inputErrorStatus)
    }

    /// The error for the first of `coders` that has no codings, or nil when all have some. A project
    /// with no codings at all counts zero for any coder, truly: that is no error.
    static func coders(_ coders: [String], in project: Project, option: String) -> UnmatchedValue? {
        let known = project.coders
        guard !known.isEmpty, let missing = coders.first(where: { !known.contains($0) }) else { return nil }
        return UnmatchedValue(kind: "coder", value: missing, problem: "has no codings in this project", usage: option, valid: known)
    }

    /// The error for a perspective no respondent or document of `known` has (compared as perspectives
    /// are, without case and diacritics), or nil.
    static func perspective(_ value: String?, known: [Perspective]) -> UnmatchedValue? {
        guard let value, !known.contains(Perspective(value)) else { return nil }
        return UnmatchedValue(kind: "perspective", value: value, problem: "is not a perspective in this project", usage: "--perspective",
                              valid: known.map(\.name))
    }

    /// The error for a document id that is none of `ids` (the project's, in corpus order).
    static func document(_ id: String, among ids: [String], command: String) -> UnmatchedValue {
        UnmatchedValue(kind: "document", value: id, problem: "is not in this project", usage: "codeboom \(command)", valid: ids)
    }

    /// The error for a code id the codebook does not have, or nil; the suggestion also reads labels.
    static func code(_ id: String, in codebook: Codebook) -> UnmatchedValue? {
        guard codebook.code(id: id) == nil else { return nil }
        return UnmatchedValue(kind: "code", value: id, problem: "is not in \(codebook.file)", usage: "--code", valid: codebook.codes.map(\.id),
                              suggestion: .some(CodeSuggester(codebook: codebook).suggestion(for: id)))
    }
}
