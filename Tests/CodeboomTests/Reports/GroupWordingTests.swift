import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// The Dutch words a report uses for its groups: as always for the perspectives, and for `--by` another variable.
@Suite struct GroupWordingTests {
    @Test("by perspectief (or no --by) every phrase is the one the report always had")
    func perspective() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let wording = GroupWording(grouping: try GroupingVariable("perspectief", in: project))
        #expect(wording == .perspective && GroupWording(grouping: nil) == .perspective)
        #expect([wording.per, wording.ofEach, wording.inThat, wording.inThe, wording.all, wording.listTitle, wording.columnHeader]
                == ["per perspectief", "van elk perspectief", "in dat perspectief", "in het perspectief", "Alle perspectieven", "Perspectieven", "Perspectief"])
        #expect(wording.respondents(of: Perspective("vrijwilliger"), singular: false) == "vrijwilligers")
        #expect(wording.respondents(of: Perspective("cliënt"), singular: true) == "cliënt")
        #expect(WIFAPage.title(wording) == "WIFA-model per perspectief")
    }

    @Test("by type: \"per type\", \"in die groep\", \"de respondenten met type focusgroep\"")
    func type() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let wording = GroupWording(grouping: try GroupingVariable("type", in: project))
        #expect([wording.per, wording.ofEach, wording.inThat, wording.inThe, wording.all, wording.listTitle, wording.columnHeader]
                == ["per type", "per type", "in die groep", "in de groep", "Alle groepen", "Groepen (type)", "Type"])
        #expect(wording.respondents(of: Perspective("focusgroep"), singular: false) == "respondenten met type focusgroep")
        #expect(wording.respondents(of: Perspective("interview"), singular: true) == "respondent met type interview")
        #expect(wording.respondents(of: Perspective("zonder type"), singular: false) == "respondenten zonder type")
        #expect(WIFAPage.title(wording) == "WIFA-model per type")
    }

    @Test("by datum the groups are years: \"per jaar\", \"de respondenten uit 2016\"; other variables by their name")
    func yearAndOthers() throws {
        let project = try loadProject(TestPaths.miniStudy).project
        let year = GroupWording(grouping: try GroupingVariable("datum", in: project))
        #expect([year.per, year.ofEach, year.columnHeader, year.listTitle] == ["per jaar", "per jaar", "Jaar", "Groepen (jaar)"])
        #expect(year.respondents(of: Perspective("2016"), singular: false) == "respondenten uit 2016")
        #expect(year.respondents(of: Perspective("zonder datum"), singular: true) == "respondent zonder datum")
        let organisation = GroupWording(variable: "organisatie", isYear: false)
        #expect([organisation.per, organisation.columnHeader] == ["per organisatie", "Organisatie"])
        #expect(organisation.respondents(of: Perspective("Op Orde"), singular: true) == "respondent met organisatie Op Orde")
    }
}
