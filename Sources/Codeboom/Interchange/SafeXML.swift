import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small XML element tree built with `XMLParser`, after refusing the constructs that
/// make XML dangerous: any `<!DOCTYPE` or `<!ENTITY` is rejected before parsing, so
/// external entities (XXE) and entity expansion (billion laughs) never reach the parser.
public enum SafeXML {
    /// One element, its name with the prefix as written (`w:p`), attributes and content in order.
    public struct Element: Sendable, Equatable {
        /// The qualified name as written in the file, such as `w:p` or `text:span`.
        public var name: String
        /// Attributes by qualified name, such as `w:id`.
        public var attributes: [String: String]
        /// Child elements and text, in document order.
        public var children: [Node]

        /// Creates an element.
        public init(name: String, attributes: [String: String] = [:], children: [Node] = []) {
            self.name = name
            self.attributes = attributes
            self.children = children
        }

        /// The child elements, skipping text.
        public var elements: [Element] {
            children.compactMap { if case .element(let element) = $0 { element } else { nil } }
        }

        /// The first child element with this qualified name.
        public func firstChild(named name: String) -> Element? {
            for case .element(let element) in children where element.name == name { return element }
            return nil
        }

        /// The child elements with this qualified name.
        public func children(named name: String) -> [Element] {
            elements.filter { $0.name == name }
        }

        /// All text inside this element, depth first.
        public var text: String {
            var result = ""
            appendText(to: &result)
            return result
        }

        private func appendText(to result: inout String) {
            for child in children {
                switch child {
                case .text(let text): result += text
                case .element(let element): element.appendText(to: &result)
                }
            }
        }
    }

    /// A piece of element content.
    public enum Node: Sendable, Equatable {
        /// A child element.
        case element(Element)
        /// Character data (entities and CDATA already resolved to text).
        case text(String)
    }

    /// How deep elements may nest; deeper documents are refused rather than risk the stack.
    public static let maxDepth = 128

    private static let parserLock = NSLock()

    /// Parses a UTF-8 XML document into its root element, refusing DTDs and entity declarations.
    public static func parse(_ data: Data) throws(SafeXMLError) -> Element {
        try checkEncoding(data)
        try refuseDeclarations(in: data)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        let builder = TreeBuilder(maxDepth: maxDepth)
        parser.delegate = builder
        // On Linux XMLParser is libxml2, which keeps global state; one parse at a time
        // keeps parallel document reading safe at little cost.
        let succeeded = parserLock.withLock { parser.parse() }
        if let failure = builder.failure { throw failure }
        guard succeeded, let root = builder.root else {
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "no root element"
            throw .malformed(line: parser.lineNumber, column: parser.columnNumber, message: message)
        }
        return root
    }

    /// Refuses UTF-16/32 and declared non-UTF-8 encodings, in which `<!DOCTYPE` would not appear as ASCII bytes.
    private static func checkEncoding(_ data: Data) throws(SafeXMLError) {
        let prefix = Array(data.prefix(4))
        if prefix.starts(with: [0xFE, 0xFF]) || prefix.starts(with: [0xFF, 0xFE]) || prefix.contains(0) {
            throw .unsupportedEncoding("UTF-16 or UTF-32")
        }
        if data.contains(0) { throw .unsupportedEncoding("a form with NUL bytes") }
        let head = String(decoding: data.prefix(200), as: UTF8.self)
        if head.hasPrefix("\u{FEFF}<?xml") || head.hasPrefix("<?xml"),
           let declarationEnd = head.range(of: "?>") {
            let declaration = head[..<declarationEnd.lowerBound].lowercased()
            if let encodingRange = declaration.range(of: "encoding") {
                let rest = declaration[encodingRange.upperBound...]
                let value = rest.drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" || $0 == "\t" }
                    .prefix { $0 != "\"" && $0 != "'" && $0 != " " }
                if value != "utf-8", value != "utf8", value != "us-ascii", value != "ascii" {
                    throw .unsupportedEncoding(String(value))
                }
            }
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw .unsupportedEncoding("invalid UTF-8")
        }
    }

    /// Scans the raw bytes for `<!DOCTYPE` and `<!ENTITY` in any letter case, in one pass.
    ///
    /// - Complexity: O(*n*) in the size of the document.
    private static func refuseDeclarations(in data: Data) throws(SafeXMLError) {
        let found: (SafeXMLError)? = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> SafeXMLError? in
            var line = 1
            var lineStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                } else if byte == 0x3C, index + 1 < bytes.count, bytes[index + 1] == 0x21 {
                    let column = index - lineStart + 1
                    if matches(doctype, in: bytes, at: index) { return .doctypeForbidden(line: line, column: column) }
                    if matches(entity, in: bytes, at: index) {
                        return .entityDeclarationForbidden(line: line, column: column)
                    }
                }
            }
            return nil
        }
        if let found { throw found }
    }

    private static let doctype = Array("<!DOCTYPE".utf8)
    private static let entity = Array("<!ENTITY".utf8)

    private static func matches(_ pattern: [UInt8], in bytes: UnsafeRawBufferPointer, at start: Int) -> Bool {
        guard bytes.count - start >= pattern.count else { return false }
        for (offset, expected) in pattern.enumerated() {
            var byte = bytes[start + offset]
            if byte >= 0x61, byte <= 0x7A { byte -= 0x20 }
            if byte != expected { return false }
        }
        return true
    }
}

/// Collects parser events into ``SafeXML/Element`` values.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [SafeXML.Element] = []
    // Text is gathered here and flushed at the next tag, because the parser delivers long
    // text in many pieces and appending each to the tree would copy it over and over.
    private var pendingText = ""
    private let maxDepth: Int
    private(set) var root: SafeXML.Element?
    private(set) var failure: SafeXMLError?

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard stack.count < maxDepth else {
            failure = .tooDeeplyNested(line: parser.lineNumber, column: parser.columnNumber, limit: maxDepth)
            parser.abortParsing()
            return
        }
        flushText()
        stack.append(SafeXML.Element(name: qName ?? elementName, attributes: attributeDict))
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        flushText()
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(.element(element))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        appendText(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        appendText(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        appendText(whitespaceString)
    }

    private func appendText(_ string: String) {
        guard !stack.isEmpty else { return }
        pendingText += string
    }

    private func flushText() {
        guard !pendingText.isEmpty, !stack.isEmpty else { return }
        stack[stack.count - 1].children.append(.text(pendingText))
        pendingText = ""
    }
}
