/// Writes a REFI-QDA code tree as a Codeboom codebook (`Codebooks/NAME.md`): the tree's roots are `##`
/// categories, their children `###` codes and so on down to `######`; names are labels, ids their slugs
/// (made unique), descriptions are kept, colours become a `kleur:` attribute.
///
/// A description's lines `deelvraag: …`, `wifa: …`, `trefwoorden: …` (what `export` writes) are attribute
/// lines of the codebook, so they are read back as attributes. Any other line that the codebook would read as
/// a heading or as an attribute right under the heading is written with a `\` before it, so it stays text.
struct REFIImportCodebook {
    /// A code as it will be written.
    struct Entry {
        var guid: String?
        var id: String
        var label: String
        var level: Int
        var color: String?
        var description: String?
    }

    /// The codes in codebook order.
    private(set) var entries: [Entry] = []
    /// The id each code's GUID became.
    private(set) var idByGUID: [String: String] = [:]
    /// GUIDs that were given to two codes: the second is left out, its codings go to the first.
    private(set) var duplicateGUIDs: [String] = []
    /// Messages about what changed on the way.
    private(set) var warnings: [String] = []
    private var usedIDs: Set<String> = []

    /// The deepest heading of a codebook is `######`: the fifth level below a category.
    static let deepestLevel = 6

    /// Ids known for codes by GUID (a Codeboom export's codes, whose GUIDs are made from their ids).
    private let knownIDs: [String: String]

    /// Builds the entries from the tree; `splitDotted` turns `a.b` names into `a` with a child `b`; a code in
    /// `knownIDs` keeps that id instead of its name's slug.
    init(codes: [REFIProject.Code], splitDotted: Bool, knownIDs: [String: String] = [:]) {
        self.knownIDs = knownIDs
        var roots = codes
        if splitDotted { roots = Self.splitDotted(roots) }
        for code in roots { add(code, level: 2, parentID: nil) }
        if !tooDeep.isEmpty {
            let names = tooDeep.prefix(10).map { "\"\($0)\"" }.joined(separator: ", ") + (tooDeep.count > 10 ? ", …" : "")
            warnings.append("\(tooDeep.count) code(s) lie deeper than a codebook's six heading levels (\(names)); each was placed at the sixth level, under the same parent as its own parent")
        }
    }

    /// Codes below the sixth heading level, by name.
    private var tooDeep: [String] = []

    private mutating func add(_ code: REFIProject.Code, level: Int, parentID: String?) {
        if let guid = code.guid.isEmpty ? nil : code.guid, idByGUID[guid] != nil {
            duplicateGUIDs.append(guid)
            warnings.append("the code \"\(code.name)\" has the GUID \(guid) of an earlier code; it was left out with its sub-codes, and codings with that GUID go to the earlier code")
            return
        }
        let shownLevel = min(level, Self.deepestLevel)
        if level > Self.deepestLevel { tooDeep.append(code.name) }
        let id = uniqueID(for: code.name, parentID: parentID, known: knownIDs[code.guid])
        let label = code.name.isEmpty ? id : code.name
        entries.append(Entry(guid: code.guid.isEmpty ? nil : code.guid, id: id, label: label, level: shownLevel,
                             color: code.color, description: code.description))
        if !code.guid.isEmpty { idByGUID[code.guid] = id }
        for child in code.children { add(child, level: level + 1, parentID: id) }
    }

    /// The slug of the name; a name whose slug is taken (`pedagogy` under two parents) gets its parent's id
    /// before it, then a number.
    private mutating func uniqueID(for name: String, parentID: String?, known: String?) -> String {
        if let known, !known.isEmpty, usedIDs.insert(known).inserted { return known }
        var base = name.slug
        if base.isEmpty { base = "code" }
        var candidate = base
        if usedIDs.contains(candidate), let parentID { candidate = "\(parentID)-\(base)" }
        var number = 2
        let stem = candidate
        while usedIDs.contains(candidate) {
            candidate = "\(stem)-\(number)"
            number += 1
        }
        usedIDs.insert(candidate)
        return candidate
    }

