import Foundation

/// A random but valid study for property tests of the analyses: a codebook of two categories with
/// codes and a sub-code, interviews (one respondent without a perspective), a focusgroep with mapped
/// and unmapped speakers, a notes document without respondents, coded interviewer turns, and
/// `organisatie` both in front matter and as a `respondenten.csv` column.
enum GeneratedStudy {
    static let codebook = """
    # Gegenereerd

    ## Categorie A {#cat-a}
    deelvraag: 1

    ### A een {#a1}

    #### A een x {#a1x}

    ### A twee {#a2}

    ## Categorie B {#cat-b}
    deelvraag: 2

    ### B een {#b1}

    ### B twee {#b2}

    """
    static let tags = ["a1", "a1x", "a2", "b1", "b2", "cat-a"]
    static let organisations = ["Org Noord", "Org Zuid", "Op Orde"]

    /// Files of a study drawn from `generator`.
    static func files(_ generator: inout SplitMix64) -> [String: String] {
        var files: [String: String] = ["Codebooks/codeboom.md": codebook]
        func tags() -> String {
            GeneratedStudy.tags.filter { _ in generator.next() % 4 == 0 }.map { " #\($0)" }.joined()
        }
        // R0…R5 with perspective p(id % 3); R5 has none.
        func perspectiveLine(_ respondent: Int) -> String { respondent == 5 ? "" : "perspectief: p\(respondent % 3)\n" }
        for index in 0..<9 {
            let respondent = Int(generator.next() % 6)
            let organisation = organisations[Int(generator.next() % 3)]
            var text = "---\ntype: interview\n\(perspectiveLine(respondent))respondent: R\(respondent)\norganisatie: \(organisation)\n---\n"
            for turn in 0..<Int(3 + generator.next() % 6) {
                text += turn % 2 == 0 ? "I: vraag\(generator.next() % 5 == 0 ? tags() : "")\n\n" : "R: antwoord\(tags())\n\n"
            }
            files["Corpus/interview-\(index).txt"] = text
        }
        var focus = "---\ntype: focusgroep\nperspectief: p1\norganisatie: \(organisations[Int(generator.next() % 3)])\n---\n"
        for turn in 0..<12 {
            let speaker = ["Gespreksleider", "Anna", "Piet", "Kees"][turn % 4]
            focus += "\(speaker): iets\(tags())\n\n"
        }
        files["Corpus/focusgroep.txt"] = focus
        files["Corpus/respondenten.csv"] = "respondent,perspectief,document,spreker,organisatie\nR1,p1,focusgroep,Anna,Org Noord\nR2,p2,focusgroep,Piet,\n"
        var notes = "---\ntype: notities\nperspectief: p0\norganisatie: Org Zuid\n---\n"
        for _ in 0..<4 { notes += "Een alinea\(tags()).\n\n" }
        files["Corpus/notities.md"] = notes
        return files
    }
}
