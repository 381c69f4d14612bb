/// A horizontal grouped bar chart: per group (a theme, a WIFA dimension) one bar per series (a perspective,
/// the total) with the share n/N of that series' respondents, and `n/N` written at the end of each bar.
struct GroupedBarChart {
    /// One bar: n of N.
    struct Bar {
        var count: Int
        var total: Int
    }

    /// One group of bars, one per series.
    struct Group {
        var label: String
        var bars: [Bar]
    }

    /// The visible title above the chart (also the SVG's `<title>`).
    var title: String
    /// The longer text alternative (`<desc>`): every number of the chart in words.
    var description: String
    /// The series' names for the legend ("Cliënt (N=4)"); the last is the total when `lastIsTotal`.
    var series: [String]
    var lastIsTotal: Bool
    var groups: [Group]
    /// What the bars measure, under the axis.
    var axisLabel: String
    /// Prefix for the ids inside the SVG.
    var idPrefix: String

    static let margin = 16.0, barHeight = 14.0, barGap = 3.0, groupGap = 14.0, lineHeight = 15.0, plotWidth = 340.0
    /// Theme names wrap at about this many characters.
    static let labelCharacters = 34

    func svg() -> String {
        let margin = Self.margin
        let wrapped = groups.map { LabelWrapper.lines($0.label, width: Self.labelCharacters) }
        let labelWidth = max(120, (wrapped.flatMap { $0 }.map { LabelWrapper.estimatedWidth($0) }.max() ?? 0) + 12)
        let countWidth = 64.0
        let plotLeft = margin + labelWidth
        var width = plotLeft + Self.plotWidth + countWidth + margin
        width = max(width, LabelWrapper.estimatedWidth(title, size: 15, bold: true) + 2 * margin)

        // Legend items flow in rows across the width.
        var legend: [(x: Double, row: Int, index: Int)] = []
        var x = margin, row = 0
        for (index, name) in series.enumerated() {
            let itemWidth = 18 + LabelWrapper.estimatedWidth(name) + 18
            if x + itemWidth > width - margin && x > margin { row += 1; x = margin }
            legend.append((x, row, index))
            x += itemWidth
        }
        let titleY = margin + 14
        let legendTop = titleY + 14
        let plotTop = legendTop + Double(row + 1) * 20 + 10
        var y = plotTop
        var groupTops: [Double] = []
        for (index, group) in groups.enumerated() {
            groupTops.append(y)
            let barsHeight = Double(group.bars.count) * (Self.barHeight + Self.barGap) - Self.barGap
            let labelHeight = Double(wrapped[index].count) * Self.lineHeight
            y += max(barsHeight, labelHeight) + Self.groupGap
        }
        let plotBottom = y - Self.groupGap + 6
        let height = plotBottom + 44

        var svg = SVGDocument(width: Int(width.rounded(.up)), height: Int(height.rounded(.up)), title: title, description: description, idPrefix: idPrefix)
        for definition in ChartPalette.definitions(prefix: idPrefix) { svg.define(definition) }
        svg.text(title, x: margin, y: titleY, size: 15, bold: true)
        for item in legend {
            let top = legendTop + Double(item.row) * 20
            drawSwatch(&svg, series: item.index, x: item.x, y: top, width: 14, height: 14)
            svg.text(series[item.index], x: item.x + 19, y: top + 11.5)
        }
        // Grid lines every 25%, with their labels under the plot.
        for step in 0...4 {
            let gridX = plotLeft + Self.plotWidth * Double(step) / 4
            svg.line(x1: gridX, y1: plotTop - 4, x2: gridX, y2: plotBottom, stroke: step == 0 ? "#000000" : "#BBBBBB", dashed: step != 0)
            svg.text("\(step * 25)%", x: gridX, y: plotBottom + 14, size: 11, anchor: .middle)
        }
        svg.text(axisLabel, x: plotLeft + Self.plotWidth / 2, y: plotBottom + 32, size: 11, anchor: .middle)
        for (index, group) in groups.enumerated() {
            let top = groupTops[index]
            for (line, text) in wrapped[index].enumerated() {
                svg.text(text, x: margin, y: top + 11 + Double(line) * Self.lineHeight)
            }
            for (barIndex, bar) in group.bars.enumerated() {
                let barTop = top + Double(barIndex) * (Self.barHeight + Self.barGap)
                let length = bar.total > 0 ? Self.plotWidth * Double(bar.count) / Double(bar.total) : 0
                if length > 0 { drawSwatch(&svg, series: barIndex, x: plotLeft, y: barTop, width: length, height: Self.barHeight) }
                svg.text(bar.total > 0 ? "\(bar.count)/\(bar.total)" : "–", x: plotLeft + length + 4, y: barTop + 11, size: 11)
            }
        }
        return svg.rendered
    }

    /// A bar or legend swatch: the series' colour, its pattern on top, a thin dark outline (so light colours show on white).
    private func drawSwatch(_ svg: inout SVGDocument, series: Int, x: Double, y: Double, width: Double, height: Double) {
        let fill = lastIsTotal && series == self.series.count - 1 ? ChartPalette.total : ChartPalette.fill(series)
        svg.rect(x: x, y: y, width: width, height: height, fill: fill.colour)
        if let pattern = fill.pattern {
            svg.rect(x: x, y: y, width: width, height: height, fill: "url(#\(idPrefix)-\(pattern.rawValue))")
        }
        svg.rect(x: x, y: y, width: width, height: height, fill: "none", stroke: "#000000")
    }
}
