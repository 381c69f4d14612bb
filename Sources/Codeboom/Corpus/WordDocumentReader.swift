import Foundation

/// Reads the body text and comments of a Word document (.docx, Office Open XML).
///
/// Only `word/document.xml` (found through the package relationships) and its comments
/// part are read, so headers, footers and footnotes, which live in other parts, are left
/// out. Tracked changes are read as if accepted: deletions are dropped, insertions kept.
public struct WordDocumentReader: Sendable {
    /// The archive limits applied to the document's container.
    public var limits: ArchiveLimits

    /// Creates a reader with the given archive limits.
    public init(limits: ArchiveLimits = .default) {
        self.limits = limits
    }

    /// Extracts text and comments from the bytes of a .docx file.
    public func read(_ data: Data) throws(DocumentReaderError) -> ExtractedText {
        let package = try DocumentPackage(data: data, limits: limits, format: ".docx")
        let documentPart = try Self.documentPart(in: package)
        let document = try package.xml(documentPart)
        let names = XMLNames(root: document, namespaces: Self.wordNamespaces, fallback: "w")
        guard document.name == names("document"), let body = document.firstChild(named: names("body")) else {
            throw .unexpectedContent(part: documentPart, reason: "the root is <\(document.name)>, not a <w:document> with a <w:body>")
        }

        var walker = WordBodyWalker(names: names, compatibility: Self.compatibilityNames(root: document))
        walker.walkBlocks(body)
        walker.finish()
        let assembled = walker.assembler.assemble()

        var comments: [CommentRecord] = []
        if let commentsPart = try Self.commentsPart(in: package, documentPart: documentPart) {
            let root = try package.xml(commentsPart)
            let commentNames = XMLNames(root: root, namespaces: Self.wordNamespaces, fallback: "w")
            comments = Self.comments(in: root, names: commentNames, compatibility: Self.compatibilityNames(root: root))
        }
        return ExtractedText(
            text: assembled.text,
            annotations: CommentAnchoring.annotations(for: comments, positions: assembled.positions),
            speakers: ReaderSpeakers(labels: walker.tableSpeakers))
    }

    static let wordNamespaces = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    /// The main document part named by `_rels/.rels`, or the conventional `word/document.xml`.
    static func documentPart(in package: DocumentPackage) throws(DocumentReaderError) -> String {
        let conventional = "word/document.xml"
        guard package.contains("_rels/.rels") else { return conventional }
        let relationships = try package.xml("_rels/.rels")
        for relationship in relationships.elements where relationship.name.hasSuffix("Relationship") {
            guard relationship.attributes["Type"]?.hasSuffix("/officeDocument") == true,
                  let target = relationship.attributes["Target"],
                  // The package relationships are relative to the package root.
                  let part = DocumentPackage.resolve(target: target, relativeTo: "[Content_Types].xml")
            else { continue }
            if package.contains(part) { return part }
        }
        return conventional
    }

    /// The comments part named by the document's relationships, if the document has comments.
    private static func commentsPart(
        in package: DocumentPackage, documentPart: String
    ) throws(DocumentReaderError) -> String? {
        let folder = documentPart.split(separator: "/").dropLast().joined(separator: "/")
        let file = documentPart.split(separator: "/").last.map(String.init) ?? documentPart
        let relationshipsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard package.contains(relationshipsPart) else {
            let conventional = (folder.isEmpty ? "" : folder + "/") + "comments.xml"
            return package.contains(conventional) ? conventional : nil
        }
        let relationships = try package.xml(relationshipsPart)
        for relationship in relationships.elements where relationship.name.hasSuffix("Relationship") {
            guard relationship.attributes["Type"]?.hasSuffix("/comments") == true,
                  relationship.attributes["TargetMode"] != "External",
                  let target = relationship.attributes["Target"],
                  let part = DocumentPackage.resolve(target: target, relativeTo: documentPart),
                  package.contains(part)
            else { continue }
            return part
        }
        return nil
    }

    /// The prefix of the markup-compatibility vocabulary (`mc:AlternateContent`).
    static func compatibilityNames(root: SafeXML.Element) -> XMLNames {
        XMLNames(root: root, namespaces: ["http://schemas.openxmlformats.org/markup-compatibility/2006"], fallback: "mc")
    }

