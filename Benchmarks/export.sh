#!/usr/bin/env bash
# `codeboom export --qdpx` against `zip -q -r -1` of the same files (the transcripts and the codings files) in
# one run, on the synthetic project of Benchmarks/whole-project.sh: N transcripts of ~20 KB with the auto
# codings of 250 keyword terms (10,000 transcripts: 197 MB, 364k codings). Each program runs RUNS times
# (default 3) in turns; the median wall time counts, with peak memory (GNU time's %M, the largest run)
# against the size of the transcripts, and the median CPU time (user + system), which a machine shared
# with other work changes less than the wall time. The corpus is kept in $TMPDIR/codeboom-bench-N for a second run.
# Usage: [RUNS=3] Benchmarks/export.sh [N]   (default 10000; on the shared machine while developing: 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product codeboom >/dev/null
swift build -c release --product codeboom-bench >/dev/null
documents="${1:-10000}"
root="${TMPDIR:-/tmp}"
project="${root%/}/codeboom-bench-$documents"
.build/release/codeboom-bench --documents "$documents" --keep --parse-only > /dev/null
[ -f "$project/Corpus/codings/auto.csv" ] || .build/release/codeboom autocode --project "$project" | head -1
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
python3 - "$project" "${RUNS:-3}" "$PWD/.build/release/codeboom" "$out" <<'PY'
import os, statistics, subprocess, sys
project, runs, codeboom, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
jobs = [
    ("zip -q -r -1", ["zip", "-q", "-r", "-1", os.path.join(out, "corpus.zip"), "Corpus"], project),
    ("export --qdpx", [codeboom, "export", "--qdpx", os.path.join(out, "project.qdpx"), "--force", "--project", project], None),
]
results = {name: [] for name, _, _ in jobs}
for _ in range(runs):
    for name, argv, cwd in jobs:
        # zip adds to an existing archive: each run starts from none.
        if name.startswith("zip") and os.path.exists(os.path.join(out, "corpus.zip")): os.remove(os.path.join(out, "corpus.zip"))
        run = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0: sys.exit(f"{name} failed:\n{run.stderr}")
        seconds, user, system, kilobytes = run.stderr.strip().splitlines()[-1].split()
        results[name].append((float(seconds), int(kilobytes) / 1024, float(user) + float(system)))
corpus = os.path.join(project, "Corpus")
megabytes = sum(os.path.getsize(os.path.join(corpus, name)) for name in os.listdir(corpus) if name.endswith(".txt")) / 1_048_576
sizes = {name: os.path.getsize(os.path.join(out, file)) / 1_048_576 for name, file in (("zip -q -r -1", "corpus.zip"), ("export --qdpx", "project.qdpx"))}
baseline = statistics.median(seconds for seconds, _, _ in results["zip -q -r -1"])
baseline_cpu = statistics.median(cpu for _, _, cpu in results["zip -q -r -1"])
print(f"transcripts: {megabytes:.0f} MB; median wall time of {runs} runs in turns, peak memory the largest of them")
for name, _, _ in jobs:
    seconds = statistics.median(value for value, _, _ in results[name])
    peak = max(value for _, value, _ in results[name])
    cpu = statistics.median(value for _, _, value in results[name])
    every = ", ".join(f"{value:.2f}" for value, _, _ in results[name])
    print(f"{name:16s} {seconds:6.2f} s = {seconds / baseline:4.2f}× zip   CPU {cpu:6.2f} s = {cpu / baseline_cpu:4.2f}× zip   "
          f"{peak:6.0f} MB = {peak / megabytes:4.2f}× corpus   archive {sizes[name]:5.1f} MB   ({every})")
PY
