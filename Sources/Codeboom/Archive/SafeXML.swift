import Foundation

/// A small XML element tree read by our own parser (``SafeXMLParser``), which never processes
/// a DTD: any `<!DOCTYPE` or `<!ENTITY` is refused, so external entities (XXE) and entity
/// expansion (billion laughs) cannot happen, and any named entity but the five predefined
/// ones is an error.
public enum SafeXML {
    /// One element, its name with the prefix as written (`w:p`), attributes and content in order.
    public struct Element: Sendable, Equatable {
        /// The qualified name as written in the file, such as `w:p` or `text:span`.
        public var name: String
        /// Attributes by qualified name, such as `w:id`.
        public var attributes: Attributes
        /// Child elements and text, in document order.
        public var children: [Node]

        /// Creates an element.
        public init(name: String, attributes: Attributes = [:], children: [Node] = []) {
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

    /// Parses a UTF-8 XML document into its root element, refusing DTDs and entity declarations.
    ///
    /// - Complexity: O(*n*) in the size of the document; the tree takes memory in proportion to it.
    public static func parse(_ data: Data) throws(SafeXMLError) -> Element {
        // Data.withUnsafeBytes rethrows untyped errors, so the result carries the typed one out.
        let result = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Result<Element, SafeXMLError> in
            do throws(SafeXMLError) {
                try checkEncoding(bytes)
                var parser = SafeXMLParser(bytes: bytes, maxDepth: maxDepth)
                return .success(try parser.parse())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Refuses UTF-16/32, NUL bytes and invalid UTF-8, in one pass with an ASCII fast path.
    ///
    /// A declared encoding other than UTF-8 is refused by the parser when it reads the declaration.
    private static func checkEncoding(_ bytes: UnsafeRawBufferPointer) throws(SafeXMLError) {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.prefix(4).contains(0) {
            throw .unsupportedEncoding("UTF-16 or UTF-32")
        }
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes without NUL at a time.
            if index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let hasHighBit = word & 0x8080_8080_8080_8080 != 0
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
                if !hasHighBit, !hasZero {
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead == 0 { throw .unsupportedEncoding("a form with NUL bytes") }
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: throw invalidUTF8(at: index, in: bytes)
            }
            guard index + length <= count else { throw invalidUTF8(at: index, in: bytes) }
            for offset in 1..<length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { throw invalidUTF8(at: index, in: bytes) }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
            if scalar < minimum || (0xD800...0xDFFF).contains(scalar) || scalar > 0x10FFFF {
                throw invalidUTF8(at: index, in: bytes)
            }
            index += length
        }
    }

    private static func invalidUTF8(at offset: Int, in bytes: UnsafeRawBufferPointer) -> SafeXMLError {
        let (line, column) = location(of: offset, in: bytes)
        return .unsupportedEncoding("invalid UTF-8 (line \(line), column \(column))")
    }

    /// The 1-based line and column of a byte offset, columns counting Unicode scalars.
    ///
    /// - Complexity: O(*n*); called only to report an error.
    static func location(of offset: Int, in bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for index in 0..<min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