    private static func comments(in root: SafeXML.Element, names: XMLNames, compatibility: XMLNames) -> [CommentRecord] {
        root.children(named: names("comment")).compactMap { comment in
            guard let id = comment.attributes[names("id")] else { return nil }
            var walker = WordBodyWalker(names: names, compatibility: compatibility, rendersSpeakers: false)
            walker.walkBlocks(comment)
            walker.finish()
            let text = walker.assembler.assemble().text.trimmingCharacters(in: .whitespacesAndNewlines)
            let initials = comment.attributes[names("initials")].flatMap { $0.isEmpty ? nil : $0 }
            return CommentRecord(
                key: id, author: comment.attributes[names("author")] ?? "", initials: initials, text: text)
        }
    }
}

/// Walks WordprocessingML block and run content, turning paragraphs into lines.
///
/// Text boxes and shapes (`w:txbxContent`, in DrawingML or VML) become lines of their own
/// after the paragraph that anchors them. Word writes each shape twice, as the `mc:Choice`
/// and the `mc:Fallback` of an `mc:AlternateContent`; only one of the two is read.
struct WordBodyWalker {
    let w: XMLNames
    /// The markup-compatibility prefix (`mc:`).
    let mc: XMLNames
    /// Whether paragraphs get `Label: text` speaker rendering (not for comment text).
    let rendersSpeakers: Bool
    var assembler = TextAssembler()
    /// Labels of tables read as speaker turns, folded, declared to the text parser.
    var tableSpeakers: Set<String> = []
    /// Marks met between paragraphs, waiting for the next paragraph to start.
    private var waitingMarks: [StyledPiece] = []
    /// A paragraph whose paragraph mark was deleted (tracked), or a drop cap, to be joined with the next one.
    private var carried: [StyledPiece]?
    /// Lines of text boxes anchored in a carried paragraph, emitted after the paragraph it joins.
    private var carriedFloating: [[StyledPiece]] = []

    init(names: XMLNames, compatibility: XMLNames, rendersSpeakers: Bool = true) {
        w = names
        mc = compatibility
        self.rendersSpeakers = rendersSpeakers
    }

    /// Walks the children of a body, comment, table cell or content control.
    mutating func walkBlocks(_ container: SafeXML.Element) {
        for element in container.elements {
            switch w.local(element.name) {
            case "p":
                paragraph(element)
            case "tbl":
                flushCarried()
                table(element)
            case "sdt":
                if let content = element.firstChild(named: w("sdtContent")) { walkBlocks(content) }
            case "customXml", "ins", "moveTo":
                walkBlocks(element)
            case nil where element.name == mc("AlternateContent"):
                if let branch = chosenBranch(of: element) { walkBlocks(branch) }
            case "commentRangeStart":
                if let id = element.attributes[w("id")] { waitingMarks.append(.mark(.annotationStart(id))) }
            case "commentRangeEnd":
                // An end between paragraphs belongs to the paragraph before, not after the line break.
                if let id = element.attributes[w("id")] {
                    if assembler.lines.isEmpty {
                        waitingMarks.append(.mark(.annotationEnd(id)))
                    } else {
                        assembler.appendToLastLine(.mark(.annotationEnd(id)))
                    }
                }
            default:
                continue
            }
        }
    }

    /// Ends the walk, emitting a paragraph still waiting to be joined.
    mutating func finish() {
        flushCarried()
        for mark in waitingMarks { assembler.appendToLastLine(mark) }
        waitingMarks = []
    }

    private mutating func flushCarried() {
        if let carried {
            assembler.append(line: rendersSpeakers ? FormattedSpeakerLabel.render(carried) : carried)
            self.carried = nil
        }
        appendFloating()
    }

    private mutating func appendFloating() {
        for line in carriedFloating { assembler.append(line: line) }
        carriedFloating = []
    }

    private mutating func paragraph(_ element: SafeXML.Element) {
        var pieces = (carried ?? []) + waitingMarks
        carried = nil
        waitingMarks = []
        inline(element, bold: false, into: &pieces, floating: &carriedFloating)
        if paragraphMarkIsDeleted(element) || isDropCap(element) {
            carried = pieces
        } else {
            assembler.append(line: rendersSpeakers ? FormattedSpeakerLabel.render(pieces) : pieces)
            appendFloating()
        }
    }

    private func paragraphMarkIsDeleted(_ paragraph: SafeXML.Element) -> Bool {
        paragraph.firstChild(named: w("pPr"))?.firstChild(named: w("rPr"))?.firstChild(named: w("del")) != nil
    }

