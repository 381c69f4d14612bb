#!/usr/bin/env bash
# Benchmarks on a synthetic corpus: N interview transcripts of ~20 KB and a codebook of K terms
# (codes × terms per code). Times codeboom autocode, freq and search against ripgrep on the same
# files, in one run (each command RUNS times in turns, default 5; medians), and prints ratios.
# Usage: [RUNS=5] Benchmarks/run.sh [N] (default 10000).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rg >/dev/null || { apt-get update -qq && apt-get install -y -qq ripgrep; }
swift build -c release --product codeboom
swift build -c release --product codeboom-bench
.build/release/codeboom-bench --documents "${1:-10000}" --kilobytes 20 --codes 25 --terms 10 --commands --runs "${RUNS:-5}"
