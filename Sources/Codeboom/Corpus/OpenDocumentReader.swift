import Foundation

/// Reads the body text and comments of an OpenDocument text (.odt).
///
/// Only `content.xml` is read, so headers and footers (in `styles.xml`) are left out;
/// footnotes are skipped where they appear. Tracked changes are read as if accepted:
/// the `text:tracked-changes` log, which holds the deleted text, is skipped.
public struct OpenDocumentReader: Sendable {
    /// The archive limits applied to the document's container.
    public var limits: ArchiveLimits

    /// Creates a reader with the given archive limits.
    public init(limits: ArchiveLimits = .default) {
        self.limits = limits
    }

    /// Extracts text and comments from the bytes of an .odt file.
    public func read(_ data: Data) throws(DocumentReaderError) -> ExtractedText {
        let package = try DocumentPackage(data: data, limits: limits, format: ".odt")
        let part = "content.xml"
        if try Self.isEncrypted(part, in: package) { throw .passwordProtected(format: ".odt") }
        let root = try package.xml(part)
        let names = OpenDocumentNames(root: root)
        guard root.name == names.office("document-content"),
              let body = root.firstChild(named: names.office("body")),
              let text = body.firstChild(named: names.office("text"))
        else {
            throw .unexpectedContent(
                part: part, reason: "the root is <\(root.name)>, not an <office:document-content> with <office:text>")
        }
        var walker = OpenDocumentWalker(names: names, boldStyles: Self.boldStyles(in: root, names: names))
        walker.walkBlocks(text)
        let assembled = walker.assembler.assemble()
        return ExtractedText(
            text: assembled.text,
            annotations: CommentAnchoring.annotations(for: walker.comments, positions: assembled.positions),
            speakers: ReaderSpeakers(labels: walker.tableSpeakers))
    }

    /// Whether the manifest says a part is encrypted (ODF 1.3 §3.4: `manifest:encryption-data`),
    /// as LibreOffice writes every part of a document saved with a password.
    private static func isEncrypted(_ part: String, in package: DocumentPackage) throws(DocumentReaderError) -> Bool {
        let manifestPart = "META-INF/manifest.xml"
        guard package.contains(manifestPart) else { return false }
        let manifest = try package.xml(manifestPart)
        let names = XMLNames(
            root: manifest, namespaces: ["urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"], fallback: "manifest")
        return manifest.children(named: names("file-entry")).contains { entry in
            entry.attributes[names("full-path")] == part && entry.firstChild(named: names("encryption-data")) != nil
        }
    }

    /// Names of automatic text styles that make text bold, used to recognise bold speaker labels.
    private static func boldStyles(in root: SafeXML.Element, names: OpenDocumentNames) -> Set<String> {
        guard let styles = root.firstChild(named: names.office("automatic-styles")) else { return [] }
        var bold: Set<String> = []
        for style in styles.children(named: names.style("style")) {
            guard let name = style.attributes[names.style("name")],
                  let weight = style.firstChild(named: names.style("text-properties"))?.attributes[names.fo("font-weight")]
            else { continue }
            if weight == "bold" || (Int(weight) ?? 0) >= 600 { bold.insert(name) }
        }
        return bold
    }
}

/// The prefixes an OpenDocument file binds to the vocabularies the reader needs.
struct OpenDocumentNames: Sendable {
    let office: XMLNames
    let text: XMLNames
    let table: XMLNames
    let style: XMLNames
    let fo: XMLNames
    let dc: XMLNames
    let meta: XMLNames
    let loext: XMLNames
    let draw: XMLNames

    init(root: SafeXML.Element) {
        let base = "urn:oasis:names:tc:opendocument:xmlns:"
        office = XMLNames(root: root, namespaces: [base + "office:1.0"], fallback: "office")
        text = XMLNames(root: root, namespaces: [base + "text:1.0"], fallback: "text")
        table = XMLNames(root: root, namespaces: [base + "table:1.0"], fallback: "table")
        style = XMLNames(root: root, namespaces: [base + "style:1.0"], fallback: "style")
        fo = XMLNames(root: root, namespaces: [base + "xsl-fo-compatible:1.0"], fallback: "fo")
        dc = XMLNames(root: root, namespaces: ["http://purl.org/dc/elements/1.1/"], fallback: "dc")
        meta = XMLNames(root: root, namespaces: [base + "meta:1.0"], fallback: "meta")
        loext = XMLNames(
            root: root, namespaces: ["urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"],
            fallback: "loext")
        draw = XMLNames(root: root, namespaces: [base + "drawing:1.0"], fallback: "draw")
    }
}

