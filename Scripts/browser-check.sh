#!/usr/bin/env bash
# Browser check of the report (issue 16): headless Chromium loads rapport.html of the example study and of the
# escaping fixture, and one SVG chart, and fails on any console error, exception or attempt to load something
# from elsewhere (Scripts/browser-check.py, through the DevTools protocol). A self-test page with a blocked
# image and a console error must be caught first, so the check cannot pass by seeing nothing. Screenshots of
# the overview, of one theme's quotes and of a chart go to docs/screenshots/.
# Skips (exit 0) when Chromium is not installed. Usage: Scripts/browser-check.sh [CODEBOOM-BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
chromium="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium" ]; then
  echo "browser-check: skipped — Chromium is not installed (Debian: apt-get install chromium)"
  exit 0
fi
codeboom="${1:-}"
if [ -z "$codeboom" ]; then
  swift build --product codeboom > /dev/null
  codeboom="$PWD/.build/debug/codeboom"
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$codeboom" report --project Tests/CodeboomTests/Fixtures/escaping-study --out "$scratch/escaping" > /dev/null
cat > "$scratch/self-test.html" <<'HTML'
<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'">
<title>zelftest</title></head><body><img src="https://example.org/extern.png" alt="">
<script>console.error("zelftest: deze fout moet gevonden worden");</script></body></html>
HTML
report="file://$PWD/Reports/rapport.html"
mkdir -p docs/screenshots
# The filter hides a perspective's quotes and shows them again; the skip link is the first thing Tab reaches.
filter="(function(){var b=document.querySelector('input[value=p-client]'); if(!b){return false;} b.click();
 var hidden=Array.prototype.every.call(document.querySelectorAll('.perspective-quotes.p-client'),function(e){return getComputedStyle(e).display==='none';});
 b.click(); var shown=Array.prototype.every.call(document.querySelectorAll('.perspective-quotes.p-client'),function(e){return getComputedStyle(e).display!=='none';});
 return hidden && shown && document.querySelectorAll('.perspective-quotes.p-client').length>0;})()"
skip="document.querySelector('a[href],input,summary,button')===document.querySelector('a.skip')"
python3 Scripts/browser-check.py "$chromium" \
  "$(python3 -c 'import json,sys; print(json.dumps({"url": sys.argv[1], "expect_errors": True}))' "file://$scratch/self-test.html")" \
  "$(python3 -c 'import json,sys; print(json.dumps({"url": sys.argv[1], "width": 1100, "height": 900, "scripts": 1,
      "expect_text": ["Tabel met resultaten", "Citaten per thema", "Overeenstemming tussen codeurs"],
      "expect_true": [sys.argv[2], sys.argv[3]],
      "shots": [{"file": "docs/screenshots/rapport-overzicht.png"},
                {"file": "docs/screenshots/rapport-citaten.png", "selector": "#thema-juiste-match", "max_height": 1100}]}))' \
      "$report" "$filter" "$skip")" \
  "$(python3 -c 'import json,sys; print(json.dumps({"url": sys.argv[1], "scripts": 1,
      "expect_text": ["<script>alert(\u2018x\u2019)</script> en </table></td> & ook &amp;", "<img src=x onerror=alert(2)>"]}))' \
      "file://$scratch/escaping/rapport.html")" \
  "$(python3 -c 'import json,sys; print(json.dumps({"url": sys.argv[1], "width": 700, "height": 900, "scripts": 0,
      "shots": [{"file": "docs/screenshots/figuur-deelvraag-1.png", "full": True}]}))' "file://$PWD/Reports/figuren/deelvraag-1.svg")"
