import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// The escaping fixture (`Fixtures/escaping-study`): a codebook title, code labels, a perspective and transcripts
/// holding `<script>`, `</table>`, `&`, quotes, `]]>`, `</w:t>`, `</svg>`, Markdown and HTML. Every output —
/// the Markdown pages, the SVG charts, rapport.html and rapport.docx — shows them as text.
@Suite struct ReportEscapingTests {
    static let study = TestPaths.fixtures.appendingPathComponent("escaping-study").path

    static func files() throws -> [String: [UInt8]] { try HTMLReportTests.files(study) }

    /// The text an HTML parser sees, and the elements it finds, from Python's own HTML parser.
    static func parsedHTML(_ html: String) throws -> (text: String, tags: [String])? {
        guard let python = ExternalProgram.find("python3") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rapport.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import sys, html.parser
            class P(html.parser.HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True); self.text = []; self.tags = []; self.skip = 0
                def handle_starttag(self, tag, attrs):
                    self.tags.append(tag)
                    if tag in ('script', 'style'): self.skip += 1
                def handle_endtag(self, tag):
                    if tag in ('script', 'style'): self.skip -= 1
                def handle_data(self, data):
                    if not self.skip: self.text.append(data)
            p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
            print(' '.join(sorted(set(p.tags))))
            print(''.join(p.text))
            """
        let run = try ExternalProgram.run(python, ["-c", script, file.path])
        let lines = run.output.split(separator: "\n", maxSplits: 1).map(String.init)
        return (lines.count > 1 ? lines[1] : "", lines.first?.split(separator: " ").map(String.init) ?? [])
    }

    @Test("rapport.html shows every injection as text: one script element (ours), no img, the words as written")
    func html() throws {
        let html = String(decoding: try #require(try Self.files()[HTMLReport.fileName]), as: UTF8.self)
        #expect(html.components(separatedBy: "<script").count - 1 == 1)
        #expect(!html.contains("<img"))
        #expect(!html.contains("</table></td>"))
        #expect(html.contains("&lt;script&gt;alert(‘x’)&lt;/script&gt; en &lt;/table&gt;&lt;/td&gt; &amp; ook &amp;amp; ‘echt’ &apos;zo&apos;."))
        guard let parsed = try Self.parsedHTML(html) else { return }
        #expect(parsed.tags.contains("script") && !parsed.tags.contains("img") && !parsed.tags.contains("b"))
        #expect(parsed.text.contains("“Met [vrijwilliger] gaat het goed <script>alert(‘x’)</script> en </table></td> & ook &amp; ‘echt’ 'zo'.”"))
        #expect(parsed.text.contains("**vet** [klik hier](javascript:alert(1)) <img src=x onerror=alert(2)> ]]> </w:t></w:r> </svg> | pijp."))
        #expect(parsed.text.contains(#"Agenda <b>&amp;</b> "tijd""#))
        #expect(parsed.text.contains("cliënt <b>&</b>"))
        #expect(!parsed.text.contains("Joke"))
    }

    @Test("the SVG charts are well-formed and hold the labels as text")
    func svg() throws {
        let files = try Self.files()
        let chart = String(decoding: try #require(files["figuren/deelvraag-1.svg"]), as: UTF8.self)
        let parsed = try ReportFiguresTests.parse(chart)
        #expect(parsed.texts.contains(#"1. Agenda <b>&amp;</b> "tijd""#))
        #expect(parsed.texts.contains("Cliënt <b>&</b> (N=1)"))
        #expect(parsed.description.contains("deelvraag 1 (Wat gaat er goed </table> & wat niet?)"))
        // The long name is wrapped whole over lines.
        let heat = try ReportFiguresTests.parse(String(decoding: try #require(files["figuren/codes-per-perspectief.svg"]), as: UTF8.self))
        #expect(heat.texts.joined(separator: " ").contains("Een heel lange themanaam die in een grafiek nooit mag worden afgebroken maar netjes over regels loopt"))
        for (name, bytes) in files where name.hasSuffix(".svg") {
            _ = try SafeXML.parse(Data(bytes))
        }
    }

    @Test("rapport.docx holds the quotes and labels as Word text, in well-formed XML")
    func docx() throws {
        let docx = try #require(try Self.files()[WordReport.fileName])
        let xml = try WordReportTests.part("word/document.xml", of: docx)
        let root = try SafeXML.parse(Data(xml.utf8))
        var paragraphs: [String] = []
        func walk(_ element: SafeXML.Element) {
            if element.name == "w:p" {
                var text = ""
                func collect(_ inner: SafeXML.Element) {
                    if inner.name == "w:t" { text += inner.text }
                    inner.elements.forEach(collect)
                }
                collect(element)
                paragraphs.append(text)
            }
            element.elements.forEach(walk)
        }
        walk(root)
        #expect(paragraphs.contains("“Met [vrijwilliger] gaat het goed <script>alert(‘x’)</script> en </table></td> & ook &amp; ‘echt’ 'zo'.” (V1, interview-1 §2)"))
        #expect(paragraphs.contains(#"Injectie <script>alert("titel")</script> & "co""#))
        #expect(paragraphs.contains(#"1. Agenda <b>&amp;</b> "tijd""#))
        #expect(!xml.contains("Joke"))
    }

    @Test("the Markdown pages escape the same text (<, >, & as entities; Markdown backslash-escaped)")
    func markdown() throws {
        let page = String(decoding: try #require(try Self.files()["perspectief-vrijwilliger.md"]), as: UTF8.self)
        #expect(!page.contains("<script"))
        #expect(page.contains("&lt;script&gt;"))
        #expect(page.contains("\\*\\*vet\\*\\*"))
        #expect(!page.contains("Joke"))
    }
}
