import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct TableLayoutTests {
    private func rows(_ table: [[String]]) -> [[TableLayout.Cell]] {
        table.map { $0.map { $0.isEmpty ? [] : [StyledPiece.plain($0)] } }
    }

    private func text(_ table: [[String]]) -> [String] {
        TableLayout.lines(rows: rows(table)).map { line in
            line.compactMap { if case .text(let text, _) = $0 { text } else { nil } }.joined()
        }
    }

    @Test("a two-column table whose labels recur is speaker turns; an empty label continues the turn")
    func recurringLabels() {
        #expect(text([["I", "Hoe gaat het?"], ["R", "Goed."], ["", "Echt."], ["I", "Mooi."]])
            == ["I: Hoe gaat het?", "R: Goed.", "Echt.", "I: Mooi."])
    }

    @Test("a two-column table of one-off labels (a form, a list of facts) is rows, not speakers")
    func oneOffLabels() {
        #expect(text([["Datum", "14 maart"], ["Plaats", "De Hoven"]]) == ["Datum\t14 maart", "Plaats\tDe Hoven"])
        #expect(text([["Source:", "CBS, 2016"], ["Note:", "cijfers afgerond"]]) == ["Source:\tCBS, 2016", "Note:\tcijfers afgerond"])
    }

    @Test("a first column of sentences or long phrases is not speakers, even when they recur")
    func longFirstColumn() {
        #expect(text([["Wat ging goed.", "x"], ["Wat ging goed.", "y"]]) == ["Wat ging goed.\tx", "Wat ging goed.\ty"])
        #expect(text([["een twee drie vier vijf", "a"], ["een twee drie vier vijf", "b"]])
            == ["een twee drie vier vijf\ta", "een twee drie vier vijf\tb"])
    }

    @Test("a header spreker/naam over tekst makes turns of one-off labels, and the header is left out", arguments: [
        ("Spreker", "Tekst"), ("naam", "tekst"), ("Speaker", "Text"), ("Name:", "Text"),
    ])
    func header(speaker: String, text header: String) {
        #expect(text([[speaker, header], ["Marieke", "Ik kwam later."], ["Ruud", "Ik ook."]])
            == ["Marieke: Ik kwam later.", "Ruud: Ik ook."])
    }

    @Test("tables of other widths, or with rows of other widths, join cells with tabs")
    func otherWidths() {
        #expect(text([["I", "a", "b"], ["I", "c", "d"]]) == ["I\ta\tb", "I\tc\td"])
        #expect(text([["I", "a"], ["R"], ["I", "c"]]) == ["I\ta", "R", "I\tc"])
    }

    @Test("labels recur whatever their case, and a colon after a label is not part of it")
    func labelForms() {
        #expect(text([["Henk:", "Ja."], ["henk", "Nee."]]) == ["Henk: Ja.", "henk: Nee."])
    }
}