    /// `a.b.c` becomes `a` › `b` › `c`; codes that share a first part share its node, made (not codable)
    /// when no code has that name.
    static func splitDotted(_ codes: [REFIProject.Code]) -> [REFIProject.Code] {
        var result: [REFIProject.Code] = []
        for code in codes {
            var code = code
            code.children = splitDotted(code.children)
            let parts = code.name.split(separator: ".", omittingEmptySubsequences: true).map { String($0).trimmingSpaces }
            guard parts.count > 1, parts.allSatisfy({ !$0.isEmpty }) else {
                insert(code, into: &result)
                continue
            }
            code.name = parts.last!
            var node = code
            for part in parts.dropLast().reversed() {
                node = REFIProject.Code(guid: "", name: part, isCodable: false, color: nil, description: nil, children: [node])
            }
            insert(node, into: &result)
        }
        return result
    }

    /// Adds a code to siblings, merging it into a sibling of the same name that was made for a dotted name.
    private static func insert(_ code: REFIProject.Code, into siblings: inout [REFIProject.Code]) {
        if let index = siblings.firstIndex(where: { $0.name == code.name && ($0.guid.isEmpty || code.guid.isEmpty) }) {
            var merged = siblings[index]
            if merged.guid.isEmpty {
                merged.guid = code.guid
                merged.isCodable = code.isCodable
                merged.color = code.color
                merged.description = code.description
            }
            for child in code.children { insert(child, into: &merged.children) }
            siblings[index] = merged
        } else {
            siblings.append(code)
        }
    }

    /// The codebook's Markdown.
    func markdown(title: String, introduction: String?) -> String {
        var lines: [String] = ["# \(Self.oneLine(title).isEmpty ? "Codeboek" : Self.oneLine(title))"]
        if let introduction {
            var (attributes, description) = Self.split(introduction)
            // Under the title only `deelvraag N: question` lines are attributes; other text stays text.
            let isQuestion = { (line: String) in
                let words = Attribute(line)?.key.split(separator: " ") ?? []
                return words.count == 2 && words[0] == "deelvraag" && Int(words[1]) != nil
            }
            if !attributes.allSatisfy(isQuestion) {
                description = TextDecoder.normalise(introduction).trimmingCharacters(in: .newlines)
                attributes = []
            }
            lines += attributes
            if !description.isEmpty {
                lines.append("")
                lines += Self.descriptionLines(description)
            }
        }
        for entry in entries {
            lines.append("")
            let label = Self.oneLine(entry.label)
            lines.append(String(repeating: "#", count: entry.level) + " " + (label.isEmpty ? entry.id : label) + " {#\(entry.id)}")
            let (attributes, description) = Self.split(entry.description ?? "")
            if let color = entry.color, !color.isEmpty, !attributes.contains(where: { Attribute($0)?.key == "kleur" }) {
                lines.append("kleur: \(Self.oneLine(color))")
            }
            // An `id:` line became the heading's `{#id}`.
            lines += attributes.filter { Attribute($0)?.key != "id" }
            if !description.isEmpty {
                lines.append("")
                lines += Self.descriptionLines(description)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A `Description` as `export` writes it: its first lines, up to the first empty line, are attribute lines
    /// when every one of them is a `key: value` line; the rest is the description. Any other text is all description.
    static func split(_ text: String) -> (attributes: [String], description: String) {
        let normalised = TextDecoder.normalise(text).trimmingCharacters(in: .newlines)
        guard !normalised.trimmingSpaces.isEmpty else { return ([], "") }
        let lines = normalised.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = lines.prefix { !$0.trimmingSpaces.isEmpty }
        guard head.allSatisfy({ Attribute($0) != nil && !$0.hasPrefix("#") }) else { return ([], normalised) }
        let rest = lines.dropFirst(head.count).joined(separator: "\n").trimmingCharacters(in: .newlines)
        return (head.map { $0.trimmingSpaces }, rest)
    }

    /// Description lines as the codebook keeps them: a `\` before a line that would otherwise be read as a
    /// heading, as an attribute right under the heading (the first line), or as a known attribute (anywhere).
    static func descriptionLines(_ text: String) -> [String] {
        var lines: [String] = []
        var first = true
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            var written = line
            if !inFence {
                if line.hasPrefix("#") {
                    written = "\\" + line
                } else if let attribute = Attribute(line), first || CodebookParser.knownAttributeKeys.contains(attribute.key) {
                    written = "\\" + line
                }
            }
            if !line.trimmingSpaces.isEmpty { first = false }
            lines.append(written)
        }
        return lines
    }

    /// Text on one line, as a heading or attribute needs it.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline }).joined(separator: " ").trimmingSpaces
    }
}
