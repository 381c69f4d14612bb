#!/usr/bin/env bash
# `report` with its charts, rapport.html and rapport.docx against `report` with the Markdown pages only
# (CODEBOOM_REPORT_PAGES_ONLY=1), on N synthetic transcripts of ~20 KB with their auto codings (the corpus of
# Benchmarks/whole-project.sh, kept in $TMPDIR/codeboom-bench-N), in one hyperfine run, with peak memory.
# Reports go to a scratch folder, never into the corpus. Usage: [RUNS=5] Benchmarks/report-outputs.sh [N]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product codeboom
swift build -c release --product codeboom-bench
documents="${1:-10000}"
project="${TMPDIR:-/tmp}/codeboom-bench-$documents"
[ -f "$project/Corpus/codings/auto.csv" ] || {
  .build/release/codeboom-bench --documents "$documents" --keep --parse-only > /dev/null
  .build/release/codeboom autocode --project "$project" | head -1
}
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
binary="$PWD/.build/release/codeboom"
hyperfine -w 1 -r "${RUNS:-5}" -N \
  "env CODEBOOM_REPORT_PAGES_ONLY=1 $binary report --project $project --coder auto --out $scratch/pages --force" \
  "$binary report --project $project --coder auto --out $scratch/all --force"
for mode in pages all; do
  if [ "$mode" = pages ]; then export CODEBOOM_REPORT_PAGES_ONLY=1; else unset CODEBOOM_REPORT_PAGES_ONLY; fi
  /usr/bin/time -v "$binary" report --project "$project" --coder auto --out "$scratch/$mode" --force 2>&1 >/dev/null \
    | sed -n "s/Maximum resident set size (kbytes): /$mode: peak memory (kB) /p"
done
