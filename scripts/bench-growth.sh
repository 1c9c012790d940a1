#!/usr/bin/env bash
# Output size and peak memory of `plexus build` (release, graph.json and DOT only) against
# input size: on growing parts of the news corpus, and on hostile input (a 102 KB paragraph
# of names, a wall of list sentences). graph.json should stay within 10x the input; memory
# is the models (a constant, about 0.3 GB) plus a part that grows with the input.
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"

# A paragraph of 102 KB of names with commas, no full stop: one "sentence" of ~10,000 names.
awk 'BEGIN { split("Peter Anna John Maria David Sarah James Laura Michael Emma", f, " ");
  split("Brown Kowalski Smith Novak Jones Petrov Taylor Garcia Miller Rossi Wilson", l, " ");
  s = ""; k = 0; while (length(s) < 102000) { s = s f[k % 10 + 1] " " l[int(k / 10) % 11 + 1] ", "; k++ } print s }' \
  > "$work/names-paragraph.txt"
# 2,000 list sentences of 12 names each: the most co-mention pairs per byte an article can give.
awk 'BEGIN { split("Peter Anna John Maria David Sarah James Laura Michael Emma Olga Ivan", f, " ");
  split("Brown Kowalski Smith Novak Jones Petrov Taylor Garcia Miller Rossi Wilson Dubois", l, " ");
  for (i = 0; i < 2000; i++) { s = "";
    for (j = 0; j < 12; j++) s = s f[(i + j) % 12 + 1] " " l[(i * 7 + j) % 12 + 1] (j < 11 ? ", " : " met.");
    print s; print "" } }' > "$work/list-sentences.txt"

printf "%-34s %12s %14s %7s %10s\n" "input" "input bytes" "graph.json" "ratio" "peak MB"
measure() {
  local label="$1"; shift
  local bytes
  bytes=$(find "$@" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.jsonl' \) -printf '%s\n' | awk '{ s += $1 } END { print s }')
  rm -rf "$work/out"
  /usr/bin/time -f "%M" -o "$work/peak" .build/release/plexus build "$@" --out "$work/out" --formats dot > /dev/null 2>&1
  local peak
  peak=$(tail -1 "$work/peak")
  local graph
  graph=$(stat -c %s "$work/out/graph.json")
  printf "%-34s %12d %14d %7.2f %10.0f\n" "$label" "$bytes" "$graph" "$(echo "$graph / $bytes" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
}
measure "names paragraph (102 KB)" "$work/names-paragraph.txt"
measure "list sentences (12 names each)" "$work/list-sentences.txt"
measure "bbc/politics" "$data/bbc/politics"
measure "bbc" "$data/bbc"
measure "whole news corpus" "$data"
