import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct CodingCSVExportTests {
    /// Front matter of 59 code points; turn 1 `I: Hoe gaat het met Joke?` is 59..<84 (words from 62), turn 2
    /// starts at 85 and its words run 88..<120; "Jo" of "Joke" in turn 2 is 101..<103.
    private func project() throws -> TemporaryProject {
        try TemporaryProject([
            "Corpus/a.txt": "---\ntype: interview\nperspectief: cliënt\nrespondent: C1\n---\nI: Hoe gaat het met Joke?\nR: =SOM(A1) zei Joke. Café 😀 klopt.\n",
            "Corpus/codings/TS.csv": "document,segment,code,start,end,memo\na,1,alpha,,,\na,,beta,101,103,\na,2,beta-een,,,over Joke\n",
            "Corpus/pseudoniemen.csv": "naam,pseudoniem\nJoke,[vrijwilliger]\n",
        ])
    }

    private func rows(_ dialect: CSVDialect, keepingBOM: Bool = false) throws -> (String, Int) {
        let folder = try project()
        defer { folder.remove() }
        let load = try loadProject(folder.path)
        #expect(load.errors.isEmpty, "\(load.errors)")
        let url = folder.root.appendingPathComponent("uit.csv")
        let count = try CodingCSVExport(project: load.project, coders: nil, dialect: dialect).write(to: url)
        // Decoded by hand: Foundation's String(contentsOf:) drops a byte-order mark.
        return (String(decoding: try Data(contentsOf: url), as: UTF8.self), count)
    }

    @Test("one row per coding, offsets in code points, names pseudonymised in text and memo")
    func standardRows() throws {
        let (text, count) = try rows(.standard)
        #expect(count == 3)
        #expect(text == """
        document,segment,respondent,perspective,code,path,coder,start,end,memo,text
        a,1,,,alpha,thema/alpha,TS,62,84,,Hoe gaat het met [vrijwilliger]?
        a,2,C1,cliënt,beta,thema/beta,TS,101,103,,[vrijwilliger]
        a,2,C1,cliënt,beta-een,thema/beta/beta-een,TS,88,120,over [vrijwilliger],=SOM(A1) zei [vrijwilliger]. Café 😀 klopt.

        """)
    }

    @Test("--excel: semicolons, a byte-order mark, and a cell that looks like a formula shown as text")
    func excelRows() throws {
        let (text, _) = try rows(.excel, keepingBOM: true)
        #expect(text.unicodeScalars.first == "\u{FEFF}")
        #expect(text.unicodeScalars.dropFirst().map(String.init).joined() == """
        document;segment;respondent;perspective;code;path;coder;start;end;memo;text
        a;1;;;alpha;thema/alpha;TS;62;84;;Hoe gaat het met [vrijwilliger]?
        a;2;C1;cliënt;beta;thema/beta;TS;101;103;;[vrijwilliger]
        a;2;C1;cliënt;beta-een;thema/beta/beta-een;TS;88;120;over [vrijwilliger];'=SOM(A1) zei [vrijwilliger]. Café 😀 klopt.

        """)
    }

    @Test("cells are quoted when they hold the separator, and decimals follow the dialect", arguments: [
        (CSVDialect.standard, "\"a,b\",\"c;d\",\"say \"\"hi\"\"\",-1,0.5,-x\n"),
        (CSVDialect.excel, "a,b;\"c;d\";\"say \"\"hi\"\"\";-1;0,5;'-x\n"),
    ])
    func quoting(dialect: CSVDialect, expected: String) {
        #expect(dialect.line([.text("a,b"), .text("c;d"), .text("say \"hi\""), .integer(-1), .decimal("0.5"), .text("-x")]) == expected)
    }

    @Test("freq in the Excel dialect has the same cells as the plain CSV")
    func frequencyExcel() throws {
        let folder = try project()
        defer { folder.remove() }
        let table = FrequencyTable(project: try loadProject(folder.path).project, coder: "TS")
        let plain = FrequencyCSVRenderer.render(table)
        let excel = FrequencyCSVRenderer.render(table, dialect: .excel)
        #expect(excel.unicodeScalars.first == "\u{FEFF}")
        #expect(String(excel.unicodeScalars.dropFirst()) == plain.replacingOccurrences(of: ",", with: ";"))
    }
}
