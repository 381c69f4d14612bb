/// The `--help` texts, each with an example.
enum HelpText {
    static func text(for topic: String?) -> String {
        switch topic {
        case "init":
            return """
            codeboom init [DIR] [--leeg]

            Writes a new study into DIR (default: the current folder), which is created when missing
            and must otherwise be empty (hidden files count): Codebooks/codeboom.md with the categories
            Succesfactoren, Spanningen en dilemma's, Belemmeringen and Wensen, an example theme in each
            (deelvraag:, wifa:, trefwoorden:, samenvatting:), Corpus/ with an example interview,
            respondenten.csv, documenten.csv and pseudoniemen.csv, and a README.md that says how to add
            transcripts. `check` accepts it and `report` runs on it at once. No file is ever replaced.

            --leeg   only the categories, the tables' headers and the README: no example theme,
                     transcript or pseudonym.

            Example: codeboom init mijn-onderzoek

            """
        case "check":
            return """
            codeboom check [--project DIR] [--codebook FILE]

            Validates the codebook, every document and every coding; prints all problems as
            FILE:LINE:COL: error|warning: message — what to do. Exit status 1 on any error.

            Example: codeboom check --project ~/studies/vitras

            """
        case "freq":
            return """
            codeboom freq [--project DIR] [--codebook FILE] [--coder NAME] [--format md|csv|json] [--excel]
                          [--by VARIABLE] [--where VARIABLE=VALUE]…

            Counts every code per perspective: respondents (n/N), documents and segments with at least
            one coding; a parent counts its sub-codes once. Default coder: inline; default format: md.
            --excel (with --format csv): ;-separated UTF-8 with BOM, as Dutch Excel opens it.

            --by VARIABLE         columns per value of any variable instead of perspectief: type,
                                  organisatie, datum (by year), a front matter key, a documenten.csv or
                                  respondenten.csv column; a respondent with two values counts in both.
            --where VARIABLE=VALUE  count only the words that meet it (repeatable: all must hold);
                                  also on report, agree and search.

            Example: codeboom freq --format csv > frequenties.csv
                     codeboom freq --by organisatie --where type=interview

            """
        case "autocode":
            return """
            codeboom autocode [--coder auto] [--include-interviewer]
            codeboom autocode --evaluate --against CODER

            --coder is a plain name (letters, digits, -, _ and ., not starting with .; at most 50
            characters): it becomes the file name Corpus/codings/CODER.csv.

            Codes every respondent segment in which a code's trefwoorden occur (and none of its
            uitsluiten), and writes Corpus/codings/CODER.csv (start,end of the first match, the term as
            memo), atomically; inline tags and other coders' files are never changed. With --evaluate,
            writes nothing and compares the rules with a person's coding: per code segments both coded,
            only auto, only the person; precision, recall, F1; and the terms behind false positives.

            Example: codeboom autocode --evaluate --against inline

            """
        case "search":
            return """
            codeboom search TERM… [--perspective P] [--code ID [--coder NAME]] [--format md|csv]
                                  [--where VARIABLE=VALUE]…

            Keyword in context: every occurrence with document, segment, respondent, perspective and
            about 40 characters on each side. Terms as in trefwoorden: word, prefix*, *suffix, "a phrase";
            case and diacritics are ignored.

            Example: codeboom search agenda* '"geen tijd"' --perspective vrijwilliger

            """
        case "report":
            return """
            codeboom report [--project DIR] [--coder NAME] [--out DIR [--force]] [--date TEXT]
                            [--by VARIABLE] [--where VARIABLE=VALUE]…

            Writes the study's report pages in Dutch to Reports/ (or --out): tabel-met-resultaten.md,
            perspectief-*.md, deelvraag-*.md, wifa.md (when a code has wifa:), samenhang.md,
            vergelijking-*.md (every two perspectives), memos.md, frequenties.md/.csv and index.md.
            --by and --where as in freq; every page states them under its title, and by another
            variable than perspectief the perspective pages and comparisons are left out. The pages change
            as one set: a reader, or a run that is stopped, sees the old pages or the new, never a mix.
            .codeboom-manifest lists the pages; only they are replaced or removed, your own files in the
            folder stay. The same input gives byte-identical output (no date unless --date). Names in
            Corpus/pseudoniemen.csv are replaced in everything a report prints.

            --out refuses / , your home folder, the project folder (or one holding it), Corpus/ and
            Codebooks/. A folder that already holds files but no manifest needs --force: its files stay,
            files with a page's name are replaced.

            Example: codeboom report --coder inline --out ~/studie/rapport-inline

            """
        case "agree":
            return """
            codeboom agree --coders A,B[,C…] [--unit segment|document] [--format md|csv|json] [--disagreements]
                           [--where VARIABLE=VALUE]…

            Intercoder agreement per code: percent agreement, Cohen's kappa (two coders) and
            Krippendorff's alpha (nominal, any number of coders, missing values allowed). Units are the
            respondent segments (or documents) of the documents at least two of the coders coded; a coder
            who did not code a document is missing there, not 0. --disagreements lists every unit where
            the coders differ, with its text, to discuss.

            Example: codeboom agree --coders inline,TS --disagreements

            """
        case "segments":
            return """
            codeboom segments DOCUMENT [--project DIR] [--format md|tsv]

            Lists a document's segments with number, offsets, the speaker label as written, respondent,
            perspective, time and the start of the text: to write codings by segment number in
            Corpus/codings/CODER.csv, and to see how a transcription tool's export was read.
            --format tsv writes the columns segment, start, end, label, respondent, perspective, time
            and text (the whole text; tabs and line breaks as \\t and \\n) for scripts.

            Example: codeboom segments interview-05 --format tsv

            """
        case "codes":
            return """
            codeboom codes [--project DIR] [--format text|md|docx [--out FILE.docx [--force]]]

            The codebook to code with: per code its id, label, a short description (the samenvatting:
            or the first sentence), deelvraag, WIFA and trefwoorden, in codebook order. text fits the
            terminal's width; md and docx print on A4 as the codeerboek to keep beside you. docx is
            written to --out (an existing file only with --force).

            Example: codeboom codes --format docx --out codeerboek.docx

            """
        case "sheet":
            return """
            codeboom sheet DOCUMENT… --coder NAME [--project DIR]

            Writes a Word coding sheet per document, Corpus/codings/NAME-DOCUMENT.docx: a table with
            the segment number, speaker, text (pseudonymised), an empty "codes" column and a "memo"
            column, and the codebook's ids on the last page. Fill in the codes column in Word or
            LibreOffice (ids or labels, separated by commas or each on its own line) and save: every
            Corpus/codings/*.docx sheet counts as NAME's codings. A sheet that is there is never
            replaced. When the transcript changes afterwards, `check` names the segments that moved.

            Example: codeboom sheet interview-05 interview-06 --coder TS

            """
        case "review":
            return """
            codeboom review [--from auto] --into NAME [--project DIR]

            Goes through the suggestions of --from (the auto-coder's by default) in the terminal: the
            segment with the matched term highlighted, who says it, the proposed code and its
            description. Keys: a accept, r reject, c change the code (type part of an id or label,
            Tab completes, Enter takes it), m memo, s skip, p back, q quit. Every answer is written
            at once to Corpus/codings/NAME.csv (rejections to NAME.rejected.csv, which is no codings
            file), so a quit or a crash loses nothing; run it again to go on where you stopped.

            Example: codeboom review --into TS      (after codeboom autocode)

            """
        case "merge":
            return """
            codeboom merge --coders A,B --into NAME [--project DIR]

            After the consensus discussion: writes the codings both A and B gave to
            Corpus/codings/NAME.csv at once, then shows each segment where they differ (the units of
            `agree --disagreements`) to decide with one key: a A's codes, b B's, o both, n neither;
            s skip, p back, q quit. Each decision is written at once; run it again to go on.

            Example: codeboom merge --coders inline,TS --into consensus

            """
        case "cooc":
            return """
            codeboom cooc [--by segment|document|respondent] [--perspective P] [--coder NAME] [--format md|csv]

            Which codes come up together: per pair of codes the number of segments (default), documents
            or respondents that hold both, with Jaccard's index (both / either), per perspective and in
            total. A parent holds its sub-codes, as in freq; a code with itself is its own count.
            CSV: code_a,code_b,perspective,both,jaccard — every ordered pair in codebook order (the
            diagonal included) × perspective and totaal; Jaccard with 3 decimals, empty when neither occurs.

            Example: codeboom cooc --by respondent --format csv > samenhang.csv

            """
        case "matrix":
            return """
            codeboom matrix [--by respondent|document] [--counts] [--coder NAME] [--format csv|md] [--excel]

            One row per respondent (natural order of ids) or document (corpus order) with its variables
            and one column per code id in codebook order: 1 when it has a segment with the code (a parent
            holds its sub-codes), else 0; with --counts the number of such segments. By respondent the
            columns are respondent,perspective,documents (how many documents they speak in), then
            respondenten.csv's own columns (two values of one respondent are joined with "; "), then the
            codes. --excel writes `;` between fields and a byte order mark, as Dutch Excel opens it.

            Example: codeboom matrix --by respondent > matrix.csv
            """
        case "compare":
            return """
            codeboom compare --perspectives A,B [--coder NAME] [--format md|csv]

            Themes ordered by the difference in the share of respondents between two perspectives, with
            both n/N, the difference in percentage points (A − B) and Fisher's exact p (two-sided) as a
            descriptive aid: with small N it describes these respondents, it does not generalise.
            CSV: code,n_a,N_a,n_b,N_b,difference_pp,fisher_p (difference with 1 decimal, p with 4).

            Example: codeboom compare --perspectives vrijwilliger,professional

            """
        case "memos":
            return """
            codeboom memos [--code ID] [--coder NAME]

            Every memo, grouped by theme: the memo column of Corpus/codings/CODER.csv, the paragraphs after
            the tag of a Word or LibreOffice comment, and comments that code nothing, each with its code,
            coder, document §segment and the words it is about. --code keeps a code and its sub-codes,
            --coder one coder (or a comment's author). The auto-coder's keywords are no memos and are left
            out unless --coder names it. Names in pseudoniemen.csv are replaced.

            Example: codeboom memos --coder TS

            """
        case "export":
            return """
            codeboom export --qdc FILE [--force]
            codeboom export --qdpx FILE [--coder NAME …|--all-coders] [--force]
            codeboom export --csv FILE [--coder NAME …|--all-coders] [--excel] [--force]
                            [--where VARIABLE=VALUE]…

            --qdc    the codebook as a REFI-QDA codebook (ATLAS.ti, MAXQDA, NVivo, QualCoder, Taguette):
                     the whole tree with descriptions; deelvraag, wifa, trefwoorden and the other
                     attributes as the first lines of each code's description.
            --qdpx   the project as a REFI-QDA archive: coders as users, the codebook, every document's
                     text (after its front matter) with its codings, memos as notes, metadata as
                     variables, a case per respondent with its perspectief. Texts are not pseudonymised.
            --csv    one row per coding: document, segment, respondent, perspective, code, path, coder,
                     start, end, memo, text (pseudoniemen.csv applied, as in reports).
            --excel  ;-separated UTF-8 with BOM and decimal commas, as Dutch Excel opens it; cells that
                     start with = + - @ get a leading ' so Excel shows them as text.
            --where VARIABLE=VALUE  export only the documents and respondents that meet it
                     (repeatable: all must hold), as in freq.
            Every coder is exported unless --coder (repeatable) names some. An existing FILE is
            replaced only with --force; a FILE in Corpus/ or Codebooks/ is always refused.

            Example: codeboom export --qdpx studie.qdpx

            """
        case "import":
            return """
            codeboom import FILE.qdpx|FILE.qdc --into DIR [--perspective-variable NAME] [--split-dotted] [--force]

            Makes a Codeboom project of a REFI-QDA project (.qdpx) or codebook (.qdc) from ATLAS.ti, MAXQDA,
            NVivo, QualCoder, Taguette, …: Codebooks/NAME.md from the code tree, Corpus/NAME.txt per text
            source (its variables as front matter), Corpus/codings/USER.csv per coding user and
            Corpus/respondenten.csv from the cases. It lists the variables it found; the one named like a
            perspective (perspectief, rol, groep, …) gives the perspectives, or --perspective-variable NAME.
            --split-dotted turns names such as ervaring.voldoening into a tree. Sources that are not text
            (PDF, pictures, audio, video) are listed as skipped. DIR must be new or empty; --force replaces it.

            Example: codeboom import project.qdpx --into mijn-studie && codeboom check --project mijn-studie

            """
        default:
            return """
            codeboom — count and report the codes of a qualitative study per perspective.

            Usage: codeboom COMMAND [--project DIR] [options]

            Commands:
              init       start a new study in a new or empty folder
              check      validate codebook, transcripts and codings
              freq       frequency table: code × perspective
              report     write the Dutch report pages to Reports/
              autocode   code segments from the codebook's trefwoorden; --evaluate against a coder
              search     keyword in context
              agree      intercoder agreement (percent, Cohen's kappa, Krippendorff's alpha)
              cooc       which codes come up together (segments, documents or respondents)
              compare    where two perspectives differ most (share of respondents, Fisher's p)
              memos      every memo with its code, coder, place and coded text
              matrix     respondent × code (or document × code) table for SPSS, R and Excel
              segments   list the numbered segments of a document
              codes      the codebook to code with (text, md, docx)
              sheet      a Word coding sheet for a coder
              review     accept or reject suggested codings in the terminal
              merge      merge two coders after the consensus discussion
              export     the codebook or project for ATLAS.ti, MAXQDA, NVivo (REFI-QDA), codings as CSV
              import     make a project of a REFI-QDA .qdpx or .qdc (ATLAS.ti, MAXQDA, NVivo, …)

            Run `codeboom COMMAND --help` for a command's options and an example.
            Without --project, the current folder is the project (Codebooks/, Corpus/, Reports/).

            """
        }
    }
}
