/// The code tree as REFI-QDA writes it: a codebook file (`.qdc`) of its own, or the `CodeBook` of a project.
///
/// Every code of the codebook, in codebook order and nested as in the tree, with its label as `name`, a
/// GUID from its id (``REFIGUID/code(_:)``), its attributes and description as the `Description`
/// (``REFICodeDescription``) and a `kleur:` colour as `color`. A category (`##`) is `isCodable="false"`
/// unless a coding applies it directly; every code below a category is codable.
public enum REFICodebookExport {
    /// The namespace of a REFI-QDA codebook file.
    public static let namespace = "urn:QDA-XML:codebook:1.0"

    /// The `.qdc` file: `CodeBook` with its `Codes`; nil when the codebook has no code (the schema needs one).
    ///
    /// - Parameters:
    ///   - codedIDs: the ids some coding applies directly, which makes a category codable.
    ///   - origin: what the `origin` attribute names as the writer, such as `Codeboom 0.1.0`.
    public static func codebookFile(_ codebook: Codebook, codedIDs: Set<String>, origin: String) -> String? {
        guard !codebook.codes.isEmpty else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<CodeBook xmlns=\"\(namespace)\" origin=\"\(REFIXMLText.attribute(origin))\">\n"
        appendCodes(of: codebook, codedIDs: codedIDs, indent: 1, to: &xml)
        xml += "</CodeBook>\n"
        return xml
    }

    /// Appends `<Codes>…</Codes>` at `indent` levels of two spaces (nothing when there is no code).
    static func appendCodes(of codebook: Codebook, codedIDs: Set<String>, indent: Int, to xml: inout String) {
        guard !codebook.codes.isEmpty else { return }
        let pad = String(repeating: "  ", count: indent)
        xml += pad + "<Codes>\n"
        for root in codebook.codes where root.parentID == nil {
            appendCode(root, of: codebook, codedIDs: codedIDs, indent: indent + 1, to: &xml)
        }
        xml += pad + "</Codes>\n"
    }

    private static func appendCode(_ code: Code, of codebook: Codebook, codedIDs: Set<String>, indent: Int, to xml: inout String) {
        let pad = String(repeating: "  ", count: indent)
        let codable = !code.isCategory || codedIDs.contains(code.id)
        xml += pad + "<Code guid=\"\(REFIGUID.code(code.id))\" name=\"\(REFIXMLText.attribute(code.label))\" isCodable=\"\(codable)\""
        if let color = REFICodeDescription.color(of: code) { xml += " color=\"\(color)\"" }
        let description = REFICodeDescription.text(of: code)
        let children = code.childIDs.compactMap { codebook.code(id: $0) }
        if description == nil && children.isEmpty {
            xml += "/>\n"
            return
        }
        xml += ">\n"
        if let description { xml += pad + "  <Description>" + REFIXMLText.content(description) + "</Description>\n" }
        for child in children { appendCode(child, of: codebook, codedIDs: codedIDs, indent: indent + 1, to: &xml) }
        xml += pad + "</Code>\n"
    }
}
