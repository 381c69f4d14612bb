import Foundation
import Testing

@testable import CodeboomTestSupport

/// Validation with `xmllint --noout --schema` (Debian `libxml2-utils`) against the standard's schemas.
enum REFISchemaValidation {
    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint ?? "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet", "--schema", schema.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