/// Walks OpenDocument text content, turning paragraphs and headings into lines.
///
/// The text of frames and shapes (`draw:frame` with a `draw:text-box`, such as an image with
/// its caption, or a shape with paragraphs) becomes lines of its own after the paragraph that
/// anchors it; images, embedded objects and their descriptions carry no text.
struct OpenDocumentWalker {
    let names: OpenDocumentNames
    let boldStyles: Set<String>
    var assembler = TextAssembler()
    /// Labels of tables read as speaker turns, folded, declared to the text parser.
    var tableSpeakers: Set<String> = []
    private(set) var comments: [CommentRecord] = []
    private var unnamedComments = 0
    /// How many spaces `text:s` elements may still add to this document.
    private var spaceBudget = 1_000_000
    /// Lines of frames anchored in the paragraph being read, emitted after it.
    private var floating: [[StyledPiece]] = []

    init(names: OpenDocumentNames, boldStyles: Set<String>) {
        self.names = names
        self.boldStyles = boldStyles
    }

    /// Walks block content: paragraphs, headings, tables, lists and sections.
    mutating func walkBlocks(_ container: SafeXML.Element) {
        let text = names.text, table = names.table
        for element in container.elements {
            switch element.name {
            case text("p"), text("h"):
                let pieces = paragraph(element)
                assembler.append(line: FormattedSpeakerLabel.render(pieces))
                appendFloating()
            case table("table"):
                walkTable(element)
                appendFloating()
            case text("tracked-changes"), text("sequence-decls"), text("variable-decls"),
                 text("user-field-decls"), text("dde-connection-decls"), names.office("forms"):
                // The change log holds deleted text; declarations hold no body text.
                continue
            default:
                if names.draw.contains(element.name) {
                    // A frame anchored to the page sits between paragraphs.
                    for line in drawingLines(element) { assembler.append(line: line) }
                    continue
                }
                walkBlocks(element)
            }
        }
    }

    private mutating func appendFloating() {
        for line in floating { assembler.append(line: line) }
        floating = []
    }

    /// The lines of the text boxes and shapes inside a drawing element, read by a walker of their own.
    private mutating func drawingLines(_ element: SafeXML.Element) -> [[StyledPiece]] {
        var blocks: [SafeXML.Element] = []
        collectDrawingText(element, into: &blocks)
        guard !blocks.isEmpty else { return [] }
        var walker = OpenDocumentWalker(names: names, boldStyles: boldStyles)
        walker.spaceBudget = spaceBudget
        walker.unnamedComments = unnamedComments
        walker.walkBlocks(SafeXML.Element(name: "", children: blocks.map { .element($0) }))
        spaceBudget = walker.spaceBudget
        unnamedComments = walker.unnamedComments
        comments += walker.comments
        return walker.assembler.lines
    }

    /// The paragraphs, lists and tables inside drawing elements; images and objects hold none.
    private func collectDrawingText(_ element: SafeXML.Element, into blocks: inout [SafeXML.Element]) {
        let draw = names.draw
        for child in element.elements {
            if child.name == draw("image") || child.name == draw("object") || child.name == draw("object-ole") {
                continue
            } else if names.text.contains(child.name) || names.table.contains(child.name) {
                blocks.append(child)
            } else if draw.contains(child.name) {
                collectDrawingText(child, into: &blocks)
            }
        }
    }

    private mutating func paragraph(_ element: SafeXML.Element) -> [StyledPiece] {
        var pieces: [StyledPiece] = []
        // ODF collapses white space in paragraphs and drops it at their start.
        var afterSpace = true
        inline(element, bold: false, into: &pieces, afterSpace: &afterSpace)
        return pieces
    }

