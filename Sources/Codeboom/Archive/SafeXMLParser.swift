import Foundation

/// Our own XML parser for the parts of .docx and .odt files: one linear pass over the UTF-8
/// bytes that builds the ``SafeXML/Element`` tree.
///
/// It reads elements, attributes, text, CDATA, comments and processing instructions, the five
/// predefined entities and numeric character references. There is no DTD processing at all:
/// a `<!DOCTYPE` or `<!ENTITY` is refused with its own error, so external entities and entity
/// expansion cannot happen, and any other named entity is an error. Nesting is bounded by
/// ``SafeXML/maxDepth``, so the work stack cannot grow with hostile input. Unlike libxml2's
/// defaults it has no 10 MB limit: the archive limits bound how large a part can be.
struct SafeXMLParser: ~Copyable {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    private let maxDepth: Int
    /// ``Byte/endsName``, held here so the hot loop does not check a global's initialisation.
    private let endsName = Byte.endsName

    /// The elements whose end tag has not been read yet, innermost last.
    private var open: [OpenElement] = []
    /// Text since the last tag: text split by comments or CDATA sections is one text node, as
    /// libxml2 reports it, and gathering it here keeps that linear.
    private var pendingText = ""

    private struct OpenElement {
        var element: SafeXML.Element
        /// Where its start tag begins, for the error when the document ends before it closes.
        var start: Int
    }

