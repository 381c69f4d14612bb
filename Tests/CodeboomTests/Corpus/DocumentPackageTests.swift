import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct DocumentPackageTests {
    @Test(
        "relationship targets resolve against the referring part and never climb out",
        arguments: [
            ("word/document.xml", "[Content_Types].xml", "word/document.xml"),
            ("/word/document.xml", "[Content_Types].xml", "word/document.xml"),
            ("comments.xml", "word/document.xml", "word/comments.xml"),
            ("./comments.xml", "word/document.xml", "word/comments.xml"),
            ("../customXml/item1.xml", "word/document.xml", "customXml/item1.xml"),
            ("../../evil.xml", "word/document.xml", nil),
            ("https://example.org/x.xml", "word/document.xml", nil),
        ] as [(String, String, String?)])
    func resolve(target: String, part: String, expected: String?) {
        #expect(DocumentPackage.resolve(target: target, relativeTo: part) == expected)
    }
}