    private mutating func inline(
        _ container: SafeXML.Element, bold: Bool, into pieces: inout [StyledPiece], afterSpace: inout Bool
    ) {
        let text = names.text, office = names.office
        for node in container.children {
            let element: SafeXML.Element
            switch node {
            case .text(let string):
                let collapsed = Self.collapseWhiteSpace(string, afterSpace: &afterSpace)
                if !collapsed.isEmpty { pieces.append(.text(collapsed, bold: bold)) }
                continue
            case .element(let child):
                element = child
            }
            switch element.name {
            case text("span"):
                let spanBold = element.attributes[text("style-name")].map(boldStyles.contains) ?? bold
                inline(element, bold: spanBold, into: &pieces, afterSpace: &afterSpace)
            case text("s"):
                let requested = element.attributes[text("c")].flatMap { Int($0) } ?? 1
                // A budget keeps a small hostile file of `text:c="99999"` from expanding to gigabytes.
                let count = min(max(requested, 1), max(spaceBudget, 1))
                spaceBudget -= count
                pieces.append(.text(String(repeating: " ", count: count), bold: bold))
                afterSpace = false
            case text("tab"):
                pieces.append(.text("\t", bold: bold))
                afterSpace = false
            case text("line-break"):
                pieces.append(.text("\n", bold: bold))
                afterSpace = true
            case office("annotation"):
                let key = annotation(element)
                pieces.append(.mark(.annotationStart(key)))
                pieces.append(.mark(.annotationAnchor(key)))
            case office("annotation-end"):
                if let name = element.attributes[office("name")] { pieces.append(.mark(.annotationEnd(name))) }
            case text("note"), text("ruby-text"), text("tracked-changes"), text("change"), text("change-start"),
                 text("change-end"), text("bookmark"), text("bookmark-start"), text("bookmark-end"),
                 text("soft-page-break"), text("toc-mark"), text("alphabetical-index-mark"):
                // Footnotes and markers carry no body text.
                continue
            default:
                if names.draw.contains(element.name) {
                    floating += drawingLines(element)
                    continue
                }
                // Links, fields and other inline wrappers show their content.
                inline(element, bold: bold, into: &pieces, afterSpace: &afterSpace)
            }
        }
    }

    /// Records a comment and returns the key its marks use.
    private mutating func annotation(_ element: SafeXML.Element) -> String {
        let key: String
        if let name = element.attributes[names.office("name")] {
            key = name
        } else {
            unnamedComments += 1
            key = "\u{0}unnamed-\(unnamedComments)"
        }
        let author = element.firstChild(named: names.dc("creator"))?.text ?? ""
        let initials = (element.firstChild(named: names.meta("creator-initials"))
            ?? element.firstChild(named: names.loext("sender-initials")))?.text
        var walker = OpenDocumentWalker(names: names, boldStyles: [])
        for paragraph in element.elements where paragraph.name == names.text("p") || paragraph.name == names.text("list") {
            walker.walkBlocks(SafeXML.Element(name: "", children: [.element(paragraph)]))
        }
        let text = walker.assembler.assemble().text.trimmingCharacters(in: .whitespacesAndNewlines)
        comments.append(CommentRecord(
            key: key, author: author, initials: initials.flatMap { $0.isEmpty ? nil : $0 }, text: text))
        return key
    }

    /// Applies the ODF rule: tabs and line ends count as spaces, and runs of spaces count as one.
    static func collapseWhiteSpace(_ string: String, afterSpace: inout Bool) -> String {
        var result = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                if !afterSpace { result.append(" ") }
                afterSpace = true
            } else {
                result.append(scalar)
                afterSpace = false
            }
        }
        return String(result)
    }

    private mutating func walkTable(_ element: SafeXML.Element) {
        var rows: [[[StyledPiece]]] = []
        collectRows(element, into: &rows)
        for line in TableLayout.lines(rows: rows, declaring: &tableSpeakers) { assembler.append(line: line) }
    }

    private mutating func collectRows(_ container: SafeXML.Element, into rows: inout [[[StyledPiece]]]) {
        let table = names.table
        for element in container.elements {
            switch element.name {
            case table("table-row"):
                var cells: [[StyledPiece]] = []
                for cell in element.elements where cell.name == table("table-cell") || cell.name == table("covered-table-cell") {
                    cells.append(cellPieces(cell))
                }
                rows.append(cells)
            case table("table-header-rows"), table("table-rows"), table("table-row-group"):
                collectRows(element, into: &rows)
            default:
                continue
            }
        }
    }

    /// A cell's paragraphs on one line, joined by spaces.
    private mutating func cellPieces(_ cell: SafeXML.Element) -> [StyledPiece] {
        var parts: [[StyledPiece]] = []
        collectCellParts(cell, into: &parts)
        return TableLayout.cell(joining: parts)
    }

    private mutating func collectCellParts(_ container: SafeXML.Element, into parts: inout [[StyledPiece]]) {
        let text = names.text
        for element in container.elements {
            switch element.name {
            case text("p"), text("h"):
                parts.append(paragraph(element))
                parts += floating
                floating = []
            case names.table("table"):
                var rows: [[[StyledPiece]]] = []
                collectRows(element, into: &rows)
                for row in rows { parts += row }
            case text("tracked-changes"):
                continue
            default:
                if names.draw.contains(element.name) {
                    parts += drawingLines(element)
                    continue
                }
                collectCellParts(element, into: &parts)
            }
        }
    }
}