    init(bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses the document and returns its root element.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    mutating func parse() throws(SafeXMLError) -> SafeXML.Element {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        var root: SafeXML.Element?
        while true {
            skipWhiteSpace()
            guard position < bytes.count else { break }
            guard bytes[position] == Byte.lessThan else {
                throw malformed(at: position, root == nil
                    ? "text before the root element" : "text after the root element")
            }
            let next = byte(at: position + 1)
            if next == Byte.question {
                try skipProcessingInstruction(inProlog: root == nil && position <= 3)
            } else if next == Byte.exclamation {
                try markupDeclaration(inContent: false)
            } else if root != nil {
                throw malformed(at: position, "a second root element")
            } else {
                root = try element()
            }
        }
        guard let root else { throw malformed(at: position, "the document has no root element") }
        return root
    }

    // MARK: - Elements

    /// Reads the element whose start tag begins at `position`, with all its content.
    private mutating func element() throws(SafeXMLError) -> SafeXML.Element {
        guard try startTag() else {
            // An empty-element tag: nothing is open.
            return open.removeLast().element
        }
        while true {
            let textStart = position
            // Text runs to the next markup; memchr finds it without a byte loop.
            let remaining = bytes.count - position
            var textEnd = bytes.count
            if remaining > 0, let base = bytes.baseAddress, let found = memchr(base + position, Int32(Byte.lessThan), remaining) {
                textEnd = base.distance(to: UnsafeRawPointer(found))
            }
            if textEnd > textStart { try appendText(from: textStart, to: textEnd) }
            position = textEnd
            guard position < bytes.count else {
                let innermost = open[open.count - 1]
                throw malformed(at: innermost.start, "the document ends before <\(innermost.element.name)> is closed")
            }
            switch byte(at: position + 1) {
            case Byte.slash:
                let closed = try endTag()
                if open.isEmpty { return closed }
                open[open.count - 1].element.children.append(.element(closed))
            case Byte.question:
                try skipProcessingInstruction(inProlog: false)
            case Byte.exclamation:
                try markupDeclaration(inContent: true)
            default:
                if try !startTag() {
                    let closed = open.removeLast().element
                    open[open.count - 1].element.children.append(.element(closed))
                }
            }
        }
    }

    /// Reads a start tag at `position` and opens its element; returns false for an empty-element tag.
    private mutating func startTag() throws(SafeXMLError) -> Bool {
        let tagStart = position
        guard open.count < maxDepth else {
            let (line, column) = location(of: tagStart)
            throw .tooDeeplyNested(line: line, column: column, limit: maxDepth)
        }
        position += 1
        if !open.isEmpty { flushText() }
        let name = try readName(after: "<")
        var attributes: [(name: String, value: String)] = []
        // Duplicates are found by a scan while there are few attributes, then through a set,
        // so an element with thousands of attributes stays linear.
        var seen: Set<String>?
        while true {
            let hadSpace = skipWhiteSpace()
            guard position < bytes.count else {
                throw malformed(at: tagStart, "the document ends inside the tag <\(name)>")
            }
            let current = bytes[position]
            if current == Byte.greaterThan {
                position += 1
                open.append(OpenElement(
                    element: SafeXML.Element(name: name, attributes: SafeXML.Attributes(pairs: attributes)), start: tagStart))
                return true
            }
            if current == Byte.slash {
                guard byte(at: position + 1) == Byte.greaterThan else {
                    throw malformed(at: position, "expected \"/>\" to end the tag <\(name)>")
                }
                position += 2
                open.append(OpenElement(
                    element: SafeXML.Element(name: name, attributes: SafeXML.Attributes(pairs: attributes)), start: tagStart))
                return false
            }
            guard hadSpace else { throw malformed(at: position, "expected a space between attributes of <\(name)>") }
            let attributeStart = position
            let attribute = try readName(after: "an attribute of <\(name)>")
            skipWhiteSpace()
            guard byte(at: position) == Byte.equals else {
                throw malformed(at: position, "attribute \(attribute) of <\(name)> has no value")
            }
            position += 1
            skipWhiteSpace()
            let value = try attributeValue(of: attribute)
            let duplicate: Bool
            if let inserted = seen?.insert(attribute).inserted {
                duplicate = !inserted
            } else {
                duplicate = attributes.contains { $0.name == attribute }
                if attributes.count == 8 { seen = Set(attributes.map(\.name) + [attribute]) }
            }
            guard !duplicate else { throw malformed(at: attributeStart, "<\(name)> has the attribute \(attribute) twice") }
            attributes.append((name: attribute, value: value))
        }
    }

    /// Reads an end tag at `position`, which must close the innermost open element.
    private mutating func endTag() throws(SafeXMLError) -> SafeXML.Element {
        let tagStart = position
        position += 2
        let name = try readName(after: "</")
        skipWhiteSpace()
        guard byte(at: position) == Byte.greaterThan else {
            throw malformed(at: position, "expected \">\" to end the tag </\(name)>")
        }
        position += 1
        flushText()
        let innermost = open.removeLast()
        guard innermost.element.name == name else {
            throw malformed(at: tagStart, "</\(name)> closes <\(innermost.element.name)>")
        }
        return innermost.element
    }

    /// Reads a name: every byte up to white space or a delimiter; UTF-8 was validated before.
    private mutating func readName(after context: @autoclosure () -> String) throws(SafeXMLError) -> String {
        let start = position
        while position < bytes.count, !endsName[Int(bytes[position])] { position += 1 }
        guard position > start else { throw malformed(at: start, "expected a name after \(context())") }
        let first = bytes[start]
        if first == Byte.minus || first == Byte.dot || (first >= Byte.zero && first <= Byte.nine) {
            throw malformed(at: start, "a name cannot start with \"\(Character(UnicodeScalar(first)))\"")
        }
        return string(start, position)
    }

    /// Reads a quoted attribute value, resolving references and turning tabs and line ends into spaces.
    private mutating func attributeValue(of attribute: String) throws(SafeXMLError) -> String {
        guard let quote = byte(at: position), quote == Byte.quote || quote == Byte.apostrophe else {
            throw malformed(at: position, "the value of \(attribute) is not in quotes")
        }
        let start = position + 1
        var end = start
        var plain = true
        while end < bytes.count, bytes[end] != quote {
            let current = bytes[end]
            if current == Byte.lessThan { throw malformed(at: end, "\"<\" in the value of \(attribute)") }
            if current == Byte.ampersand || current < 0x20 { plain = false }
            end += 1
        }
        guard end < bytes.count else { throw malformed(at: position, "the value of \(attribute) is not closed") }
        position = end + 1
        if plain { return string(start, end) }
        return try decode(from: start, to: end, attributeValue: true)
    }

    // MARK: - Text

    private mutating func appendText(from start: Int, to end: Int) throws(SafeXMLError) {
        var plain = true
        for index in start..<end where bytes[index] < 0x20 || bytes[index] == Byte.ampersand || bytes[index] == Byte.greaterThan {
            // "]]>" may not appear in text; a lone ">" may.
            if bytes[index] == Byte.greaterThan {
                if index - start >= 2, bytes[index - 1] == Byte.closeBracket, bytes[index - 2] == Byte.closeBracket {
                    throw malformed(at: index - 2, "\"]]>\" in text")
                }
                continue
            }
            plain = false
            break
        }
        let text = plain ? string(start, end) : try decode(from: start, to: end, attributeValue: false)
        appendText(text)
    }

    private mutating func appendText(_ text: String) {
        pendingText += text
    }

    /// Adds the text gathered since the last tag to the innermost open element.
    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        open[open.count - 1].element.children.append(.text(pendingText))
        pendingText = ""
    }

