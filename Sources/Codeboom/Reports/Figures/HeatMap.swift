/// A code × perspective heat map: one row per code of the codebook (indented by depth), one column per
/// perspective and the total, each cell shaded by the share of the column's respondents with the code and
/// labelled `n/N`. Shades are lightness steps of one hue (``ChartPalette/heatSteps``), readable in greyscale.
struct HeatMap {
    struct Row {
        var label: String
        var depth: Int
        var cells: [GroupedBarChart.Bar]
    }

    var title: String
    var description: String
    var columns: [String]
    var rows: [Row]
    var idPrefix: String

    static let margin = 16.0, cellWidth = 86.0, lineHeight = 14.0, labelCharacters = 38

    func svg() -> String {
        let margin = Self.margin
        let wrapped = rows.map { LabelWrapper.lines($0.label, width: Self.labelCharacters - 2 * $0.depth) }
        var widest = 140.0
        for (row, lines) in zip(rows, wrapped) {
            for line in lines {
                let lineWidth: Double = LabelWrapper.estimatedWidth(line, bold: row.depth == 0) + Double(row.depth) * 12
                widest = max(widest, lineWidth)
            }
        }
        let labelWidth = widest + 12
        let columnLines = columns.map { LabelWrapper.lines($0, width: 12) }
        let headerHeight = Double(columnLines.map(\.count).max() ?? 1) * Self.lineHeight + 8
        let left = margin + labelWidth
        var width = left + Double(columns.count) * Self.cellWidth + margin
        let legendWidth = Double(ChartPalette.heatSteps.count) * 70 + margin * 2
        width = max(width, legendWidth, LabelWrapper.estimatedWidth(title, size: 15, bold: true) + 2 * margin)
        let titleY = margin + 14
        let legendTop = titleY + 14
        let headerTop = legendTop + 30
        var y = headerTop + headerHeight
        var rowTops: [(top: Double, height: Double)] = []
        for lines in wrapped {
            let rowHeight = max(22, Double(lines.count) * Self.lineHeight + 8)
            rowTops.append((y, rowHeight))
            y += rowHeight
        }
        var svg = SVGDocument(width: Int(width.rounded(.up)), height: Int((y + margin).rounded(.up)), title: title, description: description, idPrefix: idPrefix)
        svg.text(title, x: margin, y: titleY, size: 15, bold: true)
        for (index, step) in ChartPalette.heatSteps.enumerated() {
            let x = margin + Double(index) * 70
            svg.rect(x: x, y: legendTop, width: 14, height: 14, fill: step.fill, stroke: "#000000")
            svg.text(step.label, x: x + 18, y: legendTop + 11.5, size: 11)
        }
        for (index, lines) in columnLines.enumerated() {
            let centre = left + (Double(index) + 0.5) * Self.cellWidth
            let top = headerTop + headerHeight - Double(lines.count) * Self.lineHeight - 4
            for (line, text) in lines.enumerated() {
                svg.text(text, x: centre, y: top + 11 + Double(line) * Self.lineHeight, anchor: .middle, bold: true)
            }
        }
        for (index, row) in rows.enumerated() {
            let (top, rowHeight) = rowTops[index]
            let textHeight = Double(wrapped[index].count) * Self.lineHeight
            let textTop: Double = top + (rowHeight - textHeight) / 2
            for (line, text) in wrapped[index].enumerated() {
                let indent: Double = margin + Double(row.depth) * 12, baseline: Double = textTop + 11 + Double(line) * Self.lineHeight
                svg.text(text, x: indent, y: baseline, bold: row.depth == 0)
            }
            for (column, cell) in row.cells.enumerated() {
                let x = left + Double(column) * Self.cellWidth
                let step = ChartPalette.heatSteps[ChartPalette.heatStep(cell.count, of: cell.total)]
                svg.rect(x: x, y: top, width: Self.cellWidth, height: rowHeight, fill: step.fill, stroke: "#808080")
                let centre: Double = x + Self.cellWidth / 2, baseline: Double = top + rowHeight / 2 + 4
                svg.text(cell.total > 0 ? "\(cell.count)/\(cell.total)" : "–", x: centre, y: baseline, anchor: .middle, fill: step.text)
            }
        }
        return svg.rendered
    }
}
