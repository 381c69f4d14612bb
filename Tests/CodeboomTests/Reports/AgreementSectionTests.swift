import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// The agreement section of rapport.html and rapport.docx: one ``AgreementSection`` both draw from, naming the unit
/// the table counts. Expected texts by hand from the mini study (inline and TS; see Golden/mini-study/agree.md).
@Suite struct AgreementSectionTests {
    static func context() throws -> ReportContext { ReportContext(project: try loadProject(TestPaths.miniStudy).project, coder: "inline") }

    /// The paragraphs of rapport.docx's body, as text.
    static func wordParagraphs(_ context: ReportContext, agreement: AgreementTable) throws -> [String] {
        let xml = try WordReportTests.part("word/document.xml", of: WordReport.package(context, figures: [], agreement: agreement))
        return xml.components(separatedBy: "</w:p>").map { paragraph in
            paragraph.components(separatedBy: "<w:t").dropFirst().map { String($0.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }) }.joined()
        }.filter { !$0.isEmpty }.map { $0.replacingOccurrences(of: "&apos;", with: "'") }
    }

    @Test("by segment, both documents say \"Eenheid: segment\" with 9 segmenten in 3 documenten, as agree does")
    func segments() throws {
        let context = try Self.context()
        let table = AgreementTable(project: context.project, coders: ["inline", "TS"], unit: .segment, listingDisagreements: false)
        let introduction = "Codeurs: inline, TS. Eenheid: segment (interviewerbeurten niet meegeteld); 9 segmenten in 3 documenten die minstens "
            + "twee codeurs codeerden. Een streepje (–) betekent: niet gedefinieerd."
        let html = HTMLReport.render(context, figures: [], agreement: table)
        #expect(html.contains(#"<h2 id="overeenstemming-kop">Overeenstemming tussen codeurs</h2>"# + "\n<p>\(introduction)</p>\n"))
        #expect(html.contains(#"<tr><th scope="row">Een goede klik</th><td class="num">9</td><td class="num">88,9%</td><td class="num">0,727</td><td class="num">0,738</td></tr>"#))
        let word = try Self.wordParagraphs(context, agreement: table)
        let heading = try #require(word.firstIndex(of: "Overeenstemming tussen codeurs"))
        #expect(Array(word[heading...].prefix(14)) == [
            "Overeenstemming tussen codeurs", introduction, "Tabel: overeenstemming per code",
            "Code", "Eenheden", "Overeenstemming", "Cohen's kappa", "Krippendorff's alpha",
            "Een goede klik", "9", "88,9%", "0,727", "0,738", "Korte lijnen",
        ])
        #expect(Array(word.suffix(5)) == ["Alle codes samen", "36", "86,1%", "0,583", "0,585"])
    }

    @Test("by document, both documents say \"Eenheid: document\" and count documents, never segments")
    func documents() throws {
        let context = try Self.context()
        let table = AgreementTable(project: context.project, coders: ["inline", "TS"], unit: .document, listingDisagreements: false)
        // By hand: klik is in all 3 documents for inline, in interview-a and the focusgroep for TS: 2 of 3 agree (66,7%);
        // TS always or inline always says yes, so chance agreement is 2/3 as well and kappa (2/3 − 2/3)/(1 − 2/3) = 0.
        let introduction = "Codeurs: inline, TS. Eenheid: document (of een codeur de code ergens in het document gaf); 3 documenten die minstens "
            + "twee codeurs codeerden. Een streepje (–) betekent: niet gedefinieerd."
        let html = HTMLReport.render(context, figures: [], agreement: table)
        #expect(html.contains("<p>\(introduction)</p>"))
        #expect(html.contains(#"<tr><th scope="row">Een goede klik</th><td class="num">3</td><td class="num">66,7%</td><td class="num">0,000</td>"#))
        let word = try Self.wordParagraphs(context, agreement: table)
        let heading = try #require(word.firstIndex(of: "Overeenstemming tussen codeurs"))
        #expect(Array(word[heading...].prefix(12)) == [
            "Overeenstemming tussen codeurs", introduction, "Tabel: overeenstemming per code",
            "Code", "Eenheden", "Overeenstemming", "Cohen's kappa", "Krippendorff's alpha",
            "Een goede klik", "3", "66,7%", "0,000",
        ])
        #expect(!html.contains("segment (interviewerbeurten") && !word.contains { $0.contains("segment") })
    }

    @Test("both renderers show exactly the section's rows: labels and numbers, – where a number is not defined")
    func oneSource() throws {
        let context = try Self.context()
        let table = AgreementTable(project: context.project, coders: ["inline", "TS"], unit: .document, listingDisagreements: false)
        let section = AgreementSection(table, codebook: context.codebook)
        #expect(section.rows.map(\.label) == ["Een goede klik", "Korte lijnen", "Snel antwoord", "Agendadruk"])
        let html = HTMLReport.render(context, figures: [], agreement: table)
        let word = try Self.wordParagraphs(context, agreement: table)
        let heading = try #require(word.firstIndex(of: "Overeenstemming tussen codeurs"))
        var expectedWord = [String]()
        for row in section.rows + [section.total] {
            let cells = row.values.map { #"<td class="num">\#($0)</td>"# }.joined()
            #expect(html.contains(#"<th scope="row">\#(row.label)</th>\#(cells)</tr>"#), "\(row.label)")
            expectedWord += [row.label] + row.values
        }
        #expect(Array(word[(heading + 8)...].prefix(expectedWord.count)) == expectedWord)
    }
}
