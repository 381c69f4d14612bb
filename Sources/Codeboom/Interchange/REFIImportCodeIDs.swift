/// The ids of the codes of a project that Codeboom exported: the code's GUID is made from its id
/// (``REFIGUID/code(_:)``), and the id is found again among the names it could have — an `id:` line at the
/// start of the code's `Description`, the slug of its name, the inline tags that name selections
/// (`#juiste-match`, `#succesfactoren/korte-lijnen`). A code of another tool matches none and keeps its slug.
enum REFIImportCodeIDs {
    /// The id of every code whose GUID one of its candidate ids makes, by GUID.
    static func recover(_ project: REFIProject) -> [String: String] {
        recover(codes: project.codes, tagNames: tagNames(of: project.sources))
    }

    /// The names of the sources' selections that are inline tags (`#…`), each once.
    static func tagNames(of sources: [REFIProject.Source]) -> Set<String> {
        var names: Set<String> = []
        for source in sources {
            for selection in source.selections {
                if let name = selection.name, name.hasPrefix("#") { names.insert(name) }
            }
        }
        return names
    }

    /// The id of every code whose GUID one of its candidate ids makes, by GUID, with the selection names that are
    /// inline tags (`#juiste-match`, `#succesfactoren/korte-lijnen`).
    static func recover(codes: [REFIProject.Code], tagNames: Set<String>) -> [String: String] {
        var tags: Set<String> = []
        for name in tagNames {
            for part in name.dropFirst().split(separator: "/") { tags.insert(String(part)) }
        }
        // A tag matches its code without case and diacritics; the GUID is made from the id as written.
        var tagsByFold: [String: [String]] = [:]
        for tag in tags { tagsByFold[tag.folded, default: []].append(tag) }
        var result: [String: String] = [:]
        func visit(_ code: REFIProject.Code) {
            var candidates: [String] = []
            if let given = idLine(code.description) { candidates.append(given) }
            candidates.append(code.name.slug)
            // Ids are often a part of the label's slug: `spanningen` for "Spanningen en dilemma's".
            let words = code.name.slug.split(separator: "-")
            if words.count <= 12 {
                for start in words.indices {
                    for end in start + 1...words.count where end - start < words.count {
                        candidates.append(words[start..<end].joined(separator: "-"))
                    }
                }
            }
            candidates += tagsByFold[code.name.slug.folded] ?? []
            if let found = candidates.first(where: { REFIGUID.code($0) == code.guid }) {
                result[code.guid] = found
            } else if let found = tags.first(where: { REFIGUID.code($0) == code.guid }) {
                result[code.guid] = found
            } else if let given = idLine(code.description) {
                result[code.guid] = given
            }
            code.children.forEach(visit)
        }
        codes.forEach(visit)
        return result
    }

    /// The value of an `id:` line among the attribute lines a `Description` starts with.
    static func idLine(_ description: String?) -> String? {
        guard let description else { return nil }
        let (attributes, _) = REFIImportCodebook.split(description)
        return attributes.compactMap(Attribute.init).first { $0.key == "id" }.map(\.value).flatMap { $0.isEmpty ? nil : $0 }
    }
}
