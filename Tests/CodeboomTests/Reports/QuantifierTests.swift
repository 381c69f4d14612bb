import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct QuantifierTests {
    @Test("the scale is monotone in n, never overstates, and names all and none exactly, for every n ≤ N ≤ 20")
    func scale() {
        for total in 1...20 {
            var previous = Quantifier.none
            for count in 0...total {
                let quantifier = Quantifier(count: count, of: total)
                #expect(quantifier >= previous, "not monotone at \(count) of \(total)")
                previous = quantifier
                #expect((quantifier == .all) == (count == total), "\(count) of \(total)")
                #expect((quantifier == .none) == (count == 0), "\(count) of \(total)")
                if quantifier == .most { #expect(2 * count > total && count < total) }
                if quantifier == .half { #expect(2 * count == total) }
                if quantifier == .some { #expect(count >= 2 && 2 * count < total) }
                if quantifier == .one { #expect(count == 1 && total > 1) }
            }
        }
    }

    @Test("phrases read as a Dutch report writes them", arguments: [
        (4, 6, "De meeste vrijwilligers (4 van 6)"), (3, 6, "De helft van de vrijwilligers (3 van 6)"),
        (2, 6, "Enkele vrijwilligers (2 van 6)"), (1, 6, "Eén van de vrijwilligers (1 van 6)"),
        (0, 6, "Geen van de vrijwilligers (0 van 6)"), (6, 6, "Alle vrijwilligers (6 van 6)"),
        (2, 2, "Beide vrijwilligers (2 van 2)"), (1, 1, "De enige vrijwilliger (1 van 1)"), (1, 2, "Eén van de vrijwilligers (1 van 2)"),
        (0, 1, "Geen vrijwilliger (0 van 1)"),
    ])
    func phrases(count: Int, total: Int, expected: String) {
        #expect(Quantifier.phrase(count: count, of: total, singular: "vrijwilliger", plural: "vrijwilligers") == expected)
    }

    @Test("the verb is singular after één, geen and de enige")
    func verbs() {
        #expect(Quantifier(count: 1, of: 5).takesSingularVerb(total: 5))
        #expect(Quantifier(count: 0, of: 5).takesSingularVerb(total: 5))
        #expect(Quantifier(count: 1, of: 1).takesSingularVerb(total: 1))
        #expect(!Quantifier(count: 3, of: 5).takesSingularVerb(total: 5))
    }

    @Test("perspective plurals", arguments: [("cliënt", "cliënten"), ("client", "cliënten"), ("vrijwilliger", "vrijwilligers"),
                                             ("professional", "professionals"), ("coördinator", "coördinatoren"), ("jongere", "jongeren"),
                                             ("docent", "docenten")])
    func plurals(singular: String, plural: String) {
        #expect(PerspectiveNoun.plural(of: singular) == plural)
    }
}
