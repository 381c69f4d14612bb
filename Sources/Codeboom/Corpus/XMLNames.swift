/// Qualified element and attribute names for one XML vocabulary, using the prefix the
/// document itself binds to the vocabulary's namespace (`w:` in practice, but not by rule).
struct XMLNames: Sendable {
    let prefix: String

    /// Finds the prefix the root element binds to any of `namespaces`, else uses `fallback`.
    init(root: SafeXML.Element, namespaces: [String], fallback: String) {
        var found: String?
        for (attribute, value) in root.attributes where namespaces.contains(value) {
            if attribute == "xmlns" {
                found = ""
            } else if attribute.hasPrefix("xmlns:") {
                found = String(attribute.dropFirst(6))
            }
            if found != nil { break }
        }
        prefix = found ?? fallback
    }

    /// The qualified form of `local`, such as `w:p`.
    func callAsFunction(_ local: String) -> String {
        prefix.isEmpty ? local : prefix + ":" + local
    }

    /// Whether `name` belongs to this vocabulary.
    func contains(_ name: String) -> Bool {
        prefix.isEmpty ? !name.contains(":") : name.hasPrefix(prefix + ":")
    }

    /// The local part of `name` when it belongs to this vocabulary.
    func local(_ name: String) -> Substring? {
        guard contains(name) else { return nil }
        return prefix.isEmpty ? Substring(name) : name.dropFirst(prefix.count + 1)
    }
}
