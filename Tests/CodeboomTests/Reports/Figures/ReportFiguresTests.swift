import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct ReportFiguresTests {
    func miniContext() throws -> ReportContext {
        ReportContext(project: try loadProject(TestPaths.miniStudy).project, coder: "inline")
    }

    @Test("the mini study's charts match their reviewed golden files and are the same bytes on every run")
    func golden() throws {
        let figures = ReportFigures.figures(try miniContext())
        #expect(figures.map(\.file) == ["figuren/deelvraag-1.svg", "figuren/deelvraag-2.svg", "figuren/wifa.svg", "figuren/codes-per-perspectief.svg"])
        for figure in figures { expectGolden(figure.svg, "mini-study/report/\(figure.file)") }
        #expect(ReportFigures.figures(try miniContext()) == figures)
    }

    /// The texts and rectangles of an SVG, read by our XML parser (so the file is well-formed XML).
    static func parse(_ svg: String) throws -> (texts: [String], bars: [Double], title: String, description: String) {
        let root = try SafeXML.parse(Data(svg.utf8))
        var texts: [String] = [], bars: [Double] = []
        func walk(_ element: SafeXML.Element) {
            if element.name == "text" { texts.append(element.text) }
            if element.name == "rect", element.attributes["fill"] == "none", let width = element.attributes["width"] { bars.append(Double(width) ?? -1) }
            element.elements.forEach(walk)
        }
        walk(root)
        return (texts, bars, root.firstChild(named: "title")?.text ?? "", root.firstChild(named: "desc")?.text ?? "")
    }

    @Test("a deelvraag chart writes n/N at each bar and draws it n/N of the plot wide (hand count of the mini study)")
    func barsAndCounts() throws {
        let figure = try #require(ReportFigures.figures(try miniContext()).first { $0.file == "figuren/deelvraag-1.svg" })
        let svg = try Self.parse(figure.svg)
        // Deelvraag 1 has theme 1 (klik): cliënt 1/1, professional 0/1, vrijwilliger 2/2, totaal 3/4.
        #expect(Array(svg.texts.drop { $0 != "1. Een goede klik" }.prefix(5)) == ["1. Een goede klik", "1/1", "0/1", "2/2", "3/4"])
        // Legend swatches (14 wide), then bars: full width 340 for 1/1 and 2/2, 255 for 3/4; 0/1 draws no bar.
        #expect(Array(svg.bars.filter { $0 != 14 }.prefix(3)) == [340, 340, 255])
        #expect(svg.title == "Deelvraag 1: respondenten per thema en perspectief")
        #expect(svg.description.contains("1. Een goede klik: cliënt 1 van 1, professional 0 van 1, vrijwilliger 2 van 2, totaal 3 van 4."))
        #expect(svg.texts.contains("Vrijwilliger (N=2)"))
    }

    @Test("the heat map shades a cell by n/N in fifths and labels it n/N")
    func heatMap() throws {
        #expect([(0, 4), (1, 5), (1, 4), (2, 5), (3, 5), (4, 5), (5, 5), (1, 1)].map { ChartPalette.heatStep($0.0, of: $0.1) } == [0, 1, 2, 2, 3, 4, 5, 5])
        let figure = try #require(ReportFigures.figures(try miniContext()).last)
        let svg = try Self.parse(figure.svg)
        #expect(svg.texts.contains("1. Een goede klik"))
        #expect(svg.texts.contains("3/4"))
    }

    @Test("a long theme name wraps between words and is never cut")
    func wrapping() {
        let name = "Een heel lange themanaam die in een grafiek nooit mag worden afgebroken maar netjes over regels loopt"
        let lines = LabelWrapper.lines(name, width: 34)
        #expect(lines.joined(separator: " ") == name)
        #expect(lines.allSatisfy { $0.count <= 34 })
        let word = String(repeating: "x", count: 50)
        #expect(LabelWrapper.lines("a \(word) b", width: 34) == ["a", word, "b"])
    }

    @Test("series differ in colour (Okabe–Ito) and in pattern, so greyscale print keeps them apart")
    func palette() {
        let fills = (0..<7).map { ChartPalette.fill($0) }
        #expect(Set(fills.map(\.colour)).count == 7)
        #expect(Set(fills.map { $0.pattern?.rawValue ?? "plain" }).count == 7)
        #expect(Set(ChartPalette.colours) == ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"])
        #expect(ChartPalette.colours.allSatisfy { ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"].contains($0) })
    }
}
