#!/usr/bin/env python3
"""Makes the coding-sheet fixtures as a coder would: `codeboom sheet` writes blank sheets for the
mini-study, python-docx fills their codes and memo cells the way Word does when a coder types
(a new paragraph for Enter, commas between codes), and LibreOffice opens and saves one of them
again, as a coder working in LibreOffice would.

    Tests/CodeboomTests/Fixtures/coding-sheets/make-sheets.py .build/debug/codeboom

writes, beside this script:
  K-interview-a.docx               filled with python-docx (ids, labels, a new paragraph, commas, a memo)
  L-interview-b.docx               filled with python-docx, with a mistyped code (`agendaduk`)
  libreoffice/K-interview-a.docx   K-interview-a.docx opened and saved by LibreOffice (soffice --convert-to docx)
"""
import os
import shutil
import subprocess
import sys
import tempfile

import docx

here = os.path.dirname(os.path.abspath(__file__))
mini_study = os.path.join(here, "..", "mini-study")
binary = os.path.abspath(sys.argv[1])


def blank_sheet(study, document, coder):
    subprocess.run([binary, "sheet", document, "--coder", coder, "--project", study], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(study, "Corpus", "codings", f"{coder}-{document}.docx")


def fill(path, cells, out):
    """cells: segment number -> (list of paragraphs for the codes cell, memo or None)."""
    sheet = docx.Document(path)
    table = sheet.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    codes_column, memo_column = header.index("codes"), header.index("memo")
    for row in table.rows[1:]:
        number = int(row.cells[0].text)
        if number not in cells:
            continue
        paragraphs, memo = cells[number]
        codes = row.cells[codes_column]
        # As typed in Word: the first paragraph is the cell's own, Enter starts the next one.
        codes.paragraphs[0].text = paragraphs[0]
        for paragraph in paragraphs[1:]:
            codes.add_paragraph(paragraph)
        if memo:
            row.cells[memo_column].paragraphs[0].text = memo
    sheet.save(out)


with tempfile.TemporaryDirectory() as scratch:
    study = os.path.join(scratch, "study")
    shutil.copytree(mini_study, study)
    # interview-a: §2 R (klik by id, with a memo), §4 R (two labels, each on its own line), §6 R (two ids with a comma).
    fill(blank_sheet(study, "interview-a", "K"), {
        2: (["klik"], "mooi voorbeeld van een klik"),
        4: (["Korte lijnen", "Snel antwoord"], None),
        6: (["agendadruk, klik"], None),
    }, os.path.join(here, "K-interview-a.docx"))
    # interview-b: §2 R mistyped, §4 R a label in another case with a leading #.
    fill(blank_sheet(study, "interview-b", "L"), {
        2: (["agendaduk"], None),
        4: (["#een goede klik"], None),
    }, os.path.join(here, "L-interview-b.docx"))
    os.makedirs(os.path.join(here, "libreoffice"), exist_ok=True)
    converted = os.path.join(scratch, "converted")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{scratch}/profile", "--convert-to", "docx",
                    "--outdir", converted, os.path.join(here, "K-interview-a.docx")], check=True, stdout=subprocess.DEVNULL, timeout=180)
    shutil.copy(os.path.join(converted, "K-interview-a.docx"), os.path.join(here, "libreoffice", "K-interview-a.docx"))
