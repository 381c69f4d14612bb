/// A Word document as a list of blocks — paragraphs, tables and page breaks — that
/// ``WordDocumentWriter`` writes as WordprocessingML (ECMA-376). Only what reports and coding sheets
/// need: named paragraph styles, bold and italic runs, tables with a header row, inline images.
public struct WordDocument: Sendable, Equatable {
    /// The document's title, for its properties (`docProps/core.xml`).
    public var title: String
    /// The language of the text, such as `nl-NL` (spelling and hyphenation in Word).
    public var language: String
    /// Page orientation of the whole document (A4).
    public var landscape: Bool
    /// The content, in order.
    public var blocks: [WordBlock]

    /// An empty document.
    public init(title: String, language: String = "nl-NL", landscape: Bool = false, blocks: [WordBlock] = []) {
        self.title = title
        self.language = language
        self.landscape = landscape
        self.blocks = blocks
    }

    /// Appends a paragraph of plain text in a style.
    public mutating func paragraph(_ text: String, style: WordParagraphStyle = .normal) {
        blocks.append(.paragraph(WordParagraph(style: style, runs: [WordRun(text)])))
    }

    /// Appends a block.
    public mutating func append(_ block: WordBlock) { blocks.append(block) }
}

/// One block of a ``WordDocument``.
public enum WordBlock: Sendable, Equatable {
    /// A paragraph.
    case paragraph(WordParagraph)
    /// A table.
    case table(WordTable)
    /// A page break: what follows starts on a new page.
    case pageBreak
}

/// The paragraph styles of the document's `styles.xml`; headings are Word's built-in ones, so a table of
/// contents picks them up (and Dutch Word shows them as "Kop 1", "Citaat", …).
public enum WordParagraphStyle: String, Sendable, Equatable, CaseIterable {
    /// Body text.
    case normal = "Normal"
    /// The document's title.
    case title = "Title"
    /// Heading level 1.
    case heading1 = "Heading1"
    /// Heading level 2.
    case heading2 = "Heading2"
    /// Heading level 3.
    case heading3 = "Heading3"
    /// A quotation, indented and italic.
    case quote = "Quote"
    /// The caption of a figure or table.
    case caption = "Caption"
    /// A bulleted list item (a bullet character and a hanging indent; no numbering part needed).
    case listItem = "ListBullet"
}

/// A paragraph: runs of text or an image, in a style.
public struct WordParagraph: Sendable, Equatable {
    /// Its style.
    public var style: WordParagraphStyle
    /// Its text, run by run.
    public var runs: [WordRun]
    /// Horizontal alignment.
    public var alignment: WordAlignment
    /// Keep this paragraph on the page of the next one (a caption with its table).
    public var keepWithNext: Bool

    /// A paragraph of runs.
    public init(style: WordParagraphStyle = .normal, runs: [WordRun], alignment: WordAlignment = .start, keepWithNext: Bool = false) {
        self.style = style
        self.runs = runs
        self.alignment = alignment
        self.keepWithNext = keepWithNext
    }
}

/// Horizontal alignment of a paragraph.
public enum WordAlignment: String, Sendable, Equatable {
    /// Left in a left-to-right text.
    case start
    /// Centred.
    case center
    /// Right in a left-to-right text (numbers in a table).
    case end
}

/// A stretch of text with one formatting, or an image.
public struct WordRun: Sendable, Equatable {
    /// The text; line breaks become Word line breaks, tabs tabs.
    public var text: String
    /// Bold.
    public var bold: Bool
    /// Italic.
    public var italic: Bool
    /// An image instead of text.
    public var image: WordImage?

    /// A run of text.
    public init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
        image = nil
    }

    /// A run holding an image.
    public init(image: WordImage) {
        text = ""
        bold = false
        italic = false
        self.image = image
    }
}

/// An image in the text, stored as a part of the package. An SVG is written as Office writes one since Word
/// 2016: the `asvg:svgBlip` extension names the SVG, and the picture's own blip names `fallback` (a PNG) when
/// given, else the SVG itself (which LibreOffice and Word 2016 and later draw; see ``WordDocumentWriter``).
public struct WordImage: Sendable, Equatable {
    /// The part's file name under `word/media/`, unique in the document (`figuur-1.svg`).
    public var fileName: String
    /// The SVG's bytes.
    public var svg: [UInt8]
    /// A PNG of the same picture for programs that cannot draw SVG, when there is one.
    public var fallbackPNG: [UInt8]?
    /// Width and height in points (1/72 inch).
    public var width: Double, height: Double
    /// The text alternative (`descr`), read by screen readers.
    public var description: String

    /// An SVG image of `width` × `height` points.
    public init(fileName: String, svg: [UInt8], fallbackPNG: [UInt8]? = nil, width: Double, height: Double, description: String) {
        self.fileName = fileName
        self.svg = svg
        self.fallbackPNG = fallbackPNG
        self.width = width
        self.height = height
        self.description = description
    }
}

/// A table: rows of cells, the first `headerRows` repeated on every page.
public struct WordTable: Sendable, Equatable {
    /// The rows; every row has one cell per column.
    public var rows: [[WordTableCell]]
    /// Relative column widths (any unit; they are scaled to the text width). Empty: equal columns.
    public var columnWidths: [Double]
    /// How many rows at the top are headers (bold, repeated after a page break).
    public var headerRows: Int

    /// A table of rows.
    public init(rows: [[WordTableCell]], columnWidths: [Double] = [], headerRows: Int = 1) {
        self.rows = rows
        self.columnWidths = columnWidths
        self.headerRows = headerRows
    }
}

/// One cell of a ``WordTable``: one paragraph of runs.
public struct WordTableCell: Sendable, Equatable {
    /// Its text.
    public var runs: [WordRun]
    /// Its alignment (numbers to the right).
    public var alignment: WordAlignment

    /// A cell of runs.
    public init(runs: [WordRun], alignment: WordAlignment = .start) {
        self.runs = runs
        self.alignment = alignment
    }

    /// A cell of plain text.
    public init(_ text: String, bold: Bool = false, italic: Bool = false, alignment: WordAlignment = .start) {
        self.init(runs: [WordRun(text, bold: bold, italic: italic)], alignment: alignment)
    }
}
