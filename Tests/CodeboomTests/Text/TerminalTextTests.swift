import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct TerminalTextTests {
    @Test("control characters, escape sequences and bidi overrides show as \\u{…}", arguments: [
        ("a\u{1B}[2Jb.txt", "a\\u{1B}[2Jb.txt"),
        ("regel\nnog een", "regel\\u{A}nog een"),
        ("tab\there", "tab\\u{9}here"),
        ("cr\r", "cr\\u{D}"),
        ("del\u{7F} en c1\u{9B}", "del\\u{7F} en c1\\u{9B}"),
        ("\u{202E}fdp.exe", "\\u{202E}fdp.exe"),
        ("scheiding\u{2028}", "scheiding\\u{2028}"),
        ("cliënt — ok", "cliënt — ok"),
    ])
    func escaped(input: String, expected: String) {
        #expect(TerminalText.escaped(input) == expected)
    }

    @Test("a whole output keeps its line breaks and tabs, and only those")
    func keepingLineBreaks() {
        #expect(TerminalText.escaped("a\tb\nc\u{1B}d\n", keepingLineBreaks: true) == "a\tb\nc\\u{1B}d\n")
    }

    @Test("a diagnostic stays one line whatever its file name holds")
    func diagnostic() {
        let diagnostic = Diagnostic.warning(SourceLocation(file: "Corpus/a\n\u{1B}[31mb.txt", line: 3, column: 1), "label \"x\u{1B}\"", advice: "doe iets")
        #expect(diagnostic.description == "Corpus/a\\u{A}\\u{1B}[31mb.txt:3:1: warning: label \"x\\u{1B}\" — doe iets")
    }
}
