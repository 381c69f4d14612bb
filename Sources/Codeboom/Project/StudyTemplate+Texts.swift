// The texts of a new study, in Dutch as the studies write them. The people and places are made up.
extension StudyTemplate {
    /// `Codebooks/codeboom.md`: four categories with their deelvragen; with the example, one theme each.
    static func codebook(example: Bool) -> String {
        var text = """
        # Mijn onderzoek — codeboom
        deelvraag 1: Wat gaat er volgens de betrokkenen goed in de samenwerking, en waardoor?
        deelvraag 2: Welke spanningen en dilemma's ervaren de betrokkenen in de samenwerking?
        deelvraag 3: Wat belemmert de samenwerking volgens de betrokkenen?
        deelvraag 4: Welke wensen hebben de betrokkenen voor de samenwerking?

        Dit codeboek is het begin van je codeboom. Een kop met `##` is een categorie, een kop met `###` een thema (een code) en een kop met `####` een subthema. Wat aan het eind van een kop tussen `{#` en `}` staat, is de id waarmee je in een transcript codeert.
        Onder elk thema staan `deelvraag:` (de deelvraag die het thema beantwoordt; zonder deze regel geldt die van de categorie), `wifa:` (Waarderen, Informeren, Faciliteren of Afstemmen), `trefwoorden:` (woorden waarop `codeboom autocode` voorstellen doet) en `samenvatting:` (één regel voor de tabel met resultaten). De tekst daaronder beschrijft wanneer je het thema gebruikt en wanneer niet.

        """
        for category in categories {
            text += "\n## \(category.heading)\ndeelvraag: \(category.deelvraag)\n\n\(category.description)\n"
            if example { text += "\n" + category.exampleTheme }
        }
        return text
    }

    /// One category of the skeleton and its example theme.
    private struct Category {
        var heading: String
        var deelvraag: Int
        var description: String
        var exampleTheme: String
    }

    private static let categories = [
        Category(heading: "Succesfactoren {#succesfactoren}", deelvraag: 1,
                 description: "Wat volgens de betrokkenen goed gaat in de samenwerking tussen vrijwilliger, professional en cliënt, en wat die samenwerking laat slagen.",
                 exampleTheme: """
                 ### Waardering voor elkaar {#waardering}
                 deelvraag: 1
                 wifa: Waarderen
                 trefwoorden: waardering, gewaardeerd, bedankt, compliment*, "serieus genomen", "vroeg hoe het"
                 samenvatting: Respect, een bedankje en aandacht voor elkaar als mens.

                 Respect, waardering en persoonlijke aandacht tussen vrijwilliger en professional. Codeer hier als de respondent ervaart dat die aandacht er is en dat ze de samenwerking goed doet, bijvoorbeeld wanneer een professional na een zwaar huisbezoek belt om te vragen hoe het met de vrijwilliger gaat.

                 **Niet gebruiken** voor het gemis aan waardering; dat is een wens of een belemmering.

                 """),
        Category(heading: "Spanningen en dilemma's {#spanningen}", deelvraag: 2,
                 description: "Waar betrokkenen twijfelen, waar rollen of belangen botsen en waar geen eenvoudig goed antwoord bestaat.",
                 exampleTheme: """
                 ### Hoeveel informatie delen {#informatie-delen}
                 deelvraag: 2
                 wifa: Informeren
                 trefwoorden: dossier, privacy, vertrouwelijk, geheim*, "mag weten", "moet weten", "niet weten"
                 samenvatting: Hoeveel de vrijwilliger over de cliënt mag en moet weten.

                 De afweging hoeveel de professional over de cliënt met de vrijwilliger deelt, en wat de vrijwilliger doet met wat hij of zij bij de cliënt hoort en ziet. Codeer hier als de respondent die afweging beschrijft of erover twijfelt.

                 **Niet gebruiken** voor afspraken over wie wat doet; dat is afstemmen.

                 """),
        Category(heading: "Belemmeringen {#belemmeringen}", deelvraag: 3,
                 description: "Wat de samenwerking volgens de betrokkenen in de weg zit.",
                 exampleTheme: """
                 ### Agendadruk {#agendadruk}
                 deelvraag: 3
                 wifa: Faciliteren
                 trefwoorden: druk, drukte, agenda*, "geen tijd", "te weinig tijd", afgezegd, wachtlijst*
                 samenvatting: De professional heeft te weinig tijd voor contact en overleg.

                 De professional heeft of neemt door een volle agenda te weinig tijd voor contact, overleg of aandacht, voor de cliënt en voor de vrijwilliger. Codeer hier als de respondent die tijdsdruk noemt als iets wat de samenwerking hindert.

                 **Niet gebruiken** voor de wens om vaker af te stemmen; die hoort bij Wensen.

                 """),
        Category(heading: "Wensen {#wensen}", deelvraag: 4,
                 description: "Wat betrokkenen anders of meer zouden willen in de samenwerking.",
                 exampleTheme: """
                 ### Vaker afstemmen {#meer-afstemmen}
                 deelvraag: 4
                 wifa: Afstemmen
                 trefwoorden: overleg*, evaluatie*, "om tafel", "vaste afspraak", "afspraken maken", "vaker samen"
                 samenvatting: De wens om vaker en op vaste momenten samen af te stemmen.

                 De wens om vaker of vaster af te stemmen wie wat doet, bijvoorbeeld met een vast overleg of een evaluatie met vrijwilliger, professional en cliënt samen. Codeer hier wensen voor later; afstemmen dat nu al goed loopt is een succesfactor.

                 """),
    ]

