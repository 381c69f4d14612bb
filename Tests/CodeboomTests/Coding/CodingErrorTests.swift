import Testing

@testable import Codeboom

@Suite struct CodingErrorTests {
    static let file = "Corpus/codings/tessa.csv"

    static func at(_ line: Int) -> Codeboom.SourceLocation {
        Codeboom.SourceLocation(file: file, line: line, column: 1)
    }

    private let documents = ["d": DocumentParser.parse("R: een\n\nR: twee\n", file: "Corpus/d.md", defaultID: "d").document]

    @Test("every sidecar row that cannot be placed is its own value at its row")
    func sidecarRows() {
        let text = """
            document,segment,code,start,end
            ,1,a,,
            x,1,a,,
            d,1,,,
            d,,a,1,z
            d,,a,0,99
            d,3,a,,
            d,,a,,
            d,1,a,,

            """
        let parsed = SidecarCodings.parse(text, file: Self.file, coder: "tessa", documents: { documents[$0]?.outline })
        // Hand count: "R: een\n\nR: twee\n" is 16 scalars, two segments.
        #expect(parsed.diagnostics == [
            Diagnostic(CodingError.rowWithoutDocument(Self.at(2))),
            Diagnostic(CodingError.unknownDocument(Self.at(3), document: "x")),
            Diagnostic(CodingError.rowWithoutCode(Self.at(4))),
            Diagnostic(CodingError.offsetsNotWholeNumbers(Self.at(5))),
            Diagnostic(CodingError.offsetsOutsideDocument(Self.at(6), start: 0, end: 99, document: "d", scalarCount: 16)),
            Diagnostic(CodingError.segmentNotInDocument(Self.at(7), segment: "3", document: "d", segmentCount: 2)),
            Diagnostic(CodingError.rowWithoutSegmentOrOffsets(Self.at(8))),
        ])
        #expect(parsed.codings.count == 1)
    }

    @Test("a sidecar header without the columns it needs is one value per missing column")
    func sidecarHeader() {
        let parsed = SidecarCodings.parse("doc,code\n", file: Self.file, coder: "tessa", documents: { documents[$0]?.outline })
        #expect(parsed.diagnostics == [
            Diagnostic(CodingError.missingColumn(Self.at(1), column: "document")),
            Diagnostic(CodingError.noSegmentOrOffsetColumns(Self.at(1))),
        ])
    }

    @Test("the unknown-code advice offers the near code first, and the messages read as before")
    func unknownCodeText() {
        let location = Self.at(2)
        #expect(CodingError.unknownCode(location, codeID: "agendadrk", suggestion: "agendadruk", codebookFile: "Codebooks/c.md").description
                == "Corpus/codings/tessa.csv:2:1: error: unknown code \"agendadrk\" — did you mean \"agendadruk\"? use a code id from Codebooks/c.md, or add the code there")
        #expect(CodingError.tagReadAsText(location, written: "Zorg", codeID: "zorg", count: 3, codebookFile: "c.md").message
                == "`#Zorg` is not a code; read as text (3 times in this document)")
        #expect(CodingError.tagReadAsText(location, written: "Zorg", codeID: "zorg", count: 1, codebookFile: "c.md").severity == .warning)
    }
}
