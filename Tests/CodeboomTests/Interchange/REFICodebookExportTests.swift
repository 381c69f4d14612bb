import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct REFICodebookExportTests {
    private func exampleCodebook() throws -> (String, Project) {
        let project = try loadProject(TestPaths.packageRoot.path).project
        let coded = Set(project.codings.entries.map { project.codings.codeIDs[Int($0.code)] })
        let xml = try #require(REFICodebookExport.codebookFile(project.codebook, codedIDs: coded, origin: "Codeboom test"))
        return (xml, project)
    }

    @Test("the example study's codebook is written as its golden .qdc")
    func exampleStudyGolden() throws {
        let (xml, _) = try exampleCodebook()
        expectGolden(xml, "export/vitras.qdc")
    }

    @Test("the .qdc validates against the standard's Codebook.xsd", .enabled(if: REFISchemaValidation.isAvailable, REFISchemaValidation.unavailable))
    func validatesAgainstSchema() throws {
        let (xml, _) = try exampleCodebook()
        let result = try REFISchemaValidation.validate(xml, schema: REFISchemaValidation.codebookSchema)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("validates"))
    }

    @Test("every code travels with its attributes and description in a form read back exactly")
    func descriptionsReadBack() throws {
        let (xml, project) = try exampleCodebook()
        let root = try SafeXML.parse(Data(xml.utf8))
        var codes: [SafeXML.Element] = []
        func collect(_ element: SafeXML.Element) {
            for child in element.elements where child.name.hasSuffix("Code") {
                codes.append(child)
                collect(child)
            }
        }
        for codesElement in root.elements where codesElement.name.hasSuffix("Codes") { collect(codesElement) }
        #expect(codes.count == project.codebook.codes.count)
        for (element, code) in zip(codes, project.codebook.codes) {
            #expect(element.attributes["guid"] == REFIGUID.code(code.id))
            #expect(element.attributes["name"] == code.label)
            let text = element.elements.first { $0.name.hasSuffix("Description") }?.text ?? ""
            // The documented rule: attribute lines up to the first empty line, then the description.
            var attributes: [String: String] = [:]
            var description = text
            if let first = text.split(separator: "\n", omittingEmptySubsequences: false).first, first.contains(": ") {
                let parts = text.components(separatedBy: "\n\n")
                for line in parts[0].split(separator: "\n") {
                    let pair = line.split(separator: ":", maxSplits: 1)
                    attributes[String(pair[0])] = String(pair[1].dropFirst())
                }
                description = parts.dropFirst().joined(separator: "\n\n")
            }
            #expect(attributes == code.attributes, "\(code.id)")
            #expect(description == code.description.trimmingCharacters(in: .newlines), "\(code.id)")
        }
    }

    @Test("categories are not codable unless a coding applies them directly; colours travel as color")
    func categoriesAndColours() throws {
        let project = try TemporaryProject([
            "Corpus/a.txt": "---\ntype: interview\nperspectief: cliënt\nrespondent: C1\n---\nI: Vraag?\nR: Antwoord. #thema\n",
        ], codebook: """
        # Test

        ## Thema {#thema}
        kleur: #a0b1c2

        ### Alpha & <co> {#alpha}

        ## Leeg {#leeg}
        deelvraag: 2
        """)
        defer { project.remove() }
        let load = try loadProject(project.path)
        let coded = Set(load.project.codings.entries.map { load.project.codings.codeIDs[Int($0.code)] })
        let xml = try #require(REFICodebookExport.codebookFile(load.project.codebook, codedIDs: coded, origin: "o"))
        #expect(xml == """
        <?xml version="1.0" encoding="utf-8"?>
        <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="o">
          <Codes>
            <Code guid="\(REFIGUID.code("thema"))" name="Thema" isCodable="true" color="#A0B1C2">
              <Code guid="\(REFIGUID.code("alpha"))" name="Alpha &amp; &lt;co&gt;" isCodable="true"/>
            </Code>
            <Code guid="\(REFIGUID.code("leeg"))" name="Leeg" isCodable="false">
              <Description>deelvraag: 2</Description>
            </Code>
          </Codes>
        </CodeBook>

        """)
    }

    @Test("a codebook without codes has no .qdc, as the schema needs a code")
    func emptyCodebook() {
        let codebook = Codebook(title: "Leeg", introduction: "", codes: [], deelvraagQuestions: [:], file: "Codebooks/leeg.md")
        #expect(REFICodebookExport.codebookFile(codebook, codedIDs: [], origin: "o") == nil)
    }
}
