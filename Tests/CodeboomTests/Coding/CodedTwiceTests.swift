import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct CodedTwiceTests {
    @Test("a segment coded again with the same code by the same coder is reported at every later row, in any order of documents")
    func repeatsAcrossDocumentsAndRanges() throws {
        // a: "R: een #alpha" 0–13, "R: twee" 14–21, "R: drie" 22–29. Offsets 4–17 cover a §1 and §2.
        let codings = """
        document,segment,code,start,end
        a,1,alpha,,
        b,1,alpha,,
        a,1,alpha,,
        a,1,beta,,
        a,,alpha,4,17
        a,2,alpha,,
        b,1,alpha,,
        a,3,alpha,,

        """
        let project = try TemporaryProject([
            "Corpus/a.txt": "R: een #alpha\nR: twee\nR: drie\n",
            "Corpus/b.txt": "R: ja\n",
            "Corpus/codings/TS.csv": codings,
            // Another coder's codings of the same segments are no repeats.
            "Corpus/codings/AB.csv": "document,segment,code\na,1,alpha\na,2,alpha\n",
        ])
        defer { project.remove() }
        let load = try loadProject(project.path)
        // By hand: line 4 repeats line 2; line 6 covers a §1 (line 2) and a §2 (new); line 7 repeats
        // line 6's §2; line 8 repeats line 3. The inline tag (coder inline) repeats nothing.
        #expect(load.warnings.filter { $0.message.contains("twice") }.map { "\($0.location): \($0.message)" } == [
            "Corpus/codings/TS.csv:4:1: a §1 is coded \"alpha\" twice by TS; it counts once",
            "Corpus/codings/TS.csv:6:1: a §1 is coded \"alpha\" twice by TS; it counts once",
            "Corpus/codings/TS.csv:7:1: a §2 is coded \"alpha\" twice by TS; it counts once",
            "Corpus/codings/TS.csv:8:1: b §1 is coded \"alpha\" twice by TS; it counts once",
        ])
        // Each segment counts once: a §1, §2, §3 and b §1.
        #expect(FrequencyTable(project: load.project, coder: "TS").row(code: "alpha", perspective: nil)?.segments == 4)
    }
}
