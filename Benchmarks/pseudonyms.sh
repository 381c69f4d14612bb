#!/usr/bin/env bash
# What pseudonymisation costs: `codeboom report` on the synthetic corpus of Benchmarks/run.sh, with and
# without a Corpus/pseudoniemen.csv of NAMES names, in one run: each RUNS times (default 5) in turns,
# medians, their ratio, and peak memory (GNU time). The names are Dutch first names and first name +
# surname pairs, plus five words that occur all over the corpus ("maatje", …), so every report page
# and quote really has names to replace and every transcript is scanned for them.
# Usage: [RUNS=5] Benchmarks/pseudonyms.sh [N documents, default 10000] [NAMES, default 500]
# While developing on the shared machine: Benchmarks/pseudonyms.sh 1000
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-10000}
names=${2:-500}
runs=${RUNS:-5}
swift build -c release --product codeboom >/dev/null
swift build -c release --product codeboom-bench >/dev/null
# The bench writes the corpus; --parse-only keeps its own measuring short, --keep leaves the corpus.
.build/release/codeboom-bench --documents "$documents" --kilobytes 20 --codes 25 --terms 10 --parse-only --keep >/dev/null
root="${TMPDIR:-/tmp}"
root="${root%/}/codeboom-bench-$documents"
table="$root/pseudoniemen.csv.bench"

first=(Anna Joke Marieke Ingrid Sanne Fatma Esra Lotte Femke Noor Petra Yvonne Wendy Mirjam Ilse Karin Ria Truus Gerda Hanneke
       Jan Piet Kees Henk Gerrit Joost Bart Erik Ruud Wim Theo Frits Karel Hans Daan Bram Thijs Youssef Mohamed Rachid
       Ahmet Mehmet Sevda Dewi Kevin Dennis Jeroen Martijn Ruben Wouter)
last=(Jansen "de Vries" "van den Berg" Bakker Visser Smit Meijer "de Boer" Mulder "de Groot" Bos Vos Peters Hendriks "van Leeuwen"
      Dekker Brouwer "de Wit" Dijkstra Smits "de Graaf" "van der Meer" "van der Linden" Kok Jacobs "de Haan" Vermeulen "van den Heuvel"
      "van der Veen" "van den Broek" "de Bruijn" "de Jong" Schouten "van Beek" Willems "van Vliet" "van de Ven" Hoekstra Maas Verhoeven
      Koster "van Dam" "van der Wal" Prins Blom Huisman Peeters "de Jonge" Kuipers Boukhari)
{
    echo "naam,pseudoniem"
    # Words of the synthetic corpus, standing in for names that occur everywhere.
    for word in maatje buurthuis huisbezoek wijkteam formulier; do echo "$word,[naam]"; done
    count=5
    for name in "${first[@]}"; do
        [ "$count" -lt "$names" ] || break
        echo "$name,[naam]"; count=$((count + 1))
    done
    for surname in "${last[@]}"; do
        for name in "${first[@]}"; do
            [ "$count" -lt "$names" ] || break 2
            echo "$name $surname,[persoon]"; count=$((count + 1))
        done
    done
} > "$table"
echo "corpus: $documents documents in $root; pseudoniemen.csv: $(($(wc -l < "$table") - 1)) names"

measure() { # label, output folder; prints "seconds megabytes"
    if ! /usr/bin/time -f "%e %M" -o "$root/time.txt" .build/release/codeboom report --project "$root" --out "$2" >/dev/null 2>"$root/stderr.txt"; then
        echo "report $1 failed:" >&2; cat "$root/stderr.txt" >&2; exit 1
    fi
    awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$root/time.txt"
}
# Fresh output folders: report refuses to write among files it did not write.
rm -rf "$root/Reports-without" "$root/Reports-with"
without=(); with=()
for _ in $(seq "$runs"); do
    rm -f "$root/Corpus/pseudoniemen.csv"
    without+=("$(measure without "$root/Reports-without")")
    cp "$table" "$root/Corpus/pseudoniemen.csv"
    with+=("$(measure with "$root/Reports-with")")
done
median() { printf '%s\n' "$@" | sort -n -k1,1 | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'; }
w=$(median "${without[@]}"); p=$(median "${with[@]}")
echo "report without pseudoniemen.csv: ${w% *} s, ${w#* } MB peak   (runs: $(printf '%s ' "${without[@]%% *}"))"
echo "report with $names names:        ${p% *} s, ${p#* } MB peak   (runs: $(printf '%s ' "${with[@]%% *}"))"
awk -v a="${w% *}" -v b="${p% *}" 'BEGIN { printf "ratio: %.2f×\n", b / a }'
echo "\"maatje\" in the report pages without / with: $(cat "$root"/Reports-without/*.md | grep -c -i -w maatje || true) / $(cat "$root"/Reports-with/*.md | grep -c -i -w maatje || true) lines"
