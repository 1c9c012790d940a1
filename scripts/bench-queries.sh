#!/usr/bin/env bash
# Whole-process graph questions on the synthetic 100,000-node / 1,000,000-edge graph that
# `plexus-bench graph` writes, against networkx doing the same from the same graph.json,
# interleaved: path by strength, PageRank, Louvain communities. Plexus's first read leaves
# the binary copy (graph.json.plxg) that later reads load; its time is shown too.
# Usage: bash scripts/bench-queries.sh [WORK]   (release build; python3 with networkx)
set -euo pipefail
work=${1:-/tmp/plexus-bench}
graph="$work/synthetic.json"
plexus=.build/release/plexus
[ -f "$graph" ] || .build/release/plexus-bench graph --work "$work" --skip-betweenness > /dev/null
seconds() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }
script=$(mktemp /tmp/plexus-networkx.XXXXXX.py)
trap 'rm -f "$script"' EXIT
cat > "$script" <<'PY'
import json, sys, networkx as nx
data = json.load(open(sys.argv[1]))
g = nx.Graph()
g.add_nodes_from(n["id"] for n in data["nodes"])
for e in data["edges"]:
    g.add_edge(e["source"], e["target"], weight=e["weight"], distance=1.0 / e["weight"])
if sys.argv[2] == "path":
    nx.shortest_path(g, "n000123", "n054321", weight="distance")
elif sys.argv[2] == "pagerank":
    nx.pagerank(g, weight="weight")
else:
    nx.community.louvain_communities(g, weight="weight", seed=1)
PY
rm -f "$graph.plxg"
echo "load $(cut -d' ' -f1-3 /proc/loadavg); first read, JSON and writing the copy: $(seconds $plexus top --graph "$graph" --top 1) s"
for query in path pagerank communities; do
  case $query in
    path) args=(path n000123 n054321 --graph "$graph") ;;
    pagerank) args=(top --by pagerank --graph "$graph") ;;
    communities) args=(communities --graph "$graph") ;;
  esac
  p=$(seconds $plexus "${args[@]}")
  n=$(seconds python3 "$script" "$graph" $query)
  echo "$query: plexus $p s, networkx $n s, $(python3 -c "print(f'{$n/$p:.0f}')")x (load $(cut -d' ' -f1 /proc/loadavg))"
done