    /// A drop cap is a framed paragraph holding the first letter(s) of the next paragraph (ECMA-376 §17.3.1.11).
    private func isDropCap(_ paragraph: SafeXML.Element) -> Bool {
        guard let style = paragraph.firstChild(named: w("pPr"))?.firstChild(named: w("framePr"))?.attributes[w("dropCap")]
        else { return false }
        return style == "drop" || style == "margin"
    }

    /// The pieces of a paragraph's content, as plain text without speaker rendering; the text
    /// of text boxes anchored in it goes to `floating`, a line per paragraph.
    func pieces(ofParagraph element: SafeXML.Element, floating: inout [[StyledPiece]]) -> [StyledPiece] {
        var pieces: [StyledPiece] = []
        inline(element, bold: false, into: &pieces, floating: &floating)
        return pieces
    }

    private func inline(
        _ container: SafeXML.Element, bold: Bool, into pieces: inout [StyledPiece], floating: inout [[StyledPiece]]
    ) {
        for element in container.elements {
            switch w.local(element.name) {
            case "r":
                run(element, into: &pieces, floating: &floating)
            case "ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "customXml", "dir", "bdo", "sdtContent":
                inline(element, bold: bold, into: &pieces, floating: &floating)
            case "sdt":
                if let content = element.firstChild(named: w("sdtContent")) {
                    inline(content, bold: bold, into: &pieces, floating: &floating)
                }
            case nil where element.name == mc("AlternateContent"):
                if let branch = chosenBranch(of: element) { inline(branch, bold: bold, into: &pieces, floating: &floating) }
            case "commentRangeStart":
                if let id = element.attributes[w("id")] { pieces.append(.mark(.annotationStart(id))) }
            case "commentRangeEnd":
                if let id = element.attributes[w("id")] { pieces.append(.mark(.annotationEnd(id))) }
            default:
                // Deletions, moved-away text, properties, drawings and math carry no body text.
                continue
            }
        }
    }

    private func run(_ run: SafeXML.Element, into pieces: inout [StyledPiece], floating: inout [[StyledPiece]]) {
        let symbolFont = runFont(run).flatMap(SymbolFont.init(runFont:))
        runContent(run, bold: isBold(run), symbolFont: symbolFont, into: &pieces, floating: &floating)
    }

    private func runContent(
        _ container: SafeXML.Element, bold: Bool, symbolFont: SymbolFont?,
        into pieces: inout [StyledPiece], floating: inout [[StyledPiece]]
    ) {
        for element in container.elements {
            switch w.local(element.name) {
            case "t":
                let text = element.text
                pieces.append(.text(symbolFont?.unicode(for: text) ?? text, bold: bold))
            case "sym":
                // A character of a symbol font, given by its code (ECMA-376 §17.3.3.30).
                if let code = element.attributes[w("char")].flatMap({ UInt32($0, radix: 16) }),
                   let character = SymbolFont.character(code: code, font: element.attributes[w("font")] ?? "") {
                    pieces.append(.text(String(character), bold: bold))
                }
            case "drawing", "pict", "object":
                floating += textBoxLines(in: element)
            case nil where element.name == mc("AlternateContent"):
                if let branch = chosenBranch(of: element) {
                    runContent(branch, bold: bold, symbolFont: symbolFont, into: &pieces, floating: &floating)
                }
            case "tab", "ptab":
                pieces.append(.text("\t", bold: bold))
            case "br", "cr":
                pieces.append(.text("\n", bold: bold))
            case "noBreakHyphen":
                pieces.append(.text("-", bold: bold))
            case "commentReference":
                if let id = element.attributes[w("id")] { pieces.append(.mark(.annotationAnchor(id))) }
            default:
                // delText, instrText, drawings and field characters are not visible body text.
                continue
            }
        }
    }

    /// The font a run's properties name for its characters, if any.
    private func runFont(_ run: SafeXML.Element) -> String? {
        guard let fonts = run.firstChild(named: w("rPr"))?.firstChild(named: w("rFonts")) else { return nil }
        return fonts.attributes[w("ascii")] ?? fonts.attributes[w("hAnsi")]
    }

    /// The branch of an `mc:AlternateContent` to read: the first `mc:Choice` when it holds
    /// text, else the `mc:Fallback` (ECMA-376 Part 3 lets a reader take either; Word puts
    /// the same text in both).
    private func chosenBranch(of alternate: SafeXML.Element) -> SafeXML.Element? {
        let choice = alternate.firstChild(named: mc("Choice"))
        let fallback = alternate.firstChild(named: mc("Fallback"))
        if let choice, Self.holdsText(choice, w: w) { return choice }
        return fallback ?? choice
    }

