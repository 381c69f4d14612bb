#!/usr/bin/env bash
# Reading one large .docx: generates a project whose only transcript is a .docx with a word/document.xml
# of SIZE MB in Word's own markup (rsids, run properties, one line), then measures in one run
#   unzip -p FILE word/document.xml > /dev/null    (the baseline: inflating the part)
#   codeboom segments big --project DIR            (inflate, parse the XML, walk, parse the transcript)
# with GNU time (wall clock and peak RSS), RUNS times each in turns.
# Usage: [RUNS=3] Benchmarks/large-docx.sh [SIZE] (default 50).
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-50}"
runs="${RUNS:-3}"
swift build -c release --product codeboom >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Corpus" "$work/Codebooks"
printf '# Bench\n## Thema {#thema}\n### Klik {#klik}\n' > "$work/Codebooks/bench.md"
printf 'document,type,perspectief,respondent\nbig,interview,vrijwilliger,V1\n' > "$work/Corpus/documenten.csv"
python3 - "$size" "$work/Corpus/big.docx" <<'PY'
import random, sys, zipfile
size, out = float(sys.argv[1]) * 1_000_000, sys.argv[2]
random.seed(7)
words = ("nou ja de vrijwilliger kwam elke week langs en dat klikte meteen want we hadden allebei een volkstuin "
         "in De Hoven coördinator cliënt").split()
parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document '
         'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>']
total, n = len(parts[0]), 0
while total < size:
    text = " ".join(random.choice(words) for _ in range(40))
    p = (f'<w:p w:rsidR="00A1{n % 10000:04d}" w:rsidRDefault="00B2C3D4" w:rsidP="00E5F6A7"><w:pPr><w:spacing w:after="120"/>'
         f'</w:pPr><w:r w:rsidRPr="00C1D2E3"><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/></w:rPr>'
         f'<w:t xml:space="preserve">{"IR"[n % 2]}: {text} &amp; meer</w:t></w:r></w:p>')
    parts.append(p)
    total += len(p.encode())
    n += 1
parts.append('<w:sectPr/></w:body></w:document>')
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as archive:
    archive.writestr('word/document.xml', ''.join(parts))
print(f"{out}: word/document.xml {total / 1e6:.1f} MB, {n} paragraphs")
PY
measure() {
    /usr/bin/time -f '%e s, %M KB peak RSS' "$@" 2>&1 >/dev/null | tail -1
}
for run in $(seq "$runs"); do
    echo "run $run: unzip -p:          $(measure unzip -p "$work/Corpus/big.docx" word/document.xml)"
    echo "run $run: codeboom segments: $(measure .build/release/codeboom segments big --project "$work")"
done
