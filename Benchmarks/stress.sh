#!/usr/bin/env bash
# Inputs that used to take quadratic time in `codeboom check`, timed in a release build against a
# baseline in the same run: the same command on the same project without what makes it large, or
# ripgrep reading the same file. Prints median wall and CPU seconds of RUNS runs (default 5), the
# ratio of CPU time to the baseline's, and peak memory (GNU time).
# Usage: [RUNS=5] [CODEBOOM=other/build/codeboom] [TIMEOUT=seconds] Benchmarks/stress.sh [SCALE]
# SCALE 1 (default) is the size of the issue reports: a 50,000-category codebook, a 680 KB transcript
# full of unknown tags, 10,000 typo tags against 50,000 numbered codes, a focus group of 20,000
# distinct speakers, and the same with a respondenten.csv row for each. CODEBOOM measures another
# build (before/after); TIMEOUT stops a run that takes longer.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product codeboom
exec python3 Benchmarks/stress.py "${1:-1}"