    /// `Corpus/interview-01.txt`: front matter, interviewer and respondent turns, one tag per theme.
    static let exampleTranscript = """
    ---
    id: interview-01
    type: interview
    perspectief: vrijwilliger
    respondent: V1
    datum: 2025-03-12
    organisatie: Thuisadministratie Beekdal
    ---
    I: Fijn dat je mee wilt doen. Het gesprek wordt opgenomen en alles wordt geanonimiseerd. Is dat goed?

    R: Ja hoor, dat is prima.

    I: Hoe lang ben je al vrijwilliger bij de thuisadministratie?

    R: Bijna twee jaar nu. Ik help twee gezinnen in Beekdal met hun post en hun geldzaken, elke week een ochtend.

    I: Wat gaat er goed in de samenwerking met de maatschappelijk werker?

    R: Marloes belde me na het eerste huisbezoek om te vragen hoe het met mij ging. Dat had ik niet verwacht. Ik voelde me echt serieus genomen, niet alleen als een extra paar handen. #waardering

    I: Weet je genoeg over de gezinnen die je helpt?

    R: Dat vind ik lastig. Ik hoor soms dingen waarvan ik denk: moet Marloes dit weten, of vertellen ze het mij juist omdat ik niet van de instantie ben? Daar heb ik een keer een nacht wakker van gelegen. #informatie-delen

    I: Wat maakt het samenwerken moeilijker?

    R: Ze heeft het gewoon heel druk. Een gesprek met z'n drieën is twee keer afgezegd, en op een mail wacht ik soms een week. Dan regel ik het maar zelf met het gezin. #agendadruk

    I: Wat zou je willen veranderen?

    R: Een vaste afspraak, eens in de zes weken, even om tafel met Marloes en het gezin. Dan hoef ik niet steeds te bedenken of iets belangrijk genoeg is om haar te storen. #meer-afstemmen

    I: Dank je wel voor het gesprek.

    """

    /// The example transcript's one name, so reports show how a name is replaced.
    static let examplePseudonyms = "Marloes,[professional]\n"

    /// `README.md`: what is where, how to add a transcript, and the next three commands.
    static func readme(example: Bool) -> String {
        let exampleNote = example
            ? "\n`Corpus/interview-01.txt` en de thema's in het codeboek zijn voorbeelden: kijk hoe ze geschreven zijn, en verwijder of vervang ze als je eigen materiaal er is (haal dan ook `Marloes` uit `pseudoniemen.csv`).\n"
            : ""
        // A tag the reader's own codebook knows: an example theme, or a category when there are none.
        let tag = example ? "waardering" : "succesfactoren"
        return """
        # Mijn onderzoek

        Een kwalitatief onderzoek voor Codeboom: het codeboek, de transcripten en de rapportage zijn platte tekst, zodat je elke stap kunt nalezen en opnieuw kunt uitvoeren.

        | Map of bestand | Wat erin staat |
        | --- | --- |
        | `Codebooks/codeboom.md` | het codeboek: categorieën (`##`) en thema's (`###`) met `deelvraag:`, `wifa:`, `trefwoorden:` en `samenvatting:` |
        | `Corpus/` | de transcripten en notities (`.txt`, `.md`, `.docx`, `.odt`, `.vtt`, `.srt`, `.pdf`) |
        | `Corpus/respondenten.csv` | bij een focusgroep: welke spreker welke respondent is |
        | `Corpus/documenten.csv` | type, perspectief en respondent van documenten zonder `---`-blok bovenaan, zoals een `.vtt` |
        | `Corpus/pseudoniemen.csv` | namen die de rapportage vervangt, zoals `Marloes,[professional]` |
        | `Reports/` | wat `codeboom report` schrijft; die map maak je niet zelf |
        \(exampleNote)
        ## Een transcript toevoegen

        Zet elk interview in een eigen bestand in `Corpus/`, bijvoorbeeld `Corpus/interview-02.txt`:

        ```
        ---
        id: interview-02
        type: interview
        perspectief: professional
        respondent: P1
        datum: 2025-04-02
        ---
        I: Wat gaat er goed in de samenwerking met de vrijwilliger?

        R: Ze bedankt me na elk huisbezoek en vraagt ook hoe het met mij gaat. #\(tag)
        ```

        - Bovenaan, tussen de twee regels `---`: `id` (de bestandsnaam zonder `.txt`), `type` (`interview`, `focusgroep` of `notities`), `perspectief` (de groep van de respondent: `cliënt`, `vrijwilliger`, `professional`, …), `respondent` (een code per persoon, zoals `P1`; wie in twee gesprekken zit, houdt dezelfde code) en `datum`.
        - Elke beurt begint met de spreker en een dubbele punt: `I:` voor de interviewer, `R:` voor de respondent. Beurten van de interviewer tellen nooit mee.
        - Codeer een beurt met `#` en de id van een thema uit het codeboek, meestal aan het eind van de beurt: `#\(tag)`. Een beurt mag meer dan één code hebben.
        - Een focusgroep krijgt `type: focusgroep`, de namen van de deelnemers als sprekers (`Anouk: …`) en per deelnemer een regel in `Corpus/respondenten.csv`: `V2,vrijwilliger,focusgroep-1,Anouk` (respondent, perspectief, document, spreker).
        - Zet elke naam die niet in de rapportage mag komen in `Corpus/pseudoniemen.csv`, met wat ervoor in de plaats komt: `Anouk,V2`.

        ## De volgende drie commando's

        Voer ze uit in deze map:

        ```
        codeboom check     # leest alles en meldt elke fout met bestand, regel en wat je eraan doet
        codeboom freq      # hoe vaak elk thema genoemd wordt, per perspectief
        codeboom report    # schrijft de rapportage naar Reports/
        ```

        `codeboom COMMANDO --help` vertelt meer over elk commando.

        """
    }
}
