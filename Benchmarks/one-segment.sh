#!/usr/bin/env bash
# Search and autocode on one huge segment (a transcript without speaker turns or blank lines):
# times at WORDS, 2 × WORDS and 4 × WORDS words (they should double, not quadruple), and
# autocode's peak memory on one line of MEGABYTES (a hit in every word).
# Usage: [RUNS=3] Benchmarks/one-segment.sh [WORDS] [MEGABYTES]   (defaults 47000 and 50)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product codeboom
swift build -c release --product codeboom-bench
.build/release/codeboom-bench --single-segment "${1:-47000}" --runs "${RUNS:-3}"
.build/release/codeboom-bench --long-line "${2:-50}"