    /// Whether an element holds text a reader shows: a `w:t`, `w:sym` or text box somewhere inside.
    private static func holdsText(_ element: SafeXML.Element, w: XMLNames) -> Bool {
        for child in element.elements {
            switch w.local(child.name) {
            case "t", "sym", "txbxContent": return true
            case "delText", "instrText": continue
            default:
                if child.name.hasSuffix(":txbxContent") || holdsText(child, w: w) { return true }
            }
        }
        return false
    }

    /// The lines of the text boxes inside a drawing, VML picture or embedded object, in document order.
    private func textBoxLines(in element: SafeXML.Element) -> [[StyledPiece]] {
        var lines: [[StyledPiece]] = []
        func collect(_ container: SafeXML.Element) {
            for child in container.elements {
                // Word 2013 Strict writes the text box of an mc:Choice in another namespace (MS-OI29500 §2.1.1779).
                if child.name == w("txbxContent") || child.name.hasSuffix(":txbxContent") {
                    var walker = WordBodyWalker(names: w, compatibility: mc, rendersSpeakers: rendersSpeakers)
                    walker.walkBlocks(child)
                    walker.finish()
                    lines += walker.assembler.lines
                } else if child.name == mc("AlternateContent") {
                    if let branch = chosenBranch(of: child) { collect(branch) }
                } else {
                    collect(child)
                }
            }
        }
        collect(element)
        return lines
    }

    private func isBold(_ run: SafeXML.Element) -> Bool {
        guard let b = run.firstChild(named: w("rPr"))?.firstChild(named: w("b")) else { return false }
        guard let value = b.attributes[w("val")] else { return true }
        return !["0", "false", "off"].contains(value)
    }

    private mutating func table(_ table: SafeXML.Element) {
        for line in TableLayout.lines(rows: rows(of: table), declaring: &tableSpeakers) { assembler.append(line: line) }
    }

    /// The rows of a table, each a list of cells, leaving out rows deleted as a tracked change.
    private func rows(of table: SafeXML.Element) -> [[[StyledPiece]]] {
        var rows: [[[StyledPiece]]] = []
        func collectRows(_ container: SafeXML.Element) {
            for element in container.elements {
                switch w.local(element.name) {
                case "tr":
                    if element.firstChild(named: w("trPr"))?.firstChild(named: w("del")) != nil { continue }
                    var cells: [[StyledPiece]] = []
                    collectCells(element, into: &cells)
                    rows.append(cells)
                case "sdt":
                    if let content = element.firstChild(named: w("sdtContent")) { collectRows(content) }
                case "customXml":
                    collectRows(element)
                default:
                    continue
                }
            }
        }
        collectRows(table)
        return rows
    }

    private func collectCells(_ container: SafeXML.Element, into cells: inout [[StyledPiece]]) {
        for element in container.elements {
            switch w.local(element.name) {
            case "tc":
                cells.append(cellPieces(element))
            case "sdt":
                if let content = element.firstChild(named: w("sdtContent")) { collectCells(content, into: &cells) }
            case "customXml":
                collectCells(element, into: &cells)
            default:
                continue
            }
        }
    }

    /// A cell's paragraphs (and nested tables) on one line, joined by spaces.
    private func cellPieces(_ cell: SafeXML.Element) -> [StyledPiece] {
        var parts: [[StyledPiece]] = []
        func collect(_ container: SafeXML.Element) {
            for element in container.elements {
                switch w.local(element.name) {
                case "p":
                    var floating: [[StyledPiece]] = []
                    parts.append(pieces(ofParagraph: element, floating: &floating))
                    parts += floating
                case "tbl":
                    for row in rows(of: element) {
                        for cell in row { parts.append(cell) }
                    }
                case "sdt":
                    if let content = element.firstChild(named: w("sdtContent")) { collect(content) }
                case "customXml", "ins", "moveTo":
                    collect(element)
                case "commentRangeStart":
                    if let id = element.attributes[w("id")] { parts.append([.mark(.annotationStart(id))]) }
                case "commentRangeEnd":
                    if let id = element.attributes[w("id")] { parts.append([.mark(.annotationEnd(id))]) }
                default:
                    continue
                }
            }
        }
        collect(cell)
        return TableLayout.cell(joining: parts)
    }
}
