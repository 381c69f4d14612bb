import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct MarkdownTextTests {
    @Test("running text shows as text: HTML, emphasis, code, links and control characters are neutralised", arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Jan & Piet", "Jan &amp; Piet"),
        ("&amp; blijft zichtbaar", "&amp;amp; blijft zichtbaar"),
        ("*nadruk* en _ook_ en ~~weg~~", "\\*nadruk\\* en \\_ook\\_ en \\~\\~weg\\~\\~"),
        ("`code` en \\ backslash", "\\`code\\` en \\\\ backslash"),
        ("[tekst](http://example.org)", "[tekst\\](http://example.org)"),
        ("![beeld](x.png)", "![beeld\\](x.png)"),
        ("# geen kop", "\\# geen kop"),
        ("regel een\nregel twee\tmet tab", "regel een regel twee met tab"),
        ("rood \u{1B}[31m en bel \u{07}", "rood \\u{1B}[31m en bel \\u{7}"),
        ("omgekeerd \u{202E}txt.exe", "omgekeerd \\u{202E}txt.exe"),
    ])
    func text(input: String, expected: String) {
        #expect(MarkdownText.text(input) == expected)
    }

    @Test("text without special characters comes back unchanged, including transcript brackets and a pipe outside tables", arguments: [
        "Een goede klik", "cliënt, coördinator", "[lacht] Ja. [naam] zei het.", "a | b", "- niet aan het begin van een regel", "1. ook niet",
    ])
    func unchanged(input: String) {
        #expect(MarkdownText.text(input) == input)
    }

    @Test("a table cell also escapes the pipe, so a label cannot add a column")
    func cell() {
        #expect(MarkdownText.cell("Agenda | druk") == "Agenda \\| druk")
        #expect(MarkdownText.cell("pro|fessional\nnieuwe rij") == "pro\\|fessional nieuwe rij")
        #expect(MarkdownText.cell("- lijst") == "- lijst")
    }

    @Test("text at the start of a line cannot start a list, a numbered list or a heading", arguments: [
        ("- dat ging goed", "\\- dat ging goed"),
        ("+ plus", "\\+ plus"),
        ("===", "\\==="),
        ("1. nooit tijd", "1\\. nooit tijd"),
        ("12) ook dit", "12\\) ook dit"),
        ("# kop", "\\# kop"),
        ("> citaat", "&gt; citaat"),
        ("2016 was een goed jaar", "2016 was een goed jaar"),
    ])
    func lineStart(input: String, expected: String) {
        #expect(MarkdownText.lineStart(input) == expected)
    }

    @Test("link text escapes its brackets")
    func link() {
        #expect(MarkdownText.link("Volgens de [x]en") == "Volgens de \\[x\\]en")
    }

    @Test("a code span takes a longer fence when the text holds backticks, and escapes a pipe inside a table")
    func code() {
        #expect(MarkdownText.code("juiste-match") == "`juiste-match`")
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.code("`a") == "`` `a ``")
        #expect(MarkdownText.code("a|b", inTable: true) == "`a\\|b`")
        #expect(MarkdownText.code("a\u{1B}b") == "`a\\u{1B}b`")
    }
}
