#!/usr/bin/env bash
# Fuzzes Codeboom's readers with libFuzzer (which ships with the Swift toolchain).
#
#   Scripts/fuzz.sh TARGET SECONDS         build TARGET for fuzzing and fuzz it for SECONDS
#   Scripts/fuzz.sh all SECONDS            every target in turn, SECONDS each
#   Scripts/fuzz.sh minimize TARGET FILE   shrink a crashing input (written beside it as FILE.min)
#   Scripts/fuzz.sh replay TARGET PATH…    run saved inputs (files or folders) through the fuzz build, once each
#
# TARGET: codebook, transcript, csv, archive (ZIP, .docx, .odt), subtitles (.vtt, .srt) or import (.qdpx, .qdc).
#
# Environment:
#   FUZZ_SANITIZERS   fuzzer (default: fastest) or fuzzer,address (AddressSanitizer; about 3x slower)
#   FUZZ_CONFIGURATION release (default) or debug (debug + ASan is about 12x slower than the default)
#   FUZZ_RUNS         stop after this many executions, even before SECONDS (e.g. 1000000)
#   FUZZ_MAX_LEN      largest input in bytes (default per target, see max_len below)
#   FUZZ_KEEP_GOING=1 keep fuzzing after a finding (libFuzzer's fork mode), saving each one
#   FUZZ_ARGS         more libFuzzer flags, e.g. "-use_value_profile=1"
#
# Everything it writes is under .build-fuzz/ (ignored by git):
#   .build-fuzz/work/TARGET/seeds     rebuilt on every run from the example study, Tests/…/Fixtures and Fuzz/Seeds/TARGET
#   .build-fuzz/work/TARGET/corpus    what libFuzzer learned, kept between runs
#   .build-fuzz/work/TARGET/findings  crash-…, timeout-…, oom-… inputs: each becomes a regression test
#   .build-fuzz/work/runs.tsv         one line per run: time, target, sanitizers, seconds, executions, exec/s, findings,
#                                     then libFuzzer's last coverage (edges, features) and the corpus (inputs, size)
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(codebook transcript csv archive subtitles import)
sanitizers=${FUZZ_SANITIZERS:-fuzzer}
configuration=${FUZZ_CONFIGURATION:-release}
scratch=.build-fuzz/$configuration-${sanitizers//,/-}
# The same input takes the same path on every run: Swift seeds its hashing (dictionary order) per process otherwise.
export SWIFT_DETERMINISTIC_HASHING=1
work=.build-fuzz/work
fixtures=Tests/CodeboomTests/Fixtures

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 64
}

product() {
    case $1 in
        codebook) echo FuzzCodebook ;;
        transcript) echo FuzzTranscript ;;
        csv) echo FuzzCSV ;;
        archive) echo FuzzArchive ;;
        subtitles) echo FuzzSubtitles ;;
        import) echo FuzzImport ;;
        *) echo "unknown target \"$1\" — use one of: ${targets[*]}" >&2; exit 64 ;;
    esac
}

# The largest input: small inputs keep executions fast. A codebook compiles its keyword rules on every
# input, the slowest step per byte; archives need room for an XML part.
max_len() {
    case $1 in
        codebook) echo "${FUZZ_MAX_LEN:-2048}" ;;
        archive|import) echo "${FUZZ_MAX_LEN:-8192}" ;;
        *) echo "${FUZZ_MAX_LEN:-4096}" ;;
    esac
}

build() {
    local name; name=$(product "$1")
    # CODEBOOM_FUZZ=1 adds the Fuzz… executables to the package; -DFUZZING makes FuzzHarness hand control to
    # libFuzzer; lld, because gold cannot link ASan's Swift objects.
    if ! CODEBOOM_FUZZ=1 swift build --scratch-path "$scratch" -c "$configuration" --product "$name" \
        -Xswiftc "-sanitize=$sanitizers" -Xswiftc -DFUZZING -Xswiftc -use-ld=lld > "$work/build-$1.log" 2>&1; then
        tail -30 "$work/build-$1.log" >&2
        echo "error: building $name for fuzzing failed (log: $work/build-$1.log)" >&2
        exit 1
    fi
    echo "$scratch/$configuration/$name"
}

