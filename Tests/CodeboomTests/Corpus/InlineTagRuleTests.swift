import Testing

@testable import Codeboom

@Suite struct InlineTagRuleTests {
    static let words = ["#agendadruk", "#Zorg/eenzaamheid", "#één", "#1", "#2e", "#-x", "#_x", "#", "##kop", "#!", "a#b", "#Ærø", "#μ"]

    @Test("a word is a tag for comments and search context exactly when a transcript line reads it as one", arguments: words)
    func oneRule(word: String) {
        var line = "R: zo " + word + " toch"
        let scanned = line.withUTF8 { InlineTag.scan(bytes: $0, lineNumber: 1, lineOffset: 0, lineByteOffset: 0) }
        #expect(InlineTag.isWrittenAsTag(word[...]) == !scanned.isEmpty)
    }

    @Test("hand-listed: # and a letter or digit is a tag; # and anything else is not")
    func handListed() {
        let tags = Self.words.filter { InlineTag.isWrittenAsTag($0[...]) }
        #expect(tags == ["#agendadruk", "#Zorg/eenzaamheid", "#één", "#1", "#2e", "#Ærø", "#μ"])
        #expect(Self.words.filter { InlineTag.isNumberTag($0[...]) } == ["#1", "#2e"])
    }

    @Test("search context leaves out tags but keeps number words, as quotes do")
    func searchContext() {
        #expect(KeywordSearch.withoutTags("ja #agendadruk vraag #1 en #één zo") == "ja vraag #1 en zo")
    }
}
