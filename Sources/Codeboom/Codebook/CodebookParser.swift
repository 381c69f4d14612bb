import Foundation

/// Reads the Markdown codebook format: heading levels form the tree, `key: value` lines right under a
/// heading are attributes, and so are lines with a known key (`deelvraag`, `wifa`, `trefwoorden`,
/// `uitsluiten`, `vraag`, `samenvatting`) anywhere in the heading's section; the rest is description.
public enum CodebookParser {
    /// Keys that are attributes wherever they stand in a code's section: researchers often give the
    /// description first and the rules after it. Other `key: value` lines count only right under the heading.
    public static let knownAttributeKeys: Set<String> = ["deelvraag", "deelvragen", "wifa", "trefwoorden", "uitsluiten", "vraag", "samenvatting"]

    /// Parses a codebook; problems are returned, never thrown, so `check` can show all.
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, file: String) -> ParsedCodebook {
        var problems: [CodebookError] = []
        var title = ""
        var titleSeen = false
        var introduction: [String] = []
        var deelvraagQuestions: [Int: String] = [:]
        var codes: [Code] = []
        /// Per code, the position of its parent in `codes` (always before it).
        var parentIndices: [Int?] = []
        var firstLineOfID: [String: Int] = [:]
        /// Per attribute key of the open section, the line where it was first given.
        var sectionAttributeLines: [String: Int] = [:]
        /// An attribute line taken out of the description leaves no second blank line behind.
        var skipBlank = false
        /// Stack of (heading level, index into codes).
        var open: [(level: Int, index: Int)] = []
        /// The code whose section the lines belong to: nil under the title, and under a heading that was rejected.
        var sectionCode: Int? = nil
        var inRejectedSection = false
        var inAttributeBlock = false
        var description: [String] = []
        var inFence = false

        func flushDescription() {
            let body = description.joined(separator: "\n").trimmingWhitespace(andNewlines: true)
            if let sectionCode {
                codes[sectionCode].description = body
            } else if titleSeen && !inRejectedSection {
                introduction.append(body)
            }
            description = []
        }

        // Lines split on the UTF-8 bytes: splitting by characters costs far more on a large codebook.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = offset + 1
            let line = String(Substring(rawLine))
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, let heading = Heading(line) {
                flushDescription()
                let location = SourceLocation(file: file, line: lineNumber, column: 1)
                if heading.level == 1 {
                    if titleSeen {
                        problems.append(.secondTitle(location, title: heading.text))
                    }
                    title = heading.text
                    titleSeen = true
                    open = []
                    sectionCode = nil
                    inRejectedSection = false
                    inAttributeBlock = true
                    sectionAttributeLines = [:]
                    continue
                }
                while let last = open.last, last.level >= heading.level { open.removeLast() }
                // Whatever follows belongs to no code until a heading is accepted, so stale attributes cannot land on the previous one.
                sectionAttributeLines = [:]
                sectionCode = nil
                inRejectedSection = true
                inAttributeBlock = false
                let id = heading.explicitID ?? heading.text.slug
                if id.isEmpty {
                    problems.append(.emptyID(location, heading: heading.text))
                    continue
                }
                if let firstLine = firstLineOfID[id] {
                    problems.append(.duplicateID(location, id: id, firstLine: firstLine))
                    continue
                }
                if heading.level > 2 && open.isEmpty {
                    problems.append(.codeBeforeCategory(location, heading: heading.text))
                }
                firstLineOfID[id] = lineNumber
                let parentIndex = open.last?.index
                let depth = open.count
                let parent = parentIndex.map { codes[$0] }
                codes.append(Code(id: id, label: heading.text, depth: depth, parentID: parent?.id,
                                  description: "", attributes: [:], deelvragen: parent?.deelvragen ?? [],
                                  wifa: nil, location: location))
                if let parentIndex { codes[parentIndex].childIDs.append(id) }
                parentIndices.append(parentIndex)
                open.append((heading.level, codes.count - 1))
                sectionCode = codes.count - 1
                inRejectedSection = false
                inAttributeBlock = true
                continue
            }
            if !inFence {
                if inAttributeBlock && description.isEmpty && line.trimmingWhitespace().isEmpty { continue }
                // Right under the heading every `key: value` line is an attribute; after the description
                // has started, only the known keys are (and, under the title, `deelvraag N:`).
                if let attribute = Attribute(line),
                   inAttributeBlock || (sectionCode == nil ? isDeelvraagQuestion(attribute) : knownAttributeKeys.contains(attribute.key)) {
                    let location = SourceLocation(file: file, line: lineNumber, column: attribute.valueColumn)
                    if let sectionCode {
                        if let first = sectionAttributeLines[attribute.key] {
                            problems.append(.attributeGivenTwice(location, key: attribute.key, codeID: codes[sectionCode].id, firstLine: first))
                        }
                        sectionAttributeLines[attribute.key] = lineNumber
                        apply(attribute, to: &codes[sectionCode], at: location,
                              questions: &deelvraagQuestions, problems: &problems)
                    } else if titleSeen && !inRejectedSection {
                        applyTitleAttribute(attribute, at: location, questions: &deelvraagQuestions, problems: &problems)
                    }
                    skipBlank = !inAttributeBlock && description.last?.trimmingWhitespace().isEmpty == true
                    continue
                }
                inAttributeBlock = false
                if skipBlank && line.trimmingWhitespace().isEmpty {
                    skipBlank = false
                    continue
                }
            }
            skipBlank = false
            description.append(line)
        }
        flushDescription()
        if !titleSeen {
            problems.append(.noTitle(SourceLocation(file: file, line: 1, column: 1)))
        }
        if codes.isEmpty {
            problems.append(.noCodes(SourceLocation(file: file, line: 1, column: 1)))
        }
        // Children inherit their nearest ancestor's deelvragen. A parent stands before its children, so
        // one pass in codebook order settles every parent before its children are reached.
        for index in codes.indices where codes[index].deelvragen.isEmpty {
            if let parentIndex = parentIndices[index] { codes[index].deelvragen = codes[parentIndex].deelvragen }
        }
        let introductionText = introduction.filter { !$0.isEmpty }.joined(separator: "\n\n")
        return ParsedCodebook(codebook: Codebook(title: title, introduction: introductionText, codes: codes,
                                                 deelvraagQuestions: deelvraagQuestions, file: file),
                              problems: problems)
    }

    private static func apply(_ attribute: Attribute, to code: inout Code, at location: SourceLocation,
                              questions: inout [Int: String], problems: inout [CodebookError]) {
        code.attributes[attribute.key] = attribute.value
        code.attributeLocations[attribute.key] = location
        switch attribute.key {
        case "deelvraag", "deelvragen":
            let numbers = attribute.value.split(whereSeparator: { $0 == "," || $0 == " " }).map { Int($0) }
            if numbers.isEmpty || numbers.contains(nil) {
                problems.append(.deelvraagNotANumber(location, value: attribute.value))
            } else {
                code.deelvragen = numbers.compactMap { $0 }
            }
        case "wifa":
            if let dimension = WIFADimension(attribute: attribute.value) {
                code.wifa = dimension
            } else {
                problems.append(.unknownWIFADimension(location, value: attribute.value))
            }
        case "samenvatting":
            code.summary = attribute.value.isEmpty ? nil : attribute.value
        case "vraag":
            if code.deelvragen.count == 1 {
                questions[code.deelvragen[0]] = attribute.value
            } else {
                problems.append(.questionWithoutOneDeelvraag(location))
            }
        default:
            break
        }
    }

    /// `deelvraag N: question`, the one attribute of the title's section.
    private static func isDeelvraagQuestion(_ attribute: Attribute) -> Bool {
        let words = attribute.key.split(separator: " ")
        return words.count == 2 && words[0] == "deelvraag"
    }

    private static func applyTitleAttribute(_ attribute: Attribute, at location: SourceLocation,
                                            questions: inout [Int: String], problems: inout [CodebookError]) {
        let words = attribute.key.split(separator: " ")
        if words.count == 2, words[0] == "deelvraag" {
            if let number = Int(words[1]) {
                questions[number] = attribute.value
            } else {
                problems.append(.deelvraagQuestionWithoutNumber(location, key: attribute.key))
            }
        }
    }
}

