import Foundation

/// The ZIP container of a .docx or .odt, giving its XML parts as safe element trees
/// and turning archive and XML failures into ``DocumentReaderError``.
struct DocumentPackage {
    let archive: ZipArchive
    let format: String

    init(data: Data, limits: ArchiveLimits, format: String) throws(DocumentReaderError) {
        // Word saves a document with a password as an OLE compound file, not as a ZIP archive.
        if let compound = CompoundFile(data) {
            throw compound.holdsEncryptedPackage ? .passwordProtected(format: format) : .compoundFile(format: format)
        }
        do {
            archive = try ZipArchive(data: data, limits: limits)
        } catch {
            throw .archive(error)
        }
        self.format = format
    }

    /// Whether the archive has this part.
    func contains(_ part: String) -> Bool {
        archive.contains(part)
    }

    /// The parsed root element of a part that must be present.
    func xml(_ part: String) throws(DocumentReaderError) -> SafeXML.Element {
        guard archive.contains(part) else { throw .missingPart(part: part, format: format) }
        let data: Data
        do {
            data = try archive.data(for: part)
        } catch {
            throw .archive(error)
        }
        do {
            return try SafeXML.parse(data)
        } catch {
            throw .xml(part: part, error)
        }
    }

    /// Resolves a relationship target against the folder of the part that refers to it,
    /// returning nil for targets that climb out of the package or point elsewhere.
    static func resolve(target: String, relativeTo part: String) -> String? {
        if target.contains("://") { return nil }
        var components: [Substring]
        if target.hasPrefix("/") {
            components = []
        } else {
            components = part.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        }
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(component)
            }
        }
        return components.isEmpty ? nil : components.joined(separator: "/")
    }
}
