import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct HTMLReportTests {
    static func files(_ path: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for file in ReportBuilder.files(ReportContext(project: try loadProject(path).project, coder: "inline")) { files[file.file] = file.bytes }
        return files
    }

    static func html(_ path: String) throws -> String {
        String(decoding: try #require(try files(path)[HTMLReport.fileName]), as: UTF8.self)
    }

    @Test("rapport.html of the mini study matches its reviewed golden file and is the same on every run")
    func golden() throws {
        let html = try Self.html(TestPaths.miniStudy)
        expectGolden(html, "mini-study/report/rapport.html")
        #expect(try Self.html(TestPaths.miniStudy) == html)
    }

    @Test("the page loads nothing from elsewhere: a CSP forbids it, and no src, href or url() leaves the file")
    func selfContained() throws {
        let html = try Self.html(TestPaths.miniStudy)
        #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">"#))
        #expect(!html.contains(" src="))
        for link in html.components(separatedBy: "href=\"").dropFirst() { #expect(link.hasPrefix("#"), "\(link.prefix(40))") }
        #expect(!html.contains("url(http"))
        #expect(!html.contains("@import"))
    }

    @Test("overview, results table, code tree, quotes with sources, filters and the agreement table are there (hand count)")
    func sections() throws {
        let html = try Self.html(TestPaths.miniStudy)
        for id in ["overzicht", "resultaten", "deelvraag-1", "wifa", "codeboom", "citaten", "overeenstemming"] {
            #expect(html.contains(#"<section id="\#(id)""#), "\(id)")
        }
        // The mini study: inline and TS code, so the agreement table is there.
        #expect(html.contains("<caption>Overeenstemming per code</caption>"))
        #expect(html.contains(#"<tr class="theme"><td class="num">1</td><th scope="row">Een goede klik</th><td>Een klik tussen cliënt en vrijwilliger.</td><td class="num p-client">1/1</td><td class="num p-professional">0/1</td><td class="num p-vrijwilliger">2/2</td><td class="num totaal">3/4</td></tr>"#))
        #expect(html.contains(#"<input type="checkbox" checked data-filter="perspectief" value="p-vrijwilliger"> vrijwilliger</label>"#))
        #expect(html.contains(#"<input type="checkbox" checked data-filter="type" value="t-focusgroep"> focusgroep</label>"#))
        #expect(html.contains("<summary>(C1, interview-a §2)</summary>"))
        #expect(html.contains("[vrijwilliger]"))
        #expect(!html.contains("Joke"))
        #expect(html.contains("@media print"))
        #expect(html.contains("@page { size: A4;"))
    }
}
