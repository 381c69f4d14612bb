import Foundation
import Testing

@testable import CodeboomTestSupport

/// Validation with `xmllint --noout --schema` (Debian `libxml2-utils`) against the standard's schemas.
enum REFISchemaValidation {
    static let xmllint = ExternalProgram.find("xmllint")
    /// Why schema tests cannot run here, shown as the skip reason.
    static let unavailable: Comment = "xmllint is not installed (Debian: apt-get install libxml2-utils), so the REFI-QDA schema validation is skipped"
    static var isAvailable: Bool { xmllint != nil }

    static let codebookSchema = TestPaths.fixtures.appendingPathComponent("refi-qda/Codebook.xsd")
    static let projectSchema = TestPaths.fixtures.appendingPathComponent("refi-qda/Project.xsd")

    /// xmllint's status and messages for `xml` against `schema`.
    static func validate(_ xml: String, schema: URL) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-refi-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ExternalProgram.run(xmllint ?? "/usr/bin/xmllint", ["--noout", "--nonet", "--schema", schema.path, file.path])
    }
}