# A seed's name: its path with / as _, so files of the same name in different folders stay apart.
seed_name() {
    local path=${1#./}
    echo "${path//\//_}"
}

# Text seeds longer than the input limit are cut at line ends, so later parts of a transcript are seeds too.
add_text() {
    local into=$1 file=$2 limit=$3 name
    name=$(seed_name "$file")
    if [ "$(wc -c < "$file")" -le "$limit" ]; then
        cp "$file" "$into/$name"
    else
        split -C "$limit" -d -a 3 "$file" "$into/$name."
    fi
}

# A seed with the selector byte that the target reads first.
add_selected() {
    local into=$1 selector=$2 file=$3
    { printf "\\x$selector"; cat "$file"; } > "$into/$selector-$(seed_name "$file")"
}

# The parts of a document packed as FuzzTarget.ArchiveKind 3 and 4 read them: 0xFF between parts.
add_packed() {
    local into=$1 selector=$2 file=$3; shift 3
    local part first=1
    command -v unzip > /dev/null || return 0
    {
        printf "\\x$selector"
        for part in "$@"; do
            [ $first = 1 ] || printf '\xff'
            first=0
            unzip -p "$file" "$part" 2> /dev/null || true
        done
    } > "$into/$selector-packed-$(seed_name "$file")"
}

# CSV seeds: the selector follows the file's name (FuzzTarget.CSVKind, which FuzzSeedReplayTests uses).
csv_selector() {
    case $(basename "$1") in
        respondenten*) echo 02 ;;
        documenten*) echo 03 ;;
        pseudoniemen*) echo 04 ;;
        *) [[ $1 == */codings/* || $(basename "$1") == sidecar* ]] && echo 01 || echo 00 ;;
    esac
}

# The example study's and the test fixtures' files of a kind, then the hand-made seeds of a target.
study_files() {
    find Codebooks Corpus "$fixtures" -type f "$@" | sort
}

seed() {
    local target=$1 into=$work/$1/seeds limit file
    limit=$(max_len "$target")
    rm -rf "$into" && mkdir -p "$into"
    shopt -s nullglob
    case $target in
        codebook)
            for file in $(study_files -path '*Codebooks/*.md') Fuzz/Seeds/codebook/*; do add_text "$into" "$file" "$limit"; done ;;
        transcript)
            for file in $(study_files \( -name '*.txt' -o -name '*.md' \) ! -path '*Codebooks/*' ! -name README.md) Fuzz/Seeds/transcript/*; do
                add_text "$into" "$file" "$limit"
            done ;;
        csv)
            for file in $(study_files -name '*.csv'); do
                add_selected "$into" "$(csv_selector "$file")" "$file"
                add_selected "$into" 00 "$file"
            done
            for file in Fuzz/Seeds/csv/*; do add_selected "$into" "$(csv_selector "$file")" "$file"; done ;;
        archive)
            for file in $(study_files -name '*.docx'); do
                add_selected "$into" 00 "$file"
                add_selected "$into" 01 "$file"
                add_packed "$into" 03 "$file" word/document.xml word/comments.xml word/_rels/document.xml.rels _rels/.rels
            done
            for file in $(study_files -name '*.odt'); do
                add_selected "$into" 02 "$file"
                add_packed "$into" 04 "$file" content.xml
            done ;;
        subtitles)
            for file in $(study_files \( -name '*.vtt' -o -name '*.srt' \)) Fuzz/Seeds/subtitles/*; do add_text "$into" "$file" "$limit"; done ;;
        import)
            # As FuzzTarget.ImportKind reads them: 00 a .qdpx, 01 project.qde and its texts (0xFF between them,
            # in the order the project names them), 02 a .qdc.
            for file in "$fixtures"/refi/*.qdc Fuzz/Seeds/import/*; do add_selected "$into" 02 "$file"; done
            for folder in "$fixtures"/refi/*/; do
                local name; name=$(basename "$folder")
                { printf '\x00'; (cd "$folder" && zip -q -r -X - .); } > "$into/00-refi-$name"
                python3 - "$folder" > "$into/01-refi-$name" <<'PYTHON'
import os, re, sys
folder = sys.argv[1]
project = open(os.path.join(folder, "project.qde"), "rb").read()
parts, seen = [project], set()
for name in re.findall(rb"internal://([^\"'<]+)", project):
    if name in seen:
        continue
    seen.add(name)
    paths = [os.path.join(folder, "sources", name.decode()), os.path.join(folder, "Sources", name.decode())]
    parts.append(next((open(p, "rb").read() for p in paths if os.path.isfile(p)), b""))
sys.stdout.buffer.write(b"\x01" + b"\xff".join(parts))
PYTHON
            done ;;
    esac
}

# A target writes each input to /dev/shm/codeboom-fuzz-PID (or the temp folder) and removes it on exit;
# a crashed process cannot, so its folder goes here.
remove_stale_inputs() {
    local folder
    # Only the targets' own folders (codeboom-fuzz-PID), and only when that process is gone.
    for folder in /dev/shm/codeboom-fuzz-* "${TMPDIR:-/tmp}"/codeboom-fuzz-*; do
        [[ -d $folder && ${folder##*-} =~ ^[0-9]+$ ]] && ! kill -0 "${folder##*-}" 2> /dev/null && rm -rf "$folder"
    done
    return 0
}

dictionary() {
    [ -f "Fuzz/Dictionaries/$1.dict" ] && echo "-dict=Fuzz/Dictionaries/$1.dict" || true
}

fuzz() {
    local target=$1 seconds=$2 binary log findings before after
    mkdir -p "$work/$target/corpus" "$work/$target/findings"
    binary=$(build "$target")
    seed "$target"
    log=$work/$target/last.log
    findings=$work/$target/findings
    before=$(find "$findings" -type f ! -name '*.min' | wc -l)
    local flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$target")"
                 -artifact_prefix="$findings/" -print_final_stats=1 $(dictionary "$target"))
    [ -n "${FUZZ_RUNS:-}" ] && flags+=(-runs="$FUZZ_RUNS")
    [ "${FUZZ_KEEP_GOING:-}" = 1 ] && flags+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    echo "fuzzing $target for ${seconds}s ($sanitizers, $configuration) — log: $log" >&2
    # Swift programs keep much of their runtime data reachable only from globals: leak reports would be noise.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$binary" "${flags[@]}" ${FUZZ_ARGS:-} \
        "$work/$target/corpus" "$work/$target/seeds" > "$log" 2>&1 || true
    after=$(find "$findings" -type f ! -name '*.min' | wc -l)
    remove_stale_inputs
    local executions rate
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if [ -z "$executions" ]; then
        # Fork mode prints no final stats; its last status line has the count.
        executions=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
        rate=$(( ${executions:-0} / (seconds > 0 ? seconds : 1) ))
    fi
    local coverage corpus
    coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | sed 's/cov: \([0-9]*\) ft: \([0-9]*\)/\1 edges, \2 features/')
    corpus=$(grep -oE 'corp: [0-9]+/[0-9]+[bKM]?b' "$log" | tail -1 | sed 's/corp: //')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$sanitizers/$configuration" "$seconds" \
        "${executions:-0}" "${rate:-0}" "$((after - before))" "${coverage:-?}" "${corpus:-?}" >> "$work/runs.tsv"
    echo "$target: ${executions:-0} executions, ${rate:-0} exec/s, coverage ${coverage:-?}, corpus ${corpus:-?}, $((after - before)) new finding(s) in $findings" >&2
    if [ "$after" -gt "$before" ]; then
        grep -E 'ERROR: libFuzzer|Fatal error|fuzz invariant|SUMMARY|Test unit written' "$log" | head -10 >&2 || true
        return 1
    fi
}

[ $# -ge 1 ] || usage
mkdir -p "$work"
case $1 in
    all)
        [ $# -eq 2 ] || usage
        status=0
        for target in "${targets[@]}"; do fuzz "$target" "$2" || status=1; done
        exit $status ;;
    minimize)
        [ $# -eq 3 ] || usage
        binary=$(build "$2")
        mkdir -p "$work/$2"
        "$binary" -minimize_crash=1 -max_total_time=120 -timeout=10 -rss_limit_mb=2048 \
            -exact_artifact_path="$3.min" "$3" > "$work/$2/minimize.log" 2>&1 || true
        [ -f "$3.min" ] && { echo "$3.min: $(wc -c < "$3.min") bytes"; od -c "$3.min" | head -20; } \
            || { echo "error: could not minimize (log: $work/$2/minimize.log)" >&2; exit 1; } ;;
    replay)
        [ $# -ge 3 ] || usage
        binary=$(build "$2")
        shift 2
        # -runs=0: a folder is run input by input, not fuzzed.
        ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$binary" -runs=0 -timeout=10 -rss_limit_mb=2048 "$@" ;;
    *)
        [ $# -eq 2 ] || usage
        product "$1" > /dev/null
        fuzz "$1" "$2" ;;
esac
