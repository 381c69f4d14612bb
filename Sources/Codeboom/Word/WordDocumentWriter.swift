/// Writes a ``WordDocument`` as the parts of a `.docx` package (ECMA-376 Part 1, WordprocessingML, transitional),
/// byte for byte the same for the same document: no dates, no random ids.
///
/// The parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` (title and language only),
/// `word/document.xml`, `word/styles.xml` (Normal, Title, Heading 1–3 with outline levels so a table of
/// contents finds them, Quote, Caption, List Bullet and the table style Table Grid),
/// `word/_rels/document.xml.rels` and each image under `word/media/`. ``package(_:)`` zips them.
///
/// Images: an SVG is referenced from the `asvg:svgBlip` extension of its picture's `a:blip` (Microsoft's
/// extension [MS-ODRAWXML] 2.26.1.1, read by Word 2016 and later); the blip itself names the PNG fallback when the
/// image has one, else the SVG part too, which LibreOffice and Word 2016 and later draw. Word 2007–2013 show an empty
/// frame for such an image.
public enum WordDocumentWriter {
    /// One file of the package.
    public struct Part: Sendable, Equatable {
        /// Its path in the package, without a leading `/`.
        public var path: String
        /// Its bytes.
        public var bytes: [UInt8]
    }

    /// The package's parts in a fixed order (`[Content_Types].xml` first, as readers expect).
    public static func parts(of document: WordDocument) -> [Part] {
        var media = MediaParts()
        let body = documentXML(document, media: &media)
        var contentTypes = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>
            """
        if media.parts.contains(where: { $0.fileName.hasSuffix(".svg") }) {
            contentTypes += #"<Default Extension="svg" ContentType="image/svg+xml"/>"#
        }
        if media.parts.contains(where: { $0.fileName.hasSuffix(".png") }) {
            contentTypes += #"<Default Extension="png" ContentType="image/png"/>"#
        }
        contentTypes += #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
            + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
            + "</Types>"
        let packageRelationships = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            </Relationships>
            """
        let core = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(XMLEscaping.text(document.title))</dc:title>\
            <dc:language>\(XMLEscaping.text(document.language))</dc:language></cp:coreProperties>
            """
        var documentRelationships = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            """
        for part in media.parts {
            documentRelationships += #"<Relationship Id="\#(part.id)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/\#(XMLEscaping.attribute(part.fileName))"/>"#
        }
        documentRelationships += "</Relationships>"
        return [
            Part(path: "[Content_Types].xml", bytes: Array(contentTypes.utf8)),
            Part(path: "_rels/.rels", bytes: Array(packageRelationships.utf8)),
            Part(path: "docProps/core.xml", bytes: Array(core.utf8)),
            Part(path: "word/document.xml", bytes: Array(body.utf8)),
            Part(path: "word/styles.xml", bytes: Array(stylesXML(language: document.language).utf8)),
            Part(path: "word/_rels/document.xml.rels", bytes: Array(documentRelationships.utf8)),
        ] + media.parts.map { Part(path: "word/media/\($0.fileName)", bytes: $0.bytes) }
    }

    /// `word/document.xml` alone (for golden files and tests).
    public static func documentXML(of document: WordDocument) -> String {
        var media = MediaParts()
        return documentXML(document, media: &media)
    }

    // MARK: - document.xml

    /// A4 in twentieths of a point, with 2.5 cm margins.
    static let pageWidth = 11906, pageHeight = 16838, margin = 1418

