import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct SpeakerLabelTests {
    private static func bold(_ text: String) -> StyledPiece { .text(text, bold: true) }

    private static func flat(_ pieces: [StyledPiece]) -> String {
        pieces.map { if case .text(let text, _) = $0 { text } else { "|" } }.joined()
    }

    @Test(
        "speaker labels shown with bold or a tab become Label: lines; other paragraphs stay as they are",
        arguments: [
            ([bold("I"), .plain(" Hoe gaat het?")], "I: Hoe gaat het?"),
            ([bold("Anouk:"), .plain("   Goed.")], "Anouk: Goed."),
            ([bold("Anouk"), .plain(": Goed.")], "Anouk: Goed."),
            ([bold("Gespreksleider\t"), .plain("Welkom.")], "Gespreksleider: Welkom."),
            ([.plain("R\tJa.")], "R: Ja."),
            ([.plain("Gespreksleider:\t Welkom")], "Gespreksleider: Welkom"),
            ([bold("Ja."), .plain(" Dat klopt.")], "Ja. Dat klopt."),
            ([bold("Inleiding")], "Inleiding"),
            ([bold("Jan"), .plain("zegt het.")], "Janzegt het."),
            ([bold(String(repeating: "x", count: 41)), .plain(" tekst")], String(repeating: "x", count: 41) + " tekst"),
            ([.plain("\tingesprongen")], "\tingesprongen"),
            ([.plain("R: ja\tnee")], "R: ja\tnee"),
            ([.plain("I: gewoon")], "I: gewoon"),
        ] as [([StyledPiece], String)])
    func render(pieces: [StyledPiece], expected: String) {
        #expect(Self.flat(FormattedSpeakerLabel.render(pieces)) == expected)
    }

    @Test("marks keep their place in the words around a rewritten label")
    func marksFollowText() {
        let pieces: [StyledPiece] = [
            .mark(.annotationStart("1")), Self.bold("R"), .plain(":\t Het was "), .mark(.annotationStart("2")),
            .plain("fijn"), .mark(.annotationEnd("2")), .plain("."), .mark(.annotationEnd("1")),
        ]
        #expect(Self.flat(FormattedSpeakerLabel.render(pieces)) == "|R: Het was |fijn|.|")
    }

    @Test("a two-column row with an empty first cell is the text alone")
    func continuationRow() {
        #expect(Self.flat(FormattedSpeakerLabel.renderRow(label: [.plain(" ")], text: [.plain("[lacht]")])) == " [lacht]")
        #expect(Self.flat(FormattedSpeakerLabel.renderRow(label: [.plain("Henk:")], text: [.plain("Ja.")])) == "Henk: Ja.")
    }
}
