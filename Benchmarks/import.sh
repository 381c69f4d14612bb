#!/usr/bin/env bash
# `codeboom import` of the .qdpx that `codeboom export --qdpx` writes of the synthetic project of N transcripts
# of ~20 KB with the auto codings of its 250 keyword terms (10,000 transcripts: 197 MB, 364k codings), timed
# against `unzip -q` of the same archive in one run, with peak memory (GNU time). The project and the archive
# are kept in $TMPDIR for a second run.
# Usage: [RUNS=3] [OTHER=path/to/codeboom] Benchmarks/import.sh [N]   (default 10000)
# OTHER: a second build (say, of the main branch) whose import is timed in the same turns, for before/after;
# OTHER_ARGS: options for it (an older build needs --max-archive-size 400 for the 10,000-transcript archive).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product codeboom
swift build -c release --product codeboom-bench
documents="${1:-10000}"
project="${TMPDIR:-/tmp}/codeboom-bench-$documents"
archive="${TMPDIR:-/tmp}/codeboom-bench-$documents.qdpx"
if [ ! -f "$archive" ]; then
    .build/release/codeboom-bench --documents "$documents" --keep --parse-only > /dev/null
    [ -f "$project/Corpus/codings/auto.csv" ] || .build/release/codeboom autocode --project "$project" | head -1
    .build/release/codeboom export --qdpx "$archive" --project "$project"
fi
python3 Benchmarks/import.py "$archive" "$project" "${RUNS:-3}" "$PWD/.build/release/codeboom" ${OTHER:+"$OTHER"}
