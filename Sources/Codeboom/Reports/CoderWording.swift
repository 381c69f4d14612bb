/// Who or what made the codings a page counts, in words: tags in the transcripts ("in de tekst"),
/// the keyword auto-coder ("automatisch (trefwoorden)") or a named coder ("codeur TS").
public enum CoderWording {
    /// "in de tekst", "automatisch (trefwoorden)" or "codeur TS".
    public static func words(for coder: String) -> String {
        switch coder {
        case InlineCoder.defaultName: "in de tekst"
        case AutoCoder.defaultCoder: "automatisch (trefwoorden)"
        default: "codeur \(coder)"
        }
    }

    /// "Codering: in de tekst." — the line every counting page carries, escaped for Markdown.
    static func line(for coder: String) -> String {
        "Codering: \(MarkdownText.text(words(for: coder)))."
    }
}
