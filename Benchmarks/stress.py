"""Generates the stress projects of Benchmarks/stress.sh and times `codeboom check` on them."""
import os, random, shutil, signal, statistics, subprocess, sys, tempfile

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
RUNS = int(os.environ.get("RUNS", "5"))
# CODEBOOM=path measures another build (an older commit, for before/after) on the same inputs.
CODEBOOM = os.path.abspath(os.environ.get("CODEBOOM", ".build/release/codeboom"))
TIMEOUT = float(os.environ.get("TIMEOUT", "0")) or None
ROOT = tempfile.mkdtemp(prefix="codeboom-stress-")


def project(name, codebook, transcripts):
    path = os.path.join(ROOT, name)
    os.makedirs(os.path.join(path, "Codebooks"))
    os.makedirs(os.path.join(path, "Corpus"))
    with open(os.path.join(path, "Codebooks", "c.md"), "w") as f:
        f.write(codebook)
    for file, text in transcripts.items():
        with open(os.path.join(path, "Corpus", file), "w") as f:
            f.write(text)
    return path


def run(command):
    """Medians of RUNS runs: wall seconds and CPU seconds (user + system, steadier on a shared
    machine), and the largest peak memory in MB."""
    walls, cpus, peaks = [], [], []
    for _ in range(RUNS):
        # Its own process group, so a timeout ends codeboom too, not only GNU time.
        process = subprocess.Popen(["/usr/bin/time", "-f", "%e %U %S %M"] + command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            _, stderr = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return float("inf"), float("inf"), float("nan")
        wall, user, system, peak = stderr.strip().splitlines()[-1].split()
        walls.append(float(wall))
        cpus.append(float(user) + float(system))
        peaks.append(int(peak) / 1024)
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def report(name, command, baseline_name, baseline):
    wall, cpu, peak = run(command)
    base_wall, base_cpu, base_peak = run(baseline)
    ratio = cpu / base_cpu if base_cpu > 0 else float("inf")
    print(f"| {name} | {wall:.2f} s ({cpu:.2f} s CPU), {peak:.0f} MB | {baseline_name}: {base_wall:.2f} s ({base_cpu:.2f} s CPU), {base_peak:.0f} MB | {ratio:.1f}× |")


def check(path):
    return [CODEBOOM, "check", "--project", path]


n = lambda count: max(1, int(count * SCALE))
random.seed(1)
interview = "---\nrespondent: R1\n---\nI: Vraag?\n\nR: Een antwoord. #code-1\n"
print(f"scale {SCALE}, {RUNS} runs each, median; files in {ROOT}")
print("| case | codeboom check | baseline | ratio (CPU) |")
print("| --- | --- | --- | --- |")

# 1. 50,000 categories, each with a code whose deelvragen it inherits (each code once searched the list).
categories = "# Groot\n\n" + "".join(f"## Categorie {i}\n\n### Code {i}\n\nOver {i}.\n\n" for i in range(n(50_000)))
big = project("categories", categories, {"a.txt": interview})
report(f"{n(50_000):,} categories with a code each", check(big), "rg over the codebook",
       ["rg", "-c", "^##", os.path.join(big, "Codebooks", "c.md")])

# 2. A 680 KB transcript full of unknown tags against the example codebook (a suggestion per tag and code).
words = "ik vond dat het goed ging met de vrijwilliger en de professional maar soms was er weinig tijd".split()
turns, plain, size, i = [], [], 0, 0
while size < 680 * 1024 * SCALE:
    line = " ".join(random.choice(words) for _ in range(8))
    turns.append(f"I: Vraag {i}?\n\nR: {line} #onderwerp{i} #metoo vraag #{i} #juiste-match\n\n")
    plain.append(f"I: Vraag {i}?\n\nR: {line} onderwerp{i} metoo vraag {i} #juiste-match\n\n")
    size += len(turns[-1])
    i += 1
vitras = open("Codebooks/vitras.md").read()
tags = project("tags", vitras, {"a.txt": "---\nrespondent: R1\n---\n" + "".join(turns)})
words_only = project("tags-as-words", vitras, {"a.txt": "---\nrespondent: R1\n---\n" + "".join(plain)})
report(f"{size // 1024} KB transcript, {2 * i:,} unknown tags", check(tags), "same words without #", check(words_only))

# 3. 10,000 distinct typo tags against 50,000 numbered codes: the hardest case for the suggestion search.
typos = "---\nrespondent: R1\n---\n" + "".join(
    f"I: Vraag {j}?\n\nR: Zie #hashtag{j} en #categorie-{j * 5}x en #code-{j}.\n\n" for j in range(n(10_000)))
fixed = typos.replace("x en #code", " en #code")
report(f"{n(10_000):,} typo tags, {n(50_000):,} numbered categories", check(project("typos", categories, {"a.txt": typos})),
       "the same tags spelled right", check(project("no-typos", categories, {"a.txt": fixed})))

# 4. A focus group of 20,000 distinct speakers (each speaker's turns once searched all turns).
speakers = "---\ntype: focusgroep\nperspectief: vrijwilliger\n---\n" + "".join(f"I: Vraag?\nP{j}: Antwoord.\n" for j in range(n(20_000)))
two = "---\ntype: focusgroep\nperspectief: vrijwilliger\n---\n" + "".join(f"I: Vraag?\nP{j % 2}: Antwoord.\n" for j in range(n(20_000)))
report(f"focus group of {n(20_000):,} speakers", check(project("speakers", "# T\n## Code {#code-1}\n", {"fg.txt": speakers})),
       "two speakers, same turns", check(project("two-speakers", "# T\n## Code {#code-1}\n", {"fg.txt": two})))

# 5. The same focus group with a respondenten.csv row for every speaker (each row once searched all turns).
table = "respondent,perspectief,document,spreker\n" + "".join(f"R{j},vrijwilliger,fg,P{j}\n" for j in range(n(20_000)))
report(f"… with a respondenten.csv of {n(20_000):,} rows", check(project("table", "# T\n## Code {#code-1}\n", {"fg.txt": speakers, "respondenten.csv": table})),
       "the same without the table", check(os.path.join(ROOT, "speakers")))

shutil.rmtree(ROOT)
