import Foundation

/// Access to the committed fixture files.
enum Fixtures {
    static func data(_ name: String) throws -> Data {
        let url = TestPaths.fixtures.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw FixtureMissing(name: name) }
        return try Data(contentsOf: url)
    }

    struct FixtureMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "fixture \(name) is missing from Tests/CodeboomTests/Fixtures" }
    }
}

extension String {
    /// The substring between two Unicode-scalar offsets, as annotations and cue times count them.
    func scalars(_ range: Range<Int>) -> String {
        let scalars = Array(unicodeScalars)
        guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return "<out of range \(range)>" }
        return String(String.UnicodeScalarView(scalars[range]))
    }
}