    /// Decodes text or an attribute value with references, line ends and (in attributes) white space.
    private func decode(from start: Int, to end: Int, attributeValue: Bool) throws(SafeXMLError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(end - start)
        var index = start
        // Plain stretches between references and control characters are copied whole.
        var plainStart = start
        while index < end {
            let current = bytes[index]
            guard current == Byte.ampersand || current < 0x20 else {
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[plainStart..<index]))
            switch current {
            case Byte.ampersand:
                index = try reference(at: index, end: end, into: &output)
                plainStart = index
                continue
            case Byte.carriageReturn:
                // XML reads CR LF and a lone CR as one line end.
                output.append(attributeValue ? Byte.space : Byte.lineFeed)
                if index + 1 < end, bytes[index + 1] == Byte.lineFeed { index += 1 }
            case Byte.lineFeed, Byte.tab:
                output.append(attributeValue ? Byte.space : current)
            default:
                throw malformed(at: index, "the control character U+\(hex(UInt32(current))) is not allowed in XML")
            }
            index += 1
            plainStart = index
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[plainStart..<end]))
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the character a reference at `start` stands for and returns the index after its `;`.
    private func reference(at start: Int, end: Int, into output: inout [UInt8]) throws(SafeXMLError) -> Int {
        var semicolon = start + 1
        while semicolon < end, semicolon - start <= 12, bytes[semicolon] != Byte.semicolon { semicolon += 1 }
        guard semicolon < end, bytes[semicolon] == Byte.semicolon else {
            throw malformed(at: start, "\"&\" that does not start a reference (write it as &amp;)")
        }
        let body = string(start + 1, semicolon)
        switch body {
        case "amp": output.append(Byte.ampersand)
        case "lt": output.append(Byte.lessThan)
        case "gt": output.append(Byte.greaterThan)
        case "quot": output.append(Byte.quote)
        case "apos": output.append(Byte.apostrophe)
        default:
            guard body.hasPrefix("#") else {
                throw malformed(at: start, "the entity &\(body); is not defined (XML without a DTD has only &amp; &lt; &gt; &quot; &apos;)")
            }
            let digits = body.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, !digits.hasPrefix("x+"), !digits.hasPrefix("+"), let scalar = Unicode.Scalar(value),
                  Self.isXMLCharacter(scalar)
            else { throw malformed(at: start, "&\(body); is not a valid character reference") }
            output.append(contentsOf: String(Character(scalar)).utf8)
        }
        return semicolon + 1
    }

    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
    }

    // MARK: - Other markup

    /// Reads `<!…`: a comment or CDATA section; DOCTYPE and ENTITY declarations are refused.
    private mutating func markupDeclaration(inContent: Bool) throws(SafeXMLError) {
        let start = position
        if matches("<!--") {
            guard let end = find("-->", from: start + 4) else { throw malformed(at: start, "a comment that is not closed") }
            position = end + 3
        } else if matches("<![CDATA[") {
            guard inContent else { throw malformed(at: start, "a CDATA section outside the root element") }
            guard let end = find("]]>", from: start + 9) else {
                throw malformed(at: start, "a CDATA section that is not closed")
            }
            appendText(string(start + 9, end))
            position = end + 3
        } else if matchesIgnoringCase("<!DOCTYPE") {
            let (line, column) = location(of: start)
            throw .doctypeForbidden(line: line, column: column)
        } else if matchesIgnoringCase("<!ENTITY") {
            let (line, column) = location(of: start)
            throw .entityDeclarationForbidden(line: line, column: column)
        } else {
            throw malformed(at: start, "\"<!\" that starts no comment or CDATA section")
        }
    }

    /// Skips `<?target …?>`; the XML declaration must name UTF-8 as its encoding, if any.
    private mutating func skipProcessingInstruction(inProlog: Bool) throws(SafeXMLError) {
        let start = position
        guard let end = find("?>", from: start + 2) else {
            throw malformed(at: start, "a processing instruction that is not closed")
        }
        if inProlog, matches("<?xml"), let after = byte(at: start + 5), Byte.isWhiteSpace(after) {
            try Self.checkDeclaredEncoding(string(start + 5, end))
        }
        position = end + 2
    }

    /// Refuses a declared encoding other than UTF-8 (or its ASCII subset).
    static func checkDeclaredEncoding(_ declaration: String) throws(SafeXMLError) {
        let lowered = declaration.lowercased()
        guard let encodingRange = lowered.range(of: "encoding") else { return }
        let value = lowered[encodingRange.upperBound...]
            .drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            .prefix { $0 != "\"" && $0 != "'" && $0 != " " }
        if value != "utf-8", value != "utf8", value != "us-ascii", value != "ascii" {
            throw .unsupportedEncoding(String(value))
        }
    }

    // MARK: - Bytes

    private func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    @discardableResult
    private mutating func skipWhiteSpace() -> Bool {
        let start = position
        while position < bytes.count, Byte.isWhiteSpace(bytes[position]) { position += 1 }
        return position > start
    }

    private func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        guard let base = bytes.baseAddress else { return count == 0 }
        return memcmp(base + position, literal.utf8Start, count) == 0
    }

    private func matchesIgnoringCase(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        let pattern = UnsafeRawBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count {
            var current = bytes[position + offset]
            if current >= 0x61, current <= 0x7A { current -= 0x20 }
            if current != pattern[offset] { return false }
        }
        return true
    }

    /// The index of the next occurrence of `literal` at or after `start`.
    private func find(_ literal: StaticString, from start: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        let first = Int32(literal.utf8Start.pointee)
        guard let base = bytes.baseAddress else { return nil }
        var from = start
        while bytes.count - from >= count,
              let hit = memchr(base + from, first, bytes.count - from - count + 1) {
            let index = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + index, literal.utf8Start, count) == 0 { return index }
            from = index + 1
        }
        return nil
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private func malformed(at offset: Int, _ message: String) -> SafeXMLError {
        let (line, column) = location(of: offset)
        return .malformed(line: line, column: column, message: message)
    }

    /// The line and column (counting Unicode scalars) of a byte offset; only computed for errors.
    private func location(of offset: Int) -> (line: Int, column: Int) {
        SafeXML.location(of: min(offset, bytes.count), in: bytes)
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// The bytes the parser looks for.
private enum Byte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let exclamation: UInt8 = 0x21
    static let quote: UInt8 = 0x22
    static let ampersand: UInt8 = 0x26
    static let apostrophe: UInt8 = 0x27
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let semicolon: UInt8 = 0x3B
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let closeBracket: UInt8 = 0x5D

    static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == lineFeed || byte == tab || byte == carriageReturn
    }

    /// The bytes that end a name: white space and the delimiters of tags, attributes and references.
    static let endsName: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        return isWhiteSpace(byte) || byte < 0x20 || [slash, greaterThan, lessThan, equals, quote, apostrophe,
                                                     ampersand, semicolon, exclamation, question].contains(byte)
    }
}
