#!/usr/bin/env bash
# Every command on a synthetic project of N transcripts of ~20 KB with the auto codings of its
# 250 keyword terms (10,000 transcripts: 197 MB, 364k codings), timed against ripgrep on the same
# files in one run, with peak memory (GNU time). BASELINE=path/to/another/codeboom times that
# build too, in the same turns. The corpus is kept in $TMPDIR/codeboom-bench-N for a second run.
# Usage: [RUNS=3] [BASELINE=…] Benchmarks/whole-project.sh [N]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product codeboom
swift build -c release --product codeboom-bench
documents="${1:-10000}"
project="${TMPDIR:-/tmp}/codeboom-bench-$documents"
.build/release/codeboom-bench --documents "$documents" --keep --parse-only > /dev/null
.build/release/codeboom autocode --project "$project" | head -1
python3 Benchmarks/whole-project.py "$project" "${RUNS:-3}" "$PWD/.build/release/codeboom" ${BASELINE:+"$BASELINE"}
