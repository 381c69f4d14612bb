#!/usr/bin/env python3
"""Writes the REFI-QDA fixtures in this folder: one folder per imitated tool, holding `project.qde` and the
source files as that tool lays them out (the tests pack each folder into a .qdpx), and two codebooks (.qdc).

Positions of selections are computed here, by Python, which counts a str in code points, the unit REFI-QDA
uses: an implementation independent of the Swift importer. Run from this folder: `python3 make-fixtures.py`.
Word files are written with python-docx, as NVivo writes its rich text beside the plain text.
See ../README.md for what each folder imitates.
"""
import os
import shutil
import uuid
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
NAMESPACE = uuid.UUID("6f1c1f3e-2a55-4c3e-9a77-0c0de600b00f")


def guid(name, style="upper"):
    value = str(uuid.uuid5(NAMESPACE, name))
    if style == "upper":
        return value.upper()
    if style == "braces":
        return "{" + value.upper() + "}"
    return value


def span(text, phrase, occurrence=0):
    """Code-point start and (exclusive) end of the n-th occurrence of phrase in text."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def write(path, data):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(full, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as handle:
        handle.write(data)


def codes_xml(codes, style):
    """codes: list of (name, color, description, isCodable, children)."""
    out = []
    for name, color, description, codable, children in codes:
        attributes = f'guid="{guid("code:" + name, style)}" name={quoteattr(name)} isCodable="{"true" if codable else "false"}"'
        if color:
            attributes += f' color="{color}"'
        inner = ""
        if description is not None:
            inner += f"<Description>{escape(description)}</Description>"
        inner += codes_xml(children, style)
        out.append(f"<Code {attributes}>{inner}</Code>" if inner else f"<Code {attributes}/>")
    return "".join(out)


def selection_xml(source_key, text, phrase, code, user, style, occurrence=0, notes=(), key=None):
    start, end = span(text, phrase, occurrence)
    selection_guid = guid(f"selection:{source_key}:{key or phrase}:{code}:{occurrence}", style)
    note_refs = "".join(f'<NoteRef targetGUID="{guid("note:" + n, style)}"/>' for n in notes)
    user_attribute = f' creatingUser="{guid("user:" + user, style)}"' if user else ""
    return (f'<PlainTextSelection guid="{selection_guid}" startPosition="{start}" endPosition="{end}"{user_attribute}>'
            f'<Coding guid="{guid(f"coding:{selection_guid}", style)}"{user_attribute}>'
            f'<CodeRef targetGUID="{guid("code:" + code, style)}"/></Coding>{note_refs}</PlainTextSelection>')


def users_xml(users, style):
    return "<Users>" + "".join(f'<User guid="{guid("user:" + u, style)}" name={quoteattr(u)}/>' for u in users) + "</Users>"


def variable_value(variable, value, kind="TextValue", style="upper"):
    return (f'<VariableValue><VariableRef targetGUID="{guid("variable:" + variable, style)}"/>'
            f"<{kind}>{escape(value)}</{kind}></VariableValue>")


def reset(folder):
    shutil.rmtree(os.path.join(HERE, folder), ignore_errors=True)


# MAXQDA: VariableValues on TextSource, \r\n line ends in the texts, colours on every code, Sets of sources.
def maxqda():
    reset("maxqda")
    style = "upper"
    texts = {
        "Interview Joke": "I: Waarom bent u vrijwilliger geworden?\r\nR: Voor de gezelligheid, echt. Ik zat te veel thuis.\r\n"
                          "I: En wat geeft u voldoening?\r\nR: Dat ik ertoe doe. Mensen rekenen op me.\r\n",
        "Interview Kees": "I: Hoe gaat het contact met de organisatie?\r\nR: Ik weet nooit wie ik moet bellen.\r\n"
                          "I: En de formulieren?\r\nR: Die stapel papier, daar word ik moe van.\r\n",
        "Interview Fatima": "I: Wat ziet u als coördinator?\r\nR: Regels en nog eens regels, dat remt.\r\n"
                            "I: En de vrijwilligers zelf?\r\nR: Ze komen voor elkaar, voor het café op vrijdag.\r\n",
    }
    perspective = {"Interview Joke": "vrijwilliger", "Interview Kees": "vrijwilliger", "Interview Fatima": "coördinator"}
    age = {"Interview Joke": "67", "Interview Kees": "54", "Interview Fatima": "41"}
    codings = {
        "Interview Joke": [("Voor de gezelligheid, echt.", "Sociaal contact", "Sanne"),
                           ("Dat ik ertoe doe. Mensen rekenen op me.", "Zingeving", "Sanne"),
                           ("Voor de gezelligheid, echt. Ik zat te veel thuis.", "Sociaal contact", "Bram de Wit")],
        "Interview Kees": [("Ik weet nooit wie ik moet bellen.", "Aanspreekpunt", "Sanne"),
                           ("Die stapel papier, daar word ik moe van.", "Bureaucratie", "Bram de Wit")],
        "Interview Fatima": [("Regels en nog eens regels, dat remt.", "Bureaucratie", "Sanne"),
                             ("Ze komen voor elkaar, voor het café op vrijdag.", "Sociaal contact", "Sanne")],
    }
    codes = [
        ("Motivatie", "#FF0000", "Waarom mensen vrijwilliger worden & blijven.\r\n", True, [
            ("Sociaal contact", "#FF8080", "Contact met anderen, \"gezelligheid\".", True, []),
            ("Zingeving", "#FFC0C0", None, True, []),
        ]),
        ("Organisatie", "#0000FF", None, True, [
            ("Aanspreekpunt", "#8080FF", None, True, []),
            ("Bureaucratie", "#C0C0FF", "Let op: alleen regels en papier, niet personen.\r\nZie ook Aanspreekpunt.", True, []),
        ]),
    ]
    sources = []
    for name, text in texts.items():
        key = guid("source:" + name, style)
        write(f"maxqda/sources/{key}.txt", text.encode("utf-8"))
        selections = "".join(selection_xml(name, text, phrase, code, user, style) for phrase, code, user in codings[name])
        values = variable_value("Perspectief", perspective[name]) + variable_value("Leeftijd", age[name], "IntegerValue")
        sources.append(f'<TextSource guid="{key}" name={quoteattr(name)} plainTextPath="internal://{key}.txt" '
                       f'creatingUser="{guid("user:Sanne")}">{selections}{values}</TextSource>')
    variables = (f'<Variables><Variable guid="{guid("variable:Perspectief")}" name="Perspectief" typeOfVariable="Text"/>'
                 f'<Variable guid="{guid("variable:Leeftijd")}" name="Leeftijd" typeOfVariable="Integer"/></Variables>')
    sets = (f'<Sets><Set guid="{guid("set:vrijwilligers")}" name="Vrijwilligers">'
            + "".join(f'<MemberSource targetGUID="{guid("source:" + n)}"/>' for n in ["Interview Joke", "Interview Kees"])
            + "</Set></Sets>")
    qde = ('<?xml version="1.0" encoding="utf-8"?>\r\n<Project xmlns="urn:QDA-XML:project:1.0" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1.0 '
           'http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd" name="Vrijwilligers MAXQDA" '
           f'origin="MAXQDA 2022 (Release 22.8.0)" creatingUserGUID="{guid("user:Sanne")}">\r\n'
           + users_xml(["Sanne", "Bram de Wit"], style) + "\r\n<CodeBook><Codes>" + codes_xml(codes, style)
           + "</Codes></CodeBook>\r\n" + variables + "\r\n<Sources>" + "\r\n".join(sources) + "</Sources>\r\n" + sets
           + "\r\n</Project>\r\n")
    write("maxqda/project.qde", qde)


# NVivo for Mac: a .qdc in namespace urn:QDA-XML:codebook:1:0, GUIDs in braces and upper case; a project with
# a zero-byte sources/.root, Word files beside empty .txt files, and Sets of sources.
def nvivo():
    reset("nvivo")
    style = "braces"
    codes = [
        ("Ervaringen", None, "Wat deelnemers meemaken.", False, [
            ("Positief", None, None, True, []),
            ("Negatief", None, "Klachten, zorgen.", True, []),
        ]),
        ("Organisatie", None, None, False, [
            ("Contactpersoon", None, None, True, []),
            ("Regels", None, None, True, []),
        ]),
    ]
    qdc = ('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1:0" origin="NVivo for Mac 14.23.0">'
           "<Codes>" + codes_xml(codes, style) + "</Codes></CodeBook>\n")
    write("nvivo-codebook.qdc", qdc)

    import docx  # python-docx
    word_texts = {
        "Gesprek Lotte": ["I: Hoe bevalt het?", "R: Heel positief, ik word gewaardeerd.", "I: En de regels?",
                          "R: Te veel regels voor zo'n klein klusje."],
        "Gesprek Ahmed": ["I: Wie belt u als er iets is?", "R: Mijn contactpersoon, Els, die is er altijd."],
    }
    sources = []
    for name, paragraphs in word_texts.items():
        key = guid("source:" + name, "lower")
        document = docx.Document()
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        import datetime
        document.core_properties.created = datetime.datetime(2026, 1, 1)
        document.core_properties.modified = datetime.datetime(2026, 1, 1)
        path = os.path.join(HERE, f"nvivo/sources/{key}.docx")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        document.save(path)
        write(f"nvivo/sources/{key}.txt", b"\n")
        sources.append(f'<TextSource guid="{guid("source:" + name, style)}" name={quoteattr(name)} '
                       f'richTextPath="internal://{key}.docx" plainTextPath="internal://{key}.txt"/>')
    text = "I: Wat vindt u van de begeleiding?\nR: Negatief eerlijk gezegd, niemand belt terug.\nI: En verder?\nR: Positief over de andere vrijwilligers.\n"
    name = "Gesprek Mirjam"
    key = guid("source:" + name, "lower")
    write(f"nvivo/sources/{key}.txt", text.encode("utf-8"))
    selections = (selection_xml(name, text, "Negatief eerlijk gezegd, niemand belt terug.", "Negatief", "Chris P", style)
                  + selection_xml(name, text, "Positief over de andere vrijwilligers.", "Positief", "Chris P", style)
                  + selection_xml(name, text, "niemand belt terug", "Contactpersoon", "Chris P", style))
    sources.append(f'<TextSource guid="{guid("source:" + name, style)}" name={quoteattr(name)} '
                   f'plainTextPath="internal://{key}.txt">{selections}</TextSource>')
    write("nvivo/sources/.root", b"")
    users = f'<Users><User guid="{guid("user:Chris P", style)}" name="Chris P" id="CP"/></Users>'
    sets = (f'<Sets><Set guid="{guid("set:gesprekken", style)}" name="Gesprekken">'
            + "".join(f'<MemberSource targetGUID="{guid("source:" + n, style)}"/>' for n in ["Gesprek Lotte", "Gesprek Mirjam"])
            + "</Set></Sets>")
    qde = ('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Vrijwilligers NVivo" '
           'origin="NVivo for Mac 14.23.0" basePath="">' + users + "<CodeBook><Codes>" + codes_xml(codes, style)
           + "</Codes></CodeBook><Sources>" + "".join(sources) + "</Sources>" + sets + "</Project>\n")
    write("nvivo/project.qde", qde)


# ATLAS.ti: codings on a PDF and a picture (skipped), a memo as a Note linked by NoteRef, a free note.
def atlas():
    reset("atlas")
    style = "upper"
    codes = [("Zorgen", "#AA0000", None, True, [("Tijdsdruk", None, None, True, []), ("Eenzaamheid", None, None, True, [])])]
    text = "I: Wat houdt u bezig?\nR: De tijdsdruk, ik moet alles in een uur doen.\nI: En daarna?\nR: Dan ben ik weer alleen thuis.\n"
    name = "Interview Wim.txt"
    key = guid("source:" + name)
    write(f"atlas/sources/{key}.txt", text.encode("utf-8"))
    selections = (selection_xml(name, text, "De tijdsdruk, ik moet alles in een uur doen.", "Tijdsdruk", "Nadia", style,
                                notes=["memo-tijd"])
                  + selection_xml(name, text, "Dan ben ik weer alleen thuis.", "Eenzaamheid", "Nadia", style))
    pdf_key = guid("source:folder.pdf")
    picture_key = guid("source:foto.png")
    write(f"atlas/sources/{pdf_key}.pdf", b"%PDF-1.4\n% not read by the import\n%%EOF\n")
    write(f"atlas/sources/{picture_key}.png", b"\x89PNG\r\n\x1a\n")
    coding = lambda what, code: (f'<Coding guid="{guid("coding:" + what)}" creatingUser="{guid("user:Nadia")}">'
                                 f'<CodeRef targetGUID="{guid("code:" + code)}"/></Coding>')
    sources = (f'<TextSource guid="{key}" name={quoteattr(name)} plainTextPath="internal://{key}.txt">{selections}</TextSource>'
               f'<PDFSource guid="{pdf_key}" name="Folder gemeente.pdf" path="internal://{pdf_key}.pdf">'
               f'<PDFSelection guid="{guid("pdfselection")}" page="1" firstX="10" firstY="10" secondX="200" secondY="80">'
               f'{coding("pdf", "Tijdsdruk")}</PDFSelection></PDFSource>'
               f'<PictureSource guid="{picture_key}" name="Foto buurthuis.png" path="internal://{picture_key}.png">'
               f'<PictureSelection guid="{guid("pictureselection")}" firstX="0" firstY="0" secondX="50" secondY="50">'
               f'{coding("picture", "Eenzaamheid")}</PictureSelection></PictureSource>')
    notes = (f'<Notes><Note guid="{guid("note:memo-tijd")}" name="Memo tijdsdruk" creatingUser="{guid("user:Nadia")}">'
             "<PlainTextContent>Vaker genoemd door mantelzorgers.\nNagaan bij Kees.</PlainTextContent></Note>"
             f'<Note guid="{guid("note:vrij")}" name="Projectmemo"><PlainTextContent>Eerste ronde klaar.</PlainTextContent></Note></Notes>')
    qde = ('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<Project xmlns="urn:QDA-XML:project:1.0" '
           f'name="Zorgen ATLAS" origin="ATLAS.ti 23.2.1">' + users_xml(["Nadia"], style)
           + "<CodeBook><Codes>" + codes_xml(codes, style) + "</Codes></CodeBook><Sources>" + sources + "</Sources>" + notes
           + "</Project>\n")
    write("atlas/project.qde", qde)


# Taguette: a flat codebook whose names carry the tree as dots.
def taguette():
    names = ["ervaring.voldoening", "ervaring.zwaar", "motivatie.sociaal", "organisatie.aanspreekpunt",
             "organisatie.bureaucratie", "werving"]
    codes = "".join(f'<Code guid="{guid("tag:" + n)}" name="{n}" isCodable="true"/>' for n in names)
    write("taguette.qdc", '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" '
                          f'origin="Taguette 1.4.1"><Codes>{codes}</Codes><Sets/></CodeBook>')


# QualCoder: cases with VariableValues and SourceRefs (a respondent per interview), and a focus group whose
# speakers are cases by SelectionRef.
def qualcoder():
    reset("qualcoder")
    style = "lower"
    codes = [("Steun", "#9CCC65", "Steun die respondenten ervaren.", True, []), ("Drempels", "#EF5350", None, True, [])]
    texts = {
        "anna.txt": "Interviewer: Wat helpt u?\nAnna: De buurvrouw, die komt elke dag.\nInterviewer: Wat is lastig?\nAnna: De trap, en de formulieren.\n",
        "bas.txt": "Interviewer: Wat helpt u?\nBas: Mijn zoon belt elke avond.\n",
        "carla.txt": "Interviewer: Wat ziet u bij cliënten?\nCarla: Dat de wachtlijst ze afschrikt.\n",
        "focusgroep.txt": "Gespreksleider: Wat helpt?\nAnna: Mensen om me heen.\nDirk: Als professional zie ik vooral de drempels.\n"
                          "Anna: Ja, de trap.\nDirk: En de wachtlijst.\n",
    }
    codings = {
        "anna.txt": [("De buurvrouw, die komt elke dag.", "Steun"), ("De trap, en de formulieren.", "Drempels")],
        "bas.txt": [("Mijn zoon belt elke avond.", "Steun")],
        "carla.txt": [("Dat de wachtlijst ze afschrikt.", "Drempels")],
        "focusgroep.txt": [("Mensen om me heen.", "Steun"), ("Ja, de trap.", "Drempels"), ("En de wachtlijst.", "Drempels")],
    }
    sources = []
    for name, text in texts.items():
        key = guid("source:" + name, style)
        write(f"qualcoder/sources/{key}.txt", text.encode("utf-8"))
        selections = "".join(selection_xml(name, text, phrase, code, "default", style) for phrase, code in codings[name])
        sources.append(f'<TextSource guid="{key}" name="{name}" plainTextPath="internal://{key}.txt" '
                       f'creatingUser="{guid("user:default", style)}">{selections}</TextSource>')
    focus = texts["focusgroep.txt"]
    def turn(phrase, occurrence=0):
        return guid(f"selection:turn:{phrase}:{occurrence}", style), span(focus, phrase, occurrence)
    # The speakers' turns as selections of their own (QualCoder's case_text), referred to by the cases.
    turns = {"Anna": [turn("Mensen om me heen."), turn("Ja, de trap.")], "Dirk": [turn("Als professional zie ik vooral de drempels.")]}
    extra = "".join(f'<PlainTextSelection guid="{g}" startPosition="{s}" endPosition="{e}"/>'
                    for values in turns.values() for g, (s, e) in values)
    sources[-1] = sources[-1].replace("</TextSource>", extra + "</TextSource>")
    cases = [("Anna", "cliënt", ["anna.txt"], turns["Anna"]), ("Bas", "cliënt", ["bas.txt"], []),
             ("Carla", "professional", ["carla.txt"], []), ("Dirk", "professional", [], turns["Dirk"])]
    cases_xml = "<Cases>" + "".join(
        f'<Case guid="{guid("case:" + n, style)}" name="{n}">' + variable_value("perspectief", p, style=style)
        + variable_value("woonplaats", "Rijnstad", style=style)
        + "".join(f'<SourceRef targetGUID="{guid("source:" + s, style)}"/>' for s in refs)
        + "".join(f'<SelectionRef targetGUID="{g}"/>' for g, _ in selections) + "</Case>"
        for n, p, refs, selections in cases) + "</Cases>"
    variables = (f'<Variables><Variable guid="{guid("variable:perspectief", style)}" name="perspectief" typeOfVariable="Text"/>'
                 f'<Variable guid="{guid("variable:woonplaats", style)}" name="woonplaats" typeOfVariable="Text"/></Variables>')
    qde = ('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Steun QualCoder" '
           'origin="QualCoder 3.5">' + users_xml(["default"], style) + "<CodeBook><Codes>" + codes_xml(codes, style)
           + "</Codes></CodeBook>" + variables + cases_xml + "<Sources>" + "".join(sources) + "</Sources></Project>\n")
    write("qualcoder/project.qde", qde)


# AQDA: `Sources/` with a capital S, lower-case GUIDs, selections after é and ö.
def aqda():
    reset("aqda")
    style = "lower"
    codes = [("werving", "#6366f1", None, True, [("netwerk", "#6366f1", None, True, [])]),
             ("ervaring", "#6366f1", None, True, [("voldoening", "#6366f1", None, True, [])])]
    texts = {
        "interview_01.txt": "Interviewer: Hoe kwam u hier?\nVrijwilliger: Via mijn tennisclub, één van de leden vroeg het.\n"
                            "Interviewer: En nu?\nVrijwilliger: Het geeft me een goed gevoel, zó fijn.\n",
        "interview_02.txt": "Interviewer: Hoe kwam u hier?\nVrijwilliger: Mijn schoonzus werkt hier, zij wist dat ik zocht.\n"
                            "Interviewer: Bevalt het?\nVrijwilliger: Ja, ik voel me nuttig, écht nuttig.\n",
    }
    codings = {"interview_01.txt": [("Via mijn tennisclub, één van de leden vroeg het.", "netwerk"),
                                    ("Het geeft me een goed gevoel, zó fijn.", "voldoening")],
               "interview_02.txt": [("Mijn schoonzus werkt hier, zij wist dat ik zocht.", "netwerk"),
                                    ("Ja, ik voel me nuttig, écht nuttig.", "voldoening"),
                                    ("écht nuttig", "ervaring")]}
    sources = []
    for name, text in texts.items():
        key = guid("source:" + name, style)
        write(f"aqda/Sources/{key}.txt", text.encode("utf-8"))
        selections = "".join(selection_xml(name, text, phrase, code, "AQDA User", style) for phrase, code in codings[name])
        sources.append(f'<TextSource guid="{key}" name="{name}" plainTextPath="internal://{key}.txt">{selections}</TextSource>')
    qde = ('<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Werving AQDA" origin="AQDA">'
           + users_xml(["AQDA User"], style) + "<CodeBook><Codes>" + codes_xml(codes, style) + "</Codes></CodeBook><Sources>"
           + "".join(sources) + "</Sources><Description>gemaakt met AQDA</Description></Project>")
    write("aqda/project.qde", qde)


# The Python qc tool: no XML declaration, plainTextPath a bare file name (no internal://), no name on the source,
# selections of whole lines (the newline inside), several codings on one selection.
def qc():
    reset("qc")
    style = "lower"
    codes = [("themes", None, None, True, [("access", None, None, True, []), ("trust", None, None, True, [])])]
    texts = {"board.txt": "Moderator: Welcome everyone.\nSpeaker 1: The bus does not stop here.\nSpeaker 2: I trust the teachers.\n",
             "admin.txt": "Interviewer: How is it going?\nAdmin: Parents trust us, but they cannot reach the school.\n"}
    sources = []
    for name, text in texts.items():
        lines = text.splitlines(keepends=True)
        selections = ""
        position = 0
        for number, line in enumerate(lines):
            start, end = position, position + len(line)
            position = end
            line_codes = [c for c, word in [("access", "bus"), ("access", "reach"), ("trust", "trust")] if word in line]
            if not line_codes:
                continue
            codings = "".join(f'<Coding guid="{guid(f"qc:{name}:{number}:{c}", style)}" creatingUser="{guid("user:cp", style)}">'
                              f'<CodeRef targetGUID="{guid("code:" + c, style)}"/></Coding>' for c in line_codes)
            selections += (f'<PlainTextSelection name="line:{number}" guid="{guid(f"qc:{name}:{number}", style)}" '
                           f'startPosition="{start}" endPosition="{end}">{codings}</PlainTextSelection>')
        write(f"qc/sources/{name}", text.encode("utf-8"))
        sources.append(f'<TextSource guid="{guid("source:" + name, style)}" plainTextPath="{name}">{selections}</TextSource>')
    qde = ('<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="qc 1.3.2" '
           f'name="qc project"><Users><User name="cp" guid="{guid("user:cp", style)}" /></Users><CodeBook><Codes>'
           + codes_xml(codes, style) + "</Codes></CodeBook><Sources>" + "".join(sources) + "</Sources></Project>")
    write("qc/project.qde", qde)


# Code points, UTF-16 units and grapheme clusters apart: a family emoji (7 code points, 11 UTF-16 units, one
# cluster), a flag (2 code points), a decomposed é (two code points that NFC makes one), \r\n line ends.
def unicode_text():
    reset("unicode")
    style = "upper"
    text = ("I: Hoe was het feest? 👩\u200d👩\u200d👧\r\nR: Geweldig 🇳🇱 iedereen kwam, ook de cafe\u0301baas.\r\n"
            "I: En daarna?\r\nR: Ope\u0301n gesprek met de buren 😀 heel fijn.\r\n")
    codes = [("Thema", None, None, True, [("Feest", None, None, True, []), ("Buren", None, None, True, []), ("Cafe", None, None, True, [])])]
    key = guid("source:unicode")
    write(f"unicode/sources/{key}.txt", text.encode("utf-8"))
    selections = (selection_xml("u", text, "iedereen kwam", "Feest", "Eva", style)
                  + selection_xml("u", text, "cafe\u0301baas", "Cafe", "Eva", style)
                  + selection_xml("u", text, "gesprek met de buren 😀 heel fijn.", "Buren", "Eva", style)
                  # Ends between the e and its accent: the import widens it to the whole é.
                  + selection_xml("u", text, "Ope", "Feest", "Eva", style, key="inside"))
    qde = ('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Unicode" origin="handwerk">'
           + users_xml(["Eva"], style) + "<CodeBook><Codes>" + codes_xml(codes, style) + "</Codes></CodeBook><Sources>"
           f'<TextSource guid="{key}" name="feest" plainTextPath="internal://{key}.txt">{selections}</TextSource>'
           "</Sources></Project>\n")
    write("unicode/project.qde", qde)


# What goes wrong: a selection outside its text, a coding of a code that is not in the codebook, two codes and
# two selections with one GUID, a source whose file is not in the archive, one outside it; the rest is fine.
def bad():
    reset("bad")
    style = "upper"
    text = "I: Vraag?\nR: Antwoord een.\nI: Nog een vraag?\nR: Antwoord twee.\n"
    key = guid("source:goed")
    write(f"bad/sources/{key}.txt", text.encode("utf-8"))
    codes_part = (f'<Code guid="{guid("code:A")}" name="A" isCodable="true"/>'
                  f'<Code guid="{guid("code:B")}" name="B" isCodable="true"/>'
                  f'<Code guid="{guid("code:A")}" name="A bis" isCodable="true"/>')
    good_one = selection_xml("g", text, "Antwoord een.", "A", "Ria", style)
    good_two = selection_xml("g", text, "Antwoord twee.", "B", "Ria", style)
    duplicate = good_two  # the same selection, GUID and all, a second time
    outside = (f'<PlainTextSelection guid="{guid("outside")}" startPosition="50" endPosition="500" creatingUser="{guid("user:Ria")}">'
               f'<Coding guid="{guid("coding:outside")}" creatingUser="{guid("user:Ria")}"><CodeRef targetGUID="{guid("code:A")}"/></Coding>'
               "</PlainTextSelection>")
    start, end = span(text, "Antwoord een.")
    missing = (f'<PlainTextSelection guid="{guid("missing-code")}" startPosition="{start}" endPosition="{end}" creatingUser="{guid("user:Ria")}">'
               f'<Coding guid="{guid("coding:missing")}" creatingUser="{guid("user:Ria")}"><CodeRef targetGUID="{guid("code:weg")}"/></Coding>'
               "</PlainTextSelection>")
    sources = (f'<TextSource guid="{key}" name="goed" plainTextPath="internal://{key}.txt">'
               + good_one + good_two + duplicate + outside + missing + "</TextSource>"
               f'<TextSource guid="{guid("source:kwijt")}" name="kwijt" plainTextPath="internal://{guid("source:kwijt")}.txt"/>'
               f'<TextSource guid="{guid("source:buiten")}" name="buiten" plainTextPath="absolute:///etc/passwd"/>'
               f'<TextSource guid="{key}" name="tweede met dezelfde GUID" plainTextPath="internal://{key}.txt"/>')
    qde = ('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Fouten" origin="handwerk">'
           + users_xml(["Ria"], style) + "<CodeBook><Codes>" + codes_part + "</Codes></CodeBook><Sources>" + sources
           + "</Sources></Project>\n")
    write("bad/project.qde", qde)


if __name__ == "__main__":
    for make in [maxqda, nvivo, atlas, taguette, qualcoder, aqda, qc, unicode_text, bad]:
        make()
