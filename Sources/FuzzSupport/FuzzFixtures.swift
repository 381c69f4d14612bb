import Codeboom

/// Small fixed inputs that a target combines with the fuzzed one: a codebook with keyword rules, a
/// focusgroep and an interview to resolve speakers and place sidecar codings in.
public enum FuzzFixtures {
    public static let codebookText = """
        # Fuzz — codeboom
        deelvraag 1: Wat werkt?

        ## Succes {#succes}
        deelvraag: 1

        ### Een goede klik {#klik}
        wifa: W
        trefwoorden: klik, "het klikt", match*, *werk
        uitsluiten: vakantie

        ### Agendadruk
        trefwoorden: agenda*, "geen tijd", coördinator
        """

    public static let codebook = CodebookParser.parse(codebookText, file: "Codebooks/fuzz.md").codebook
    public static let autoCoder = AutoCoder(rules: KeywordRules(codebook: codebook))

    public static let focusgroep = parse("""
        ---
        id: focusgroep
        type: focusgroep
        perspectief: vrijwilliger
        ---
        Gespreksleider: Wat werkt? #succes
        Anouk: Het klikt, #klik maar geen tijd.
        Bram: De coördinator is bereikbaar.
        Anouk: Agenda vol.
        """, id: "focusgroep")

    public static let interview = parse("""
        I: Hoe ging de match?

        R: Goed, het klikt. #klik
        """, id: "interview-a")

    public static let documents = [focusgroep.id: focusgroep, interview.id: interview]

    public static let respondents = RespondentTable.parse("""
        respondent,perspectief,document,spreker,rol
        V1,vrijwilliger,focusgroep,Anouk,
        ,,focusgroep,Gespreksleider,gespreksleider
        """, file: "Corpus/respondenten.csv").table

    private static func parse(_ text: String, id: String) -> Document {
        DocumentParser.parse(text, file: "Corpus/\(id).txt", defaultID: id).document
    }
}
