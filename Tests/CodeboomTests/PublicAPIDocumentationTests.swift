import Foundation
import Testing
@testable import CodeboomTestSupport

/// Every public declaration of the libraries has a `///` summary: the rule of
/// `Scripts/undocumented-public-api.py`, run on the sources in `swift test` so it stays that way.
@Suite struct PublicAPIDocumentationTests {
    /// `public` or `open`, past attributes and modifiers, then what is declared.
    static let declaration = try! NSRegularExpression(pattern: #"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public|open)\s+(?:(?:static|final|class|override|mutating|nonmutating|convenience|required|indirect|lazy|private\(set\)|fileprivate\(set\)|internal\(set\))\s+)*(func|var|let|init|struct|enum|class|protocol|typealias|subscript|actor|case|extension|static|init\?)\b"#)
    static let enumStart = try! NSRegularExpression(pattern: #"^\s*(?:@\w+\s+)*public\s+(?:indirect\s+)?enum\s+\w+"#)
    static let enumCase = try! NSRegularExpression(pattern: #"^\s*(?:indirect\s+)?case\s+\w+"#)
    static let stringLiteral = try! NSRegularExpression(pattern: #""(?:[^"\\]|\\.)*""#)

    /// The public declarations of one file without a summary, as `line: text`.
    static func undocumented(_ text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        func firstMatch(_ expression: NSRegularExpression, _ line: String) -> NSTextCheckingResult? {
            expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
        }
        // Documented: the line above, past attributes, is `///` or closes a `/** … */` block.
        func isDocumented(_ index: Int) -> Bool {
            var above = index - 1
            while above >= 0 && lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("@") { above -= 1 }
            guard above >= 0 else { return false }
            let text = lines[above].trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("///") || text.hasSuffix("*/")
        }
        var found: [String] = []
        // Brace depth, and the depths of public enums' bodies, whose cases are public too.
        var depth = 0
        var publicEnumDepths: [Int] = []
        for (index, line) in lines.enumerated() {
            let withoutComment = line.contains("\"") ? line : String(line.components(separatedBy: "//")[0])
            let code = stringLiteral.stringByReplacingMatches(in: withoutComment, range: NSRange(withoutComment.startIndex..., in: withoutComment),
                                                              withTemplate: "\"\"")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let match = firstMatch(declaration, line), let kind = Range(match.range(at: 1), in: line).map({ line[$0] }) {
                if kind != "extension" && !isDocumented(index) { found.append("\(index + 1): \(trimmed)") }
            } else if let innermost = publicEnumDepths.last, depth == innermost, firstMatch(enumCase, line) != nil, !isDocumented(index) {
                found.append("\(index + 1): \(trimmed)")
            }
            let opens = code.filter { $0 == "{" }.count, closes = code.filter { $0 == "}" }.count
            if firstMatch(enumStart, line) != nil && opens > 0 { publicEnumDepths.append(depth + 1) }
            depth += opens - closes
            while let innermost = publicEnumDepths.last, depth < innermost { publicEnumDepths.removeLast() }
        }
        return found
    }

    @Test("the rule finds an undocumented declaration, an undocumented case of a public enum, and passes documented ones")
    func rule() {
        let text = """
            /// Documented.
            public struct A {
                public var x: Int
                /// Documented.
                @inlinable public func f() {}
            }
            /// Documented.
            public enum E {
                case one
                /// Documented.
                case two
            }
            extension A {
                public init() { x = 0 }
            }
            """
        #expect(Self.undocumented(text) == ["3: public var x: Int", "9: case one", "14: public init() { x = 0 }"])
    }

    @Test("every public declaration of Codeboom and CodeboomCLI has a /// summary")
    func everyPublicDeclaration() throws {
        var found: [String] = []
        for folder in ["Sources/Codeboom", "Sources/CodeboomCLI"] {
            let root = TestPaths.packageRoot.appendingPathComponent(folder)
            let paths = try #require(FileManager.default.subpaths(atPath: root.path)).filter { $0.hasSuffix(".swift") }.sorted()
            #expect(!paths.isEmpty)
            for path in paths {
                let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
                found += Self.undocumented(text).map { "\(folder)/\(path):\($0)" }
            }
        }
        #expect(found == [])
    }
}
