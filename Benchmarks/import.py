#!/usr/bin/env python3
"""Times `codeboom import ARCHIVE --into DIR` against `unzip -q ARCHIVE -d DIR`, in turns, in one run.

Usage: import.py ARCHIVE PROJECT RUNS BINARY [OTHER_BINARY]

With OTHER_BINARY (say, the build of the main branch), that one's import is timed too, in the same turns, with
the options in the environment variable OTHER_ARGS (say, `--max-archive-size 400` for a build that holds
project.qde whole, which the 10,000-transcript archive's 319 MB project.qde passes 200 MB).

Each program runs RUNS times in turns into a fresh folder beside the archive (removed after each run); the
median wall time counts, as a ratio to unzip's, with the peak resident memory (GNU time's %M, the largest of
the runs) against the size of the project's transcripts, and the median CPU time (user + system), which a busy
machine distorts less than the wall time.
"""
import os, shutil, statistics, subprocess, sys

archive, project, runs, binary = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
target = archive + ".out"
jobs = [("unzip -q", ["unzip", "-q", archive, "-d", target]),
        ("codeboom import", [binary, "import", archive, "--into", target])]
if len(sys.argv) > 5:
    jobs.append(("other import", [sys.argv[5], "import", archive, "--into", target] + os.environ.get("OTHER_ARGS", "").split()))
results = {name: [] for name, _ in jobs}
for _ in range(runs):
    for name, argv in jobs:
        shutil.rmtree(target, ignore_errors=True)
        subprocess.run(["sync"])
        run = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S"] + argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            sys.exit(f"{name} failed:\n{run.stderr}")
        seconds, kilobytes, user, system = run.stderr.strip().splitlines()[-1].split()
        results[name].append((float(seconds), int(kilobytes) / 1024, float(user) + float(system)))
shutil.rmtree(target, ignore_errors=True)

corpus = os.path.join(project, "Corpus")
megabytes = sum(os.path.getsize(os.path.join(corpus, name)) for name in os.listdir(corpus) if name.endswith(".txt")) / 1_048_576
archive_megabytes = os.path.getsize(archive) / 1_048_576
baseline = statistics.median(seconds for seconds, _, _ in results["unzip -q"])
cpu_baseline = statistics.median(cpu for _, _, cpu in results["unzip -q"])
print(f"transcripts: {megabytes:.0f} MB, archive {archive_megabytes:.0f} MB; median wall time of {runs} runs in turns, peak memory the largest")
for name, _ in jobs:
    seconds = statistics.median(value for value, _, _ in results[name])
    peak = max(value for _, value, _ in results[name])
    cpu = statistics.median(value for _, _, value in results[name])
    every = ", ".join(f"{value:.2f}" for value, _, _ in results[name])
    print(f"{name:16s} {seconds:6.2f} s = {seconds / baseline:4.1f}× unzip   {peak:6.0f} MB = {peak / megabytes:4.2f}× corpus   "
          f"CPU {cpu:6.2f} s = {cpu / cpu_baseline:4.1f}× unzip   ({every})")
