#!/usr/bin/env bash
# Times `plexus build` (release) on the BBC politics folder and on the whole news corpus.
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"
out="$work"
run() {
  local label="$1"; shift
  /usr/bin/time -f "$label: %e s elapsed, %M KB peak" .build/release/plexus build "$@" --out "$out" > /dev/null
}
run "bbc/politics, all diagrams" "$data/bbc/politics"
run "bbc/politics, graph only" "$data/bbc/politics" --formats dot
if [ "${BENCH_ALL:-0}" = "1" ]; then
  run "whole news corpus, all diagrams" "$data"
fi
# The news-corpus graph for the query benchmark.
.build/release/plexus build "$data" --out /tmp/plexus-bench-news --formats dot > /dev/null
