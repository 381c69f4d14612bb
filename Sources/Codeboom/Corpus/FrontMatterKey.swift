/// The keys a document's front matter (and `documenten.csv`) gives a meaning to, the English words
/// researchers also write for them, and the typo check for the rest: any other key is a document
/// variable, kept as written.
public enum FrontMatterKey {
    /// The keys Codeboom reads, in Dutch as the file formats name them.
    public static let known = ["id", "type", "perspectief", "respondent", "datum", "organisatie", DocumentParser.speakersKey,
                               InlineCoder.metadataKey, "interviewer"]

    /// English keys and the Dutch key each means (`respondent`, `type` and `id` are the same in both).
    public static let english: [String: String] = [
        "perspective": "perspectief", "date": "datum", "organisation": "organisatie", "organization": "organisatie",
        "speakers": DocumentParser.speakersKey, "coder": InlineCoder.metadataKey,
    ]

    /// The key as Codeboom reads it: the Dutch key for an English one, any other key as it is.
    public static func meaning(of key: String) -> String {
        english[key] ?? key
    }

    /// Whether `key` is read by Codeboom, in Dutch or English.
    public static func isKnown(_ key: String) -> Bool {
        english[key] != nil || known.contains(key)
    }

    private static let suggester = NameSuggester(names: known + english.keys.sorted())

    /// The known key `key` looks like a typo of (``NameSuggester``'s rule: `perpectief`), or nil for a key
    /// that is known or far from every known one.
    public static func suggestion(for key: String) -> String? {
        guard !isKnown(key), let position = suggester.position(for: key) else { return nil }
        let names = known + english.keys.sorted()
        return names[position]
    }

    /// The warning for a key that looks like a typo of a known one, at `location`; nil for any other key.
    static func typo(_ key: String, at location: SourceLocation) -> Diagnostic? {
        guard let suggestion = suggestion(for: key) else { return nil }
        return .warning(location, "front matter key \"\(key)\" is not one Codeboom reads; it is kept as a document variable",
                        advice: "did you mean \"\(suggestion)\"? Rename the key if so")
    }
}
