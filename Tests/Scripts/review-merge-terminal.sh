#!/usr/bin/env bash
# Drives `codeboom review` and `codeboom merge` in a pseudo-terminal as a person would (tmux sends the
# keys, the screen is read back), on a copy of the mini-study: answers, a quit halfway and a resume,
# going back to change an answer, and a kill -9 between answers that must lose no earlier answer.
# Expected files are written out by hand from the mini-study's auto.csv, tags and TS.csv.
#
# Usage: Tests/Scripts/review-merge-terminal.sh CODEBOOM_BINARY
# Exit status 0 passed, 1 failed, 77 skipped (tmux is not installed).
set -euo pipefail

binary="$(readlink -f "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
study_source="$here/../CodeboomTests/Fixtures/mini-study"

if ! command -v tmux > /dev/null; then
  echo "skip: tmux is not installed (.ci/run installs it)"
  exit 77
fi

work="$(mktemp -d)"
socket="codeboom-test-$$"
export STATUS_FILE="$work/status"
server=""
cleanup() {
  # The server by its id: started from a test runner it may have inherited blocked signals and a
  # descriptor the runner waits on, so it is ended with SIGKILL, which nothing blocks.
  if [ -n "$server" ]; then kill -9 "$server" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cp -R "$study_source" "$work/study"
cd "$work/study"
"$binary" autocode > /dev/null

fail() {
  echo "FAIL: $*" >&2
  echo "--- screen:" >&2
  tmux -L "$socket" capture-pane -p -t "$session" >&2 || true
  exit 1
}

# Starts the command in a fresh 120×40 pane, under a shell that writes its exit status to a file
# (tmux learns a status only when it reaps the process, which a server started with SIGCHLD blocked
# never does). The pane stays after the command ends, so what it printed last can be read.
start() {
  session="s$((++sessions))"
  rm -f "$work/status"
  # remain-on-exit in the same call, before the command can end; no tmux.conf of the user's.
  tmux -L "$socket" -f /dev/null new-session -d -s "$session" -x 120 -y 40 \
    sh -c '"$@"; echo $? > "$STATUS_FILE"' sh "$@" \; set-option -t "$session" remain-on-exit on \
    < /dev/null > /dev/null 2>&1
  if [ -z "$server" ]; then server="$(tmux -L "$socket" display-message -p -t "$session" '#{pid}')"; fi
}
sessions=0

# Waits (up to 30 s, on a busy machine) until the screen shows TEXT.
wait_for() {
  for _ in $(seq 1 300); do
    if tmux -L "$socket" capture-pane -p -t "$session" | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "the screen never showed: $1"
}

# The same, over the lines scrolled away too: for what a command prints as it ends.
wait_for_printed() {
  for _ in $(seq 1 300); do
    if tmux -L "$socket" capture-pane -p -S -200 -t "$session" | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "the command never printed: $1"
}

keys() { tmux -L "$socket" send-keys -t "$session" "$@"; }

# Waits until the command has ended; its exit status (128 + N after signal N).
wait_exit() {
  for _ in $(seq 1 300); do
    if [ -s "$work/status" ]; then
      cat "$work/status"
      return 0
    fi
    sleep 0.1
  done
  fail "the command did not end"
}

expect_file() {
  local path="$1" expected="$2"
  if ! diff <(printf '%s' "$expected") "$path" > "$work/diff"; then
    cat "$work/diff" >&2
    fail "$path is not as expected"
  fi
}

# The codeboom process: the child of the pane's shell.
codeboom_pid() { pgrep -P "$(tmux -L "$socket" display-message -p -t "$session" '#{pane_pid}')"; }

# --- review: answer four, quit ---------------------------------------------------------------------
start "$binary" review --from auto --into R
wait_for "suggestion 1 of 9 · 0 answered"
wait_for "focusgroep §2"
keys a
wait_for "suggestion 2 of 9 · 1 answered"
keys r
wait_for "suggestion 3 of 9 · 2 answered"
keys c
wait_for "code:"
keys k o r t
wait_for "> korte-lijnen — Korte lijnen"
keys Enter
wait_for "suggestion 4 of 9 · 3 answered"
keys m
wait_for "memo (Enter keeps it"
keys "dubbel gecheckt" Enter
wait_for "Memo: dubbel gecheckt"
keys a
wait_for "suggestion 5 of 9 · 4 answered"
keys q
[ "$(wait_exit)" = 0 ] || fail "review did not exit 0 after q"
wait_for_printed "5 still open: run \`codeboom review --from auto --into R\` again"
expect_file Corpus/codings/R.csv 'document,segment,code,start,end,memo
focusgroep,2,agendadruk,,,
focusgroep,4,korte-lijnen,,,
focusgroep,5,snel-antwoord,,,dubbel gecheckt
'
expect_file Corpus/codings/R.rejected.csv 'document,segment,code,from,instead,memo
focusgroep,3,agendadruk,auto,,
focusgroep,4,klik,auto,korte-lijnen,
'

# --- review again: resumes at the fifth; skip it, accept the sixth, then kill -9 ----------------------
start "$binary" review --from auto --into R
wait_for "suggestion 5 of 9 · 4 answered"
wait_for "interview-a §2"
keys s
wait_for "suggestion 6 of 9 · 4 answered"
keys a
wait_for "suggestion 7 of 9 · 5 answered"
kill -9 "$(codeboom_pid)"
[ "$(wait_exit)" = 137 ] || fail "review was not killed"
expect_file Corpus/codings/R.csv 'document,segment,code,start,end,memo
focusgroep,2,agendadruk,,,
focusgroep,4,korte-lijnen,,,
focusgroep,5,snel-antwoord,,,dubbel gecheckt
interview-a,4,korte-lijnen,,,
'
# No half-written file is left to be read as codings.
if ls -A Corpus/codings | grep -q '\.tmp$'; then fail "a temporary file was left in Corpus/codings"; fi

# --- and again: the skipped one is asked first; go back and change an answer ---------------------------
start "$binary" review --from auto --into R
wait_for "suggestion 5 of 9 · 5 answered"
keys p
wait_for "suggestion 4 of 9 · 5 answered"
wait_for "Answered: accepted"
wait_for "Memo: dubbel gecheckt"
keys r
wait_for "suggestion 5 of 9 · 5 answered"
keys q
[ "$(wait_exit)" = 0 ] || fail "review did not exit 0 after q"
expect_file Corpus/codings/R.csv 'document,segment,code,start,end,memo
focusgroep,2,agendadruk,,,
focusgroep,4,korte-lijnen,,,
interview-a,4,korte-lijnen,,,
'
expect_file Corpus/codings/R.rejected.csv 'document,segment,code,from,instead,memo
focusgroep,3,agendadruk,auto,,
focusgroep,4,klik,auto,korte-lijnen,
focusgroep,5,snel-antwoord,auto,,dubbel gecheckt
'
"$binary" check > /dev/null || fail "check does not accept the project after review"
"$binary" freq --coder R --format csv 2> /dev/null | grep -qx 'korte-lijnen,succes/korte-lijnen,totaal,2,2,2,[0-9]*' \
  || fail "freq --coder R does not count korte-lijnen on 2 segments in 2 documents"

# --- merge: the agreements at once, one decision, quit ---------------------------------------------------
start "$binary" merge --coders inline,TS --into M
wait_for "disagreement 1 of 4 · 0 decided"
wait_for "focusgroep §3"
wait_for "[a] inline only: agendadruk (Agendadruk)"
wait_for "[b] TS only: (none of these)"
keys a
wait_for "disagreement 2 of 4 · 1 decided"
keys q
[ "$(wait_exit)" = 0 ] || fail "merge did not exit 0 after q"
wait_for_printed "M: 5 codings both inline and TS gave, 1 of 4 disagreements decided"
wait_for_printed "Not merged (coded by one of the two only): notities"
expect_file Corpus/codings/M.csv 'document,segment,code,start,end,memo
focusgroep,2,agendadruk,,,
focusgroep,4,klik,,,
interview-a,2,klik,,,
interview-a,4,korte-lijnen,,,
interview-b,2,agendadruk,,,
focusgroep,3,agendadruk,,,
'

# --- merge again: resumes at the second; neither, then kill -9 ---------------------------------------------
start "$binary" merge --coders inline,TS --into M
wait_for "disagreement 2 of 4 · 1 decided"
wait_for "focusgroep §5"
keys n
wait_for "disagreement 3 of 4 · 2 decided"
kill -9 "$(codeboom_pid)"
[ "$(wait_exit)" = 137 ] || fail "merge was not killed"
expect_file Corpus/codings/M.rejected.csv 'document,segment,code,from,instead,memo
focusgroep,5,snel-antwoord,inline+TS,,
'

# --- and again: both, then B; the session ends by itself ------------------------------------------------
start "$binary" merge --coders inline,TS --into M
wait_for "disagreement 3 of 4 · 2 decided"
wait_for "interview-a §4"
wait_for "both gave (kept): korte-lijnen"
keys o
wait_for "disagreement 4 of 4 · 3 decided"
wait_for "interview-b §4"
wait_for "[a] inline only: klik (Een goede klik)"
wait_for "[b] TS only: agendadruk (Agendadruk)"
keys b
[ "$(wait_exit)" = 0 ] || fail "merge did not exit 0 at the end"
wait_for_printed "Every disagreement is decided."
expect_file Corpus/codings/M.csv 'document,segment,code,start,end,memo
focusgroep,2,agendadruk,,,
focusgroep,4,klik,,,
interview-a,2,klik,,,
interview-a,4,korte-lijnen,,,
interview-b,2,agendadruk,,,
focusgroep,3,agendadruk,,,
interview-a,4,snel-antwoord,,,
interview-b,4,agendadruk,,,
'
expect_file Corpus/codings/M.rejected.csv 'document,segment,code,from,instead,memo
focusgroep,5,snel-antwoord,inline+TS,,
interview-b,4,klik,inline+TS,,
'
# agendadruk by M: focusgroep §2 and §3, interview-b §2 and §4 — 4 segments in 2 documents.
"$binary" freq --coder M --format csv 2> /dev/null | grep -qx 'agendadruk,spanningen/agendadruk,totaal,4,2,[0-9]*,[0-9]*' \
  || fail "freq --coder M does not count agendadruk on 4 segments in 2 documents"
echo "review and merge: passed"
