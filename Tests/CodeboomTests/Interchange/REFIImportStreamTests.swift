import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

/// A `.qdpx` is imported as its `project.qde` is inflated, a batch of sources at a time (``REFIImportStream``,
/// ``REFIImportBuilder``); the same file imported as one tree (a bare project file, read whole) must give the
/// same files and the same messages in the same order.
@Suite struct REFIImportStreamTests {
    /// A project of `count` text sources with their texts inside, codings by two users, memos, cases with a
    /// perspective naming selections, inline-tag selections, and the traps of a real project: a selection and a
    /// note whose GUIDs repeat, a reference to a missing note, a selection outside its text, and an `id` value
    /// that a later document's name takes (so the first guess of the ids is wrong and the sources go again).
    static func projectFile(sources count: Int) -> String {
        func guid(_ kind: Int, _ number: Int) -> String {
            String(format: "%08x-0000-4000-8000-%012x", kind, number)
        }
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="Stroom" origin="test">
          <Users><User guid="\(guid(1, 1))" name="Anna"/><User guid="\(guid(1, 2))" name="Bram"/></Users>
          <CodeBook><Codes>
            <Code guid="\(guid(2, 1))" name="Thema" isCodable="false">
              <Code guid="\(guid(2, 2))" name="Werkdruk" isCodable="true"/>
              <Code guid="\(guid(2, 3))" name="Steun van collega's" isCodable="true"><Description>Wie helpt wie.</Description></Code>
            </Code>
          </Codes></CodeBook>
          <Variables>
            <Variable guid="\(guid(3, 1))" name="perspectief" typeOfVariable="Text"/>
            <Variable guid="\(guid(3, 2))" name="id" typeOfVariable="Text"/>
          </Variables>
          <Cases>

        """
        for number in 0..<count {
            xml += """
                <Case guid="\(guid(4, number))" name="R\(number)">
                  <VariableValue><VariableRef targetGUID="\(guid(3, 1))"/><TextValue>\(number % 3 == 0 ? "cliënt" : "professional")</TextValue></VariableValue>
                  <SelectionRef targetGUID="\(guid(5, number * 10))"/><SelectionRef targetGUID="\(guid(5, number * 10 + 1))"/>
                </Case>

            """
        }
        xml += "  </Cases>\n  <Sources>\n"
        for number in 0..<count {
            let text = "I: Hoe gaat het met het werk, deel \(number)?\n\nR\(number): Druk 😅, maar de collega's helpen — café́ na afloop.\n\nI: Dank je.\n"
            let answer = text.unicodeScalars.count - 27
            let id = number == 3 ? "interview-\(count - 1)" : (number == 5 ? "eigen-id-5" : nil)
            xml += """
                <TextSource guid="\(guid(6, number))" name="interview-\(number)">
                  <PlainTextContent>\(text.replacingOccurrences(of: "&", with: "&amp;"))</PlainTextContent>
                  <PlainTextSelection guid="\(guid(5, number * 10))" startPosition="46" endPosition="60" creatingUser="\(guid(1, 1))">
                    <Coding guid="\(guid(7, number * 10))"><CodeRef targetGUID="\(guid(2, 2))"/></Coding>
                    <NoteRef targetGUID="\(guid(8, number))"/>
                  </PlainTextSelection>
                  <PlainTextSelection guid="\(guid(5, number * 10 + 1))" name="#steun-van-collegas" startPosition="\(answer)" endPosition="\(answer + 10)" creatingUser="\(guid(1, 2))">
                    <Coding guid="\(guid(7, number * 10 + 1))"><CodeRef targetGUID="\(guid(2, 3))"/></Coding>
                  </PlainTextSelection>
                  <PlainTextSelection guid="\(guid(5, number == 7 ? 10 : number * 10 + 2))" startPosition="0" endPosition="\(number == 9 ? 9_999 : 20)" creatingUser="\(guid(1, 2))">
                    <Coding guid="\(guid(7, number * 10 + 2))"><CodeRef targetGUID="\(guid(2, 3))"/></Coding>
                    <NoteRef targetGUID="\(guid(8, number == 11 ? 99_999 : number + 100_000))"/>
                  </PlainTextSelection>
                  \(id.map { "<VariableValue><VariableRef targetGUID=\"\(guid(3, 2))\"/><TextValue>\($0)</TextValue></VariableValue>" } ?? "")
                </TextSource>

            """
        }
        xml += "  </Sources>\n  <Notes>\n"
        for number in 0..<count {
            xml += "    <Note guid=\"\(guid(8, number))\" name=\"memo \(number)\"><PlainTextContent>Let op: \(number) &amp; meer</PlainTextContent></Note>\n"
            xml += "    <Note guid=\"\(guid(8, number + 100_000))\"><PlainTextContent>tweede \(number)</PlainTextContent></Note>\n"
        }
        xml += "    <Note guid=\"\(guid(8, 1))\" name=\"dubbel\"><PlainTextContent>dubbel</PlainTextContent></Note>\n"
        xml += "    <Note guid=\"\(guid(8, 500_000))\" name=\"los\"><PlainTextContent>los</PlainTextContent></Note>\n"
        xml += "  </Notes>\n  <Description>Een project om te stromen.</Description>\n</Project>\n"
        return xml
    }

    /// Every file of a folder by its path in it.
    private func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count))] = try Data(contentsOf: url)
        }
        return result
    }

    @Test("a project of 200 sources (several batches, a project file of many pieces) imported as it is inflated is the project read whole",
          arguments: [false, true])
    func streamedIsWhole(splitDotted: Bool) throws {
        let xml = Data(Self.projectFile(sources: 200).utf8)
        #expect(xml.count > 4 * 65_536)
        let folder = try REFIFixtures.temporaryFolder("stream")
        defer { try? FileManager.default.removeItem(at: folder) }
        var writer = TestZipWriter()
        writer.add(TestZipWriter.Entry(name: "project.qde", data: xml))
        let archive = folder.appendingPathComponent("stroom.qdpx")
        try writer.archive().write(to: archive)
        let options = REFIImport.Options(splitDotted: splitDotted)

        let streamed = folder.appendingPathComponent("streamed")
        let whole = folder.appendingPathComponent("whole")
        for target in [streamed, whole] { try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true) }
        let streamedSummary = try REFIImport.run(file: archive.path, shownPath: "stroom.qdpx", into: streamed, options: options)
        let wholeSummary = try REFIImport.run(data: xml, shownPath: "stroom.qdpx", name: "stroom", into: whole, options: options)

        #expect(streamedSummary == wholeSummary)
        let streamedFiles = try files(in: streamed)
        #expect(streamedFiles == (try files(in: whole)))
        // Counted by hand: 200 documents; Anna codes selection 1 of each, Bram selections 2 and 3 but for the
        // repeated selection (source 7) and the one outside its text (source 9); a row per case (its two
        // selections start in the same turn); the id that source 199's name takes refused (bron-id), the other
        // kept; unlinked: the note of the repeated selection, the note no one refers to (source 11's) and "los".
        #expect(streamedSummary.documents.count == 200)
        #expect(streamedSummary.documents.contains("eigen-id-5"))
        #expect(streamedSummary.documents.filter { $0 == "interview-199" }.count == 1)
        #expect(streamedSummary.codingsByCoder == ["Anna": 200, "Bram": 398])
        #expect(streamedSummary.codingsFromTags == 0)
        #expect(streamedSummary.respondentRows == 200)
        #expect(streamedSummary.warnings.contains { $0.contains("has the GUID of an earlier selection") })
        #expect(streamedSummary.warnings.contains { $0.contains("has the GUID of an earlier note") })
        #expect(streamedSummary.warnings.contains { $0.contains("lies outside its text") })
        #expect(streamedSummary.warnings.contains { $0.contains("which the project does not have") })
        #expect(streamedSummary.warnings.last?.hasPrefix("3 note(s) not linked to a coded selection") == true)
        let interview3 = try #require(streamedFiles["/Corpus/interview-3.txt"])
        #expect(String(decoding: interview3, as: UTF8.self).contains("bron-id: interview-199\n"))
    }

    @Test("a source element that is not XML, late in a streamed project file, fails the import and leaves the folder empty")
    func lateFailureLeavesNothing() throws {
        var xml = Self.projectFile(sources: 150)
        let last = try #require(xml.range(of: "<TextSource ", options: .backwards))
        xml.replaceSubrange(last, with: "<TextSource a=\"1\" a=\"2\" ")
        let folder = try REFIFixtures.temporaryFolder("stream")
        defer { try? FileManager.default.removeItem(at: folder) }
        var writer = TestZipWriter()
        writer.add(TestZipWriter.Entry(name: "project.qde", data: Data(xml.utf8)))
        let archive = folder.appendingPathComponent("stroom.qdpx")
        try writer.archive().write(to: archive)
        let target = folder.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        #expect {
            try REFIImport.run(file: archive.path, shownPath: "stroom.qdpx", into: target)
        } throws: { error in
            guard case REFIImport.Failure.xml(_, let part, _) = error else { return false }
            return part.hasPrefix("project.qde, the source element at byte ")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }
}
