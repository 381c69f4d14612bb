extension Codebook {
    /// Whether no code answers a deelvraag: then report pages group themes by category, as grouping by
    /// deelvraag would leave every perspective page empty.
    public var groupsByCategory: Bool {
        codes.allSatisfy { $0.deelvragen.isEmpty }
    }

    /// For `check`: a note that the perspective pages are grouped by category, when no code has a
    /// deelvraag; nil otherwise. Not a diagnostic of parsing: a codebook without deelvragen is valid.
    public var groupingNote: Diagnostic? {
        guard !codes.isEmpty, groupsByCategory else { return nil }
        return .note(SourceLocation(file: file, line: 1, column: 1),
                     "no code has `deelvraag:`; the perspective pages are grouped by the categories (`##` headings) instead",
                     advice: "add `deelvraag: N` under a category or code to group them by deelvraag")
    }
}
