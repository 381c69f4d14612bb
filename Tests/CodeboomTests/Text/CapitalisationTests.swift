import Testing

@testable import Codeboom

@Suite struct CapitalisationTests {
    @Test("the first letter becomes a capital, as Dutch writes it", arguments: [
        ("vrijwilligers", "Vrijwilligers"),
        ("één van de zes", "Eén van de zes"),
        ("ijverige vrijwilligers", "IJverige vrijwilligers"),
        ("élan", "Élan"),
        ("WIFA", "WIFA"),
        ("", ""),
        ("4 van 6", "4 van 6"),
    ])
    func capitalised(text: String, expected: String) {
        #expect(text.capitalisingFirstLetter == expected)
    }

    @Test("quantifier phrases capitalise through the same rule")
    func sameRuleEverywhere() {
        #expect(Quantifier.phrase(count: 1, of: 6, singular: "vrijwilliger", plural: "vrijwilligers").hasPrefix("Eén "))
    }
}
