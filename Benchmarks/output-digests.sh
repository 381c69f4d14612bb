#!/usr/bin/env bash
# The MD5 of what every command writes (standard output, standard error and exit status; the pages
# and codings files it writes) on a project, for a before/after check that a speed change left
# every output byte-identical: run it with the old and the new binary and compare the two lists.
# The project is copied first, so `autocode` writes into the copy, never into the project.
# Usage: Benchmarks/output-digests.sh CODEBOOM PROJECT CODER OTHER_CODER DOCUMENT
# CODER is the one `freq` and `report` count; `agree` and `autocode --evaluate` compare a fresh
# auto-coding with OTHER_CODER.
#   example study: Benchmarks/output-digests.sh .build/release/codeboom . TS TS interview-01
#   bench corpus:  Benchmarks/output-digests.sh .build/release/codeboom $TMPDIR/codeboom-bench-10000 auto inline interview-500
set -uo pipefail
codeboom="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
source="$2" coder="$3" other="$4" document="$5"
work="$(mktemp -d "${TMPDIR:-/tmp}/codeboom-digests.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/project"
cp -r "$source/Codebooks" "$source/Corpus" "$work/project/"
project="$work/project"

digest() {  # name, then the command: its output, errors and status, digested together
    local name="$1"; shift
    local out; out="$({ "$@" 2>&1; echo "exit $?"; } | md5sum | cut -d' ' -f1)"
    printf '%-40s %s\n' "$name" "$out"
}
folder_digest() {  # name, folder: every file's name and bytes, in name order
    printf '%-40s %s\n' "$1" "$(cd "$2" && find . -type f ! -name '.codeboom-manifest*' | LC_ALL=C sort | xargs md5sum | md5sum | cut -d' ' -f1)"
}

cd "$project"
# Auto-coding first, into a coder of its own, which `agree` then compares with OTHER_CODER.
digest "autocode (stdout)" "$codeboom" autocode --coder digest
digest "autocode (codings)" cat Corpus/codings/digest.csv
digest "autocode --evaluate" "$codeboom" autocode --evaluate --against "$other"
digest check "$codeboom" check
for format in csv json md; do digest "freq $format" "$codeboom" freq --coder "$coder" --format "$format"; done
# A relative --out, so the paths it prints are the same in every run.
digest "report (stdout)" "$codeboom" report --coder "$coder" --out ../report
folder_digest "report (pages)" "$work/report"
for format in csv json md; do digest "agree $format" "$codeboom" agree --coders "digest,$other" --format "$format"; done
digest "agree md --disagreements" "$codeboom" agree --coders "digest,$other" --disagreements
digest "agree --unit document" "$codeboom" agree --coders "digest,$other" --unit document
digest "segments $document" "$codeboom" segments "$document"
digest "segments $document tsv" "$codeboom" segments "$document" --format tsv
digest "search" "$codeboom" search 'gewoon' 'werk*' '"een van"'
digest "search csv" "$codeboom" search 'gewoon' 'werk*' --format csv
