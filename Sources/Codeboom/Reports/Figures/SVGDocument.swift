/// A small SVG writer: shapes and text in user units (pixels), written with fixed number formatting so that
/// the same chart is the same bytes on every run and machine. Text is escaped (``XMLEscaping``), so a label
/// holding `<script>` or `&` is drawn as those characters.
struct SVGDocument {
    let width: Int
    let height: Int
    /// Shown by browsers and screen readers as the image's name (`<title>`) and longer text alternative (`<desc>`).
    let title: String
    let description: String
    /// Prefix for ids (patterns), so that several charts inline in one HTML page never share an id.
    let idPrefix: String
    private var definitions: [String] = []
    private var body: [String] = []

    init(width: Int, height: Int, title: String, description: String, idPrefix: String) {
        self.width = width
        self.height = height
        self.title = title
        self.description = description
        self.idPrefix = idPrefix
    }

    /// Font stack: a sans-serif that every system has under one of these names.
    static let fontFamily = "'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

    mutating func define(_ element: String) { definitions.append(element) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
        body.append(#"<rect x="\#(Self.number(x))" y="\#(Self.number(y))" width="\#(Self.number(width))" height="\#(Self.number(height))" fill="\#(fill)"\#(stroke.map { #" stroke="\#($0)" stroke-width="0.75""# } ?? "")/>"#)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, dashed: Bool = false) {
        body.append(#"<line x1="\#(Self.number(x1))" y1="\#(Self.number(y1))" x2="\#(Self.number(x2))" y2="\#(Self.number(y2))" stroke="\#(stroke)" stroke-width="1"\#(dashed ? #" stroke-dasharray="2 3""# : "")/>"#)
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ text: String, x: Double, y: Double, size: Int = 12, anchor: Anchor = .start, bold: Bool = false, fill: String = "#000000") {
        body.append(#"<text x="\#(Self.number(x))" y="\#(Self.number(y))" font-size="\#(size)"\#(anchor == .start ? "" : #" text-anchor="\#(anchor.rawValue)""#)\#(bold ? #" font-weight="bold""# : "")\#(fill == "#000000" ? "" : #" fill="\#(fill)""#)>\#(XMLEscaping.text(text))</text>"#)
    }

    /// The whole SVG file, without an XML declaration (so it can also be put inline in HTML).
    var rendered: String {
        var lines = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" role="img" aria-labelledby="\#(idPrefix)-title \#(idPrefix)-desc" font-family="\#(Self.fontFamily)">"#,
            #"<title id="\#(idPrefix)-title">\#(XMLEscaping.text(title))</title>"#,
            #"<desc id="\#(idPrefix)-desc">\#(XMLEscaping.text(description))</desc>"#,
        ]
        if !definitions.isEmpty { lines.append("<defs>" + definitions.joined() + "</defs>") }
        lines.append(##"<rect width="100%" height="100%" fill="#FFFFFF"/>"##)
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A coordinate with at most one decimal, `.` as separator, no `-0`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        if tenths % 10 == 0 { return String(tenths / 10) }
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