/// What reading a codebook gave: the codebook as far as it could be read, and its problems.
public struct ParsedCodebook: Sendable {
    /// The codes, their tree and attributes; headings with a problem are left out.
    public var codebook: Codebook
    /// The problems, in the order of the file (those about the whole file last).
    public var problems: [CodebookError]

    /// The problems as the lines `check` prints.
    public var diagnostics: [Diagnostic] { problems.map(Diagnostic.init) }
}

/// A Markdown ATX heading, with an optional `{#id}` at its end.
struct Heading {
    var level: Int
    var text: String
    var explicitID: String?

    init?(_ line: String) {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard hashes >= 1, hashes <= 6 else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = String(rest).trimmingWhitespace()
        // A closing run of `#`s after a space (CommonMark) is not part of the text; `C#` keeps its `#`.
        // Found in one backward pass, so a line of a million `#`s costs one pass.
        let scalars = text.unicodeScalars
        var runStart = scalars.endIndex
        while runStart > scalars.startIndex, scalars[scalars.index(before: runStart)] == "#" { scalars.formIndex(before: &runStart) }
        if runStart != scalars.endIndex {
            if runStart == scalars.startIndex {
                text = ""
            } else if scalars[scalars.index(before: runStart)] == " " || scalars[scalars.index(before: runStart)] == "\t" {
                text = String(text[..<runStart]).trimmingWhitespace()
            }
        }
        if text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) {
            let id = String(text[open.upperBound..<text.index(before: text.endIndex)]).trimmingWhitespace()
            explicitID = id
            text = String(text[..<open.lowerBound]).trimmingWhitespace()
        }
        level = hashes
        self.text = text
    }
}

extension String {
    /// Without leading and trailing white space as Foundation's `.whitespaces` (and, with
    /// `andNewlines`, `.whitespacesAndNewlines`) sees it; looks only at the ends, scalar by scalar,
    /// which costs far less than Foundation's trimming on Linux.
    fileprivate func trimmingWhitespace(andNewlines: Bool = false) -> String {
        func isWhite(_ scalar: Unicode.Scalar) -> Bool {
            if scalar == " " || scalar == "\t" { return true }
            if scalar.isASCII { return andNewlines && (0x0A...0x0D).contains(scalar.value) }
            switch scalar.properties.generalCategory {
            case .spaceSeparator: return true
            case .lineSeparator, .paragraphSeparator: return andNewlines
            default: return andNewlines && scalar == "\u{85}"
            }
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhite($0) }),
              let last = scalars.lastIndex(where: { !isWhite($0) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