    static func documentXML(_ document: WordDocument, media: inout MediaParts) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
            xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
            xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
            xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>
            """
        let (width, height) = document.landscape ? (pageHeight, pageWidth) : (pageWidth, pageHeight)
        let textWidth = width - 2 * margin
        var drawingNumber = 0
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                xml += paragraphXML(paragraph, media: &media, drawingNumber: &drawingNumber, textWidth: textWidth)
            case .table(let table):
                xml += tableXML(table, textWidth: textWidth, media: &media, drawingNumber: &drawingNumber)
            case .pageBreak:
                xml += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
            }
        }
        xml += #"<w:sectPr><w:pgSz w:w="\#(width)" w:h="\#(height)"\#(document.landscape ? #" w:orient="landscape""# : "")/>"#
            + #"<w:pgMar w:top="\#(margin)" w:right="\#(margin)" w:bottom="\#(margin)" w:left="\#(margin)" w:header="709" w:footer="709" w:gutter="0"/>"#
            + "</w:sectPr></w:body></w:document>"
        return xml
    }

    static func paragraphXML(_ paragraph: WordParagraph, media: inout MediaParts, drawingNumber: inout Int, textWidth: Int) -> String {
        var properties = ""
        if paragraph.style != .normal { properties += #"<w:pStyle w:val="\#(paragraph.style.rawValue)"/>"# }
        if paragraph.keepWithNext { properties += "<w:keepNext/>" }
        if paragraph.alignment != .start { properties += #"<w:jc w:val="\#(paragraph.alignment == .center ? "center" : "right")"/>"# }
        var xml = "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")
        // A bullet without a numbering part: the character and a tab to the hanging indent.
        if paragraph.style == .listItem { xml += "<w:r><w:t>\u{2022}</w:t><w:tab/></w:r>" }
        for run in paragraph.runs {
            xml += runXML(run, media: &media, drawingNumber: &drawingNumber, textWidth: textWidth)
        }
        return xml + "</w:p>"
    }

    static func runXML(_ run: WordRun, media: inout MediaParts, drawingNumber: inout Int, textWidth: Int) -> String {
        if let image = run.image {
            drawingNumber += 1
            return "<w:r>" + drawingXML(image, number: drawingNumber, media: &media, textWidth: textWidth) + "</w:r>"
        }
        var properties = ""
        if run.bold { properties += "<w:b/>" }
        if run.italic { properties += "<w:i/>" }
        var xml = "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
        // Line breaks and tabs are elements of their own; the text between them keeps its spaces.
        var piece = ""
        func flush() {
            if !piece.isEmpty { xml += #"<w:t xml:space="preserve">\#(XMLEscaping.text(piece))</w:t>"#; piece = "" }
        }
        for scalar in run.text.unicodeScalars {
            switch scalar {
            case "\n": flush(); xml += "<w:br/>"
            case "\t": flush(); xml += "<w:tab/>"
            case "\r": continue
            default: piece.unicodeScalars.append(scalar)
            }
        }
        flush()
        return xml + "</w:r>"
    }

    /// An inline picture, scaled down to the text width when wider.
    static func drawingXML(_ image: WordImage, number: Int, media: inout MediaParts, textWidth: Int) -> String {
        let emuPerPoint = 12700.0
        let maximumWidth = Double(textWidth) / 20
        let scale = image.width > maximumWidth ? maximumWidth / image.width : 1
        let cx = Int((image.width * scale * emuPerPoint).rounded()), cy = Int((image.height * scale * emuPerPoint).rounded())
        let svgID = media.add(fileName: image.fileName, bytes: image.svg)
        var blipID = svgID
        if let png = image.fallbackPNG {
            let base = image.fileName.hasSuffix(".svg") ? String(image.fileName.dropLast(4)) : image.fileName
            blipID = media.add(fileName: base + ".png", bytes: png)
        }
        let description = XMLEscaping.attribute(image.description)
        let name = XMLEscaping.attribute(image.fileName)
        return #"<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\#(cx)" cy="\#(cy)"/>"#
            + #"<wp:docPr id="\#(number)" name="Figuur \#(number)" descr="\#(description)"/>"#
            + #"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#
            + #"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>"#
            + #"<pic:nvPicPr><pic:cNvPr id="\#(number)" name="\#(name)" descr="\#(description)"/><pic:cNvPicPr/></pic:nvPicPr>"#
            + #"<pic:blipFill><a:blip r:embed="\#(blipID)"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">"#
            + #"<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="\#(svgID)"/>"#
            + #"</a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#
            + #"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\#(cx)" cy="\#(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>"#
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
    }

    static func tableXML(_ table: WordTable, textWidth: Int, media: inout MediaParts, drawingNumber: inout Int) -> String {
        let columnCount = table.rows.map(\.count).max() ?? 0
        guard columnCount > 0 else { return "" }
        let relative = table.columnWidths.count == columnCount ? table.columnWidths : Array(repeating: 1, count: columnCount)
        let sum = relative.reduce(0, +)
        let widths = relative.map { Int((Double(textWidth) * $0 / (sum > 0 ? sum : 1)).rounded(.down)) }
        var xml = #"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="\#(widths.reduce(0, +))" w:type="dxa"/>"#
            + #"<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
        for width in widths { xml += #"<w:gridCol w:w="\#(width)"/>"# }
        xml += "</w:tblGrid>"
        for (rowIndex, row) in table.rows.enumerated() {
            let isHeader = rowIndex < table.headerRows
            xml += "<w:tr>" + (isHeader ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>")
            for column in 0..<columnCount {
                let cell = column < row.count ? row[column] : WordTableCell("")
                let runs = isHeader ? cell.runs.map { var run = $0; run.bold = true; return run } : cell.runs
                xml += #"<w:tc><w:tcPr><w:tcW w:w="\#(widths[column])" w:type="dxa"/></w:tcPr>"#
                    + paragraphXML(WordParagraph(runs: runs, alignment: cell.alignment), media: &media, drawingNumber: &drawingNumber, textWidth: widths[column])
                    + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    /// The images of a document, each stored once, with their relationship ids (rId2… after the styles' rId1).
    struct MediaParts {
        var parts: [(fileName: String, bytes: [UInt8], id: String)] = []

        mutating func add(fileName: String, bytes: [UInt8]) -> String {
            if let existing = parts.first(where: { $0.fileName == fileName }) { return existing.id }
            let id = "rId\(parts.count + 2)"
            parts.append((fileName, bytes, id))
            return id
        }
    }

    // MARK: - styles.xml

    static func stylesXML(language: String) -> String {
        func paragraphStyle(_ id: String, name: String, basedOn: String? = "Normal", next: String? = "Normal", outline: Int? = nil,
                            paragraph: String = "", run: String = "", isDefault: Bool = false) -> String {
            #"<w:style w:type="paragraph"\#(isDefault ? #" w:default="1""# : "") w:styleId="\#(id)"><w:name w:val="\#(name)"/>"#
                + (basedOn.map { #"<w:basedOn w:val="\#($0)"/>"# } ?? "")
                + (next.map { #"<w:next w:val="\#($0)"/>"# } ?? "")
                + "<w:qFormat/>"
                + "<w:pPr>\(paragraph)\(outline.map { #"<w:outlineLvl w:val="\#($0)"/>"# } ?? "")</w:pPr>"
                + "<w:rPr>\(run)</w:rPr></w:style>"
        }
        let heading = #"<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/>"#
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>\
            <w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/>\
            <w:lang w:val="\(XMLEscaping.attribute(language))"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>\
            <w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
            """
            + paragraphStyle("Normal", name: "Normal", basedOn: nil, next: nil, isDefault: true)
            + paragraphStyle("Title", name: "Title", outline: nil, paragraph: #"<w:spacing w:after="240"/>"#, run: #"<w:b/><w:sz w:val="40"/><w:szCs w:val="40"/>"#)
            + paragraphStyle("Heading1", name: "heading 1", outline: 0, paragraph: heading, run: #"<w:b/><w:color w:val="1F3864"/><w:sz w:val="32"/><w:szCs w:val="32"/>"#)
            + paragraphStyle("Heading2", name: "heading 2", outline: 1, paragraph: heading, run: #"<w:b/><w:color w:val="1F3864"/><w:sz w:val="26"/><w:szCs w:val="26"/>"#)
            + paragraphStyle("Heading3", name: "heading 3", outline: 2, paragraph: heading, run: #"<w:b/><w:sz w:val="22"/><w:szCs w:val="22"/>"#)
            + paragraphStyle("Quote", name: "Quote", paragraph: #"<w:spacing w:before="120" w:after="120"/><w:ind w:left="567" w:right="567"/>"#,
                             run: #"<w:i/><w:color w:val="404040"/>"#)
            + paragraphStyle("Caption", name: "caption", paragraph: #"<w:spacing w:after="200"/>"#, run: #"<w:i/><w:sz w:val="18"/><w:szCs w:val="18"/>"#)
            + paragraphStyle("ListBullet", name: "List Bullet", paragraph: #"<w:ind w:left="360" w:hanging="360"/>"#)
            + #"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>"#
            + #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>"#
            + #"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="70" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
            + #"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>"#
            + #"<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>"#
            + #"<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>"#
            + #"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>"#
            + #"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders></w:tblPr>"#
            + #"<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:tcPr></w:tblStylePr></w:style>"#
            + "</w:styles>"
    }
}
