import Testing
@testable import Codeboom

/// The one "did you mean" rule: folded forms within two edits, at most half the written length.
@Suite struct NameSuggesterTests {
    @Test("suggests the nearest name within the rule's distance, folded, or nothing", arguments: [
        // (written, names, expected), distances counted by hand.
        ("ts", ["TS", "inline"], "TS"),                                 // case only: 0
        ("vrijwiliger", ["cliënt", "vrijwilliger"], "vrijwilliger"),     // one l missing: 1
        ("profesional", ["professional", "vrijwilliger"], "professional"), // one s missing: 1
        ("clint", ["cliënt", "professional"], "cliënt"),                 // ë folds to e, then one missing: 1
        ("perpectief", ["perspectief", "respondent", "type"], "perspectief"), // s missing: 1
        ("interview-5", ["interview-05", "interview-50"], "interview-05"), // tie at 1: the earlier
        ("XYZ", ["TS", "inline"], nil),                                  // 3 letters: at most 1 edit, and TS is 2+ away
        ("ab", ["abc"], "abc"),                                          // 2 letters: 1 edit allowed
        ("a", ["b"], nil),                                               // 1 letter: no edit allowed
        ("klik", ["agendadruk", "korte-lijnen"], nil),                   // nothing alike
    ] as [(String, [String], String?)])
    func suggestion(written: String, names: [String], expected: String?) {
        #expect(NameSuggester.suggestion(for: written, among: names) == expected)
    }

    @Test("an exact name is its own suggestion; an empty list suggests nothing")
    func exactAndEmpty() {
        #expect(NameSuggester.suggestion(for: "inline", among: ["TS", "inline"]) == "inline")
        #expect(NameSuggester.suggestion(for: "inline", among: []) == nil)
    }
}
