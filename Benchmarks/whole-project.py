#!/usr/bin/env python3
"""Times the commands on a synthetic project against ripgrep on the same files, in one run.

Usage: whole-project.py PROJECT RUNS BINARY [BASELINE_BINARY]

Each command runs RUNS times in turns (run k of every command before run k + 1 of any); the
median wall time counts, as a ratio to ripgrep's, with the peak resident memory (GNU time's
%M, the largest of the runs) against the size of the transcripts. With BASELINE_BINARY (another
build of codeboom), every command is also timed with it, for a before/after in the same run.
"""
import os, statistics, subprocess, sys

project, runs, binary = sys.argv[1], int(sys.argv[2]), sys.argv[3]
baseline = sys.argv[4] if len(sys.argv) > 4 else None
report_folder = os.path.join(project, "..", os.path.basename(project) + "-report")

def commands(codeboom, is_baseline=False):
    # A build from before `--force` (issue 12) refuses it: the baseline writes to a folder of its own,
    # which such a build fills without asking.
    report = ["--out", report_folder + "-baseline"] if is_baseline else ["--out", report_folder, "--force"]
    return [
        ("check", [codeboom, "check"]),
        ("freq", [codeboom, "freq", "--format", "csv", "--coder", "auto"]),
        ("cooc", [codeboom, "cooc", "--format", "csv", "--coder", "auto"]),
        ("cooc --by respondent", [codeboom, "cooc", "--by", "respondent", "--format", "csv", "--coder", "auto"]),
        ("matrix", [codeboom, "matrix", "--coder", "auto"]),
        ("matrix --by document", [codeboom, "matrix", "--by", "document", "--counts", "--coder", "auto"]),
        ("report", [codeboom, "report", "--coder", "auto"] + report),
        ("agree", [codeboom, "agree", "--coders", "inline,auto"]),
        ("segments", [codeboom, "segments", "interview-500"]),
        ("search", [codeboom, "search", "term1x1", "term7x3*", '"gewoon eigenlijk"']),
        ("autocode", [codeboom, "autocode", "--coder", "timed"]),
    ]

jobs = [("rg", ["rg", "-c", "-i", "-w", "-f", os.path.join(project, "terms.txt"), os.path.join(project, "Corpus")])]
for index, (name, argv) in enumerate(commands(binary)):
    jobs.append((name, argv + ["--project", project]))
    if baseline:
        jobs.append((name + " (baseline)", commands(baseline, is_baseline=True)[index][1] + ["--project", project]))

results = {name: [] for name, _ in jobs}
# A command that fails is timed doing nothing: it gets no figures, only why it failed.
failures = {}
timed = os.path.join(project, "Corpus", "codings", "timed.csv")
for _ in range(runs):
    for name, argv in jobs:
        # Every command runs without the file an auto-coding before it wrote: the other commands would
        # read a second coder, and a build refuses to overwrite a file it did not write.
        if os.path.exists(timed):
            os.remove(timed)
        run = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        lines = run.stderr.strip().splitlines()
        seconds, kilobytes = lines[-1].split()
        if run.returncode != 0:
            failures[name] = f"exit {run.returncode}: " + (lines[0] if len(lines) > 1 else "")
        results[name].append((float(seconds), int(kilobytes) / 1024))
if os.path.exists(timed):
    os.remove(timed)

corpus = os.path.join(project, "Corpus")
megabytes = sum(os.path.getsize(os.path.join(corpus, name)) for name in os.listdir(corpus) if name.endswith(".txt")) / 1_048_576
ripgrep = statistics.median(seconds for seconds, _ in results["rg"])
print(f"transcripts: {megabytes:.0f} MB; median wall time of {runs} runs in turns, peak memory the largest of them")
for name, _ in jobs:
    if name in failures:
        print(f"{name:22s} failed, {failures[name][:100]}")
        continue
    seconds = statistics.median(value for value, _ in results[name])
    peak = max(value for _, value in results[name])
    every = ", ".join(f"{value:.2f}" for value, _ in results[name])
    print(f"{name:22s} {seconds:6.2f} s = {seconds / ripgrep:4.1f}× rg   {peak:6.0f} MB = {peak / megabytes:4.2f}× corpus   ({every})")
