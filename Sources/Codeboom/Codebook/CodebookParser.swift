import Foundation

/// Reads the Markdown codebook format: heading levels form the tree, `key: value` lines right under a
/// heading are attributes, and so are lines with a known key (`deelvraag`, `wifa`, `trefwoorden`,
/// `uitsluiten`, `vraag`, `samenvatting`) anywhere in the heading's section; the rest is description.
public enum CodebookParser {
    /// Keys that are attributes wherever they stand in a code's section: researchers often give the
    /// description first and the rules after it. Other `key: value` lines count only right under the heading.
    public static let knownAttributeKeys: Set<String> = ["deelvraag", "deelvragen", "wifa", "trefwoorden", "uitsluiten", "vraag", "samenvatting"]

    /// Parses a codebook; problems are returned as diagnostics, never thrown, so `check` can show all.
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, file: String) -> (codebook: Codebook, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
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
                        diagnostics.append(.error(location, "a second title (`#` heading) \"\(heading.text)\"",
                                                  advice: "keep one `#` title; use `##` for categories"))
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
                    diagnostics.append(.error(location, "heading \"\(heading.text)\" gives an empty id",
                                              advice: "add an id at the end of the heading, like `{#my-code}`"))
                    continue
                }
                if let firstLine = firstLineOfID[id] {
                    diagnostics.append(.error(location, "code id \"\(id)\" is defined twice (first at line \(firstLine))",
                                              advice: "rename one, e.g. with `{#another-id}` at the end of the heading"))
                    continue
                }
                if heading.level > 2 && open.isEmpty {
                    diagnostics.append(.error(location, "code \"\(heading.text)\" stands before any category",
                                              advice: "put a `##` category heading above it"))
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
                            diagnostics.append(.warning(location, "`\(attribute.key):` is given twice for \"\(codes[sectionCode].id)\" (first at line \(first)); only this line counts",
                                                        advice: "put everything on one `\(attribute.key):` line"))
                        }
                        sectionAttributeLines[attribute.key] = lineNumber
                        apply(attribute, to: &codes[sectionCode], at: location,
                              questions: &deelvraagQuestions, diagnostics: &diagnostics)
                    } else if titleSeen && !inRejectedSection {
                        applyTitleAttribute(attribute, at: location, questions: &deelvraagQuestions, diagnostics: &diagnostics)
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
            diagnostics.append(.error(SourceLocation(file: file, line: 1, column: 1), "the codebook has no `#` title",
                                      advice: "start the file with a line like `# Codeboom of my study`"))
        }
        if codes.isEmpty {
            diagnostics.append(.error(SourceLocation(file: file, line: 1, column: 1), "the codebook has no codes",
                                      advice: "add categories as `##` headings and codes as `###` headings"))
        }
        // Children inherit their nearest ancestor's deelvragen. A parent stands before its children, so
        // one pass in codebook order settles every parent before its children are reached.
        for index in codes.indices where codes[index].deelvragen.isEmpty {
            if let parentIndex = parentIndices[index] { codes[index].deelvragen = codes[parentIndex].deelvragen }
        }
        let introductionText = introduction.filter { !$0.isEmpty }.joined(separator: "\n\n")
        return (Codebook(title: title, introduction: introductionText, codes: codes,
                         deelvraagQuestions: deelvraagQuestions, file: file), diagnostics)
    }

    private static func apply(_ attribute: Attribute, to code: inout Code, at location: SourceLocation,
                              questions: inout [Int: String], diagnostics: inout [Diagnostic]) {
        code.attributes[attribute.key] = attribute.value
        code.attributeLocations[attribute.key] = location
        switch attribute.key {
        case "deelvraag", "deelvragen":
            let numbers = attribute.value.split(whereSeparator: { $0 == "," || $0 == " " }).map { Int($0) }
            if numbers.isEmpty || numbers.contains(nil) {
                diagnostics.append(.error(location, "deelvraag \"\(attribute.value)\" is not a number",
                                          advice: "write the number of the sub-question, like `deelvraag: 2` or `deelvraag: 1, 2`"))
            } else {
                code.deelvragen = numbers.compactMap { $0 }
            }
        case "wifa":
            if let dimension = WIFADimension(attribute: attribute.value) {
                code.wifa = dimension
            } else {
                diagnostics.append(.error(location, "wifa \"\(attribute.value)\" is not a WIFA dimension",
                                          advice: "use W, I, F or A (Waardering, Informeren, Faciliteren, Afstemming)"))
            }
        case "samenvatting":
            code.summary = attribute.value.isEmpty ? nil : attribute.value
        case "vraag":
            if code.deelvragen.count == 1 {
                questions[code.deelvragen[0]] = attribute.value
            } else {
                diagnostics.append(.error(location, "`vraag:` needs exactly one deelvraag on this heading",
                                          advice: "put `deelvraag: N` above the `vraag:` line"))
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
                                            questions: inout [Int: String], diagnostics: inout [Diagnostic]) {
        let words = attribute.key.split(separator: " ")
        if words.count == 2, words[0] == "deelvraag" {
            if let number = Int(words[1]) {
                questions[number] = attribute.value
            } else {
                diagnostics.append(.error(location, "\"\(attribute.key)\" does not name a deelvraag number",
                                          advice: "write it as `deelvraag 1: the question`"))
            }
        }
    }
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
        guard let first = scalars.firstIndex(where: { !isWhite($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isWhite($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
