#!/usr/bin/env bash
# Builds graphs/ukraine-peace from examples/ukraine-peace: the graph, the overview in every
# format, and the other views and the deck. Deterministic: the same bytes every run.
set -euo pipefail
cd "$(dirname "$0")/.."
plexus=.build/release/plexus
out=graphs/ukraine-peace
graph=$out/graph.json
"$plexus" build examples/ukraine-peace --out "$out"
"$plexus" render --graph "$graph" --format png --theme dark --out "$out/overview-dark.png" > /dev/null
"$plexus" render --graph "$graph" --format pdf --theme print --out "$out/overview-print.pdf" > /dev/null
"$plexus" render --graph "$graph" --format png --stance --out "$out/stance.png" > /dev/null
"$plexus" render --graph "$graph" --format svg --stance --out "$out/stance.svg" > /dev/null
"$plexus" render --graph "$graph" --format png --communities --out "$out/communities.png" > /dev/null
"$plexus" render --graph "$graph" --format png --around "Keir Starmer" --top 25 --out "$out/ego-keir-starmer.png" > /dev/null
"$plexus" path "Keir Starmer" "Dmitry Medvedev" --graph "$graph" --render "$out/path-starmer-medvedev.png" > /dev/null 2>&1
"$plexus" export --graph "$graph" --format graphml --out "$out/graph.graphml" > /dev/null
"$plexus" export --graph "$graph" --format gexf --out "$out/graph.gexf" > /dev/null
"$plexus" view --graph "$graph" --out "$out/view.html" > /dev/null
"$plexus" deck --graph "$graph" --out "$out/deck.pptx" --path "Keir Starmer:Dmitry Medvedev" > /dev/null
echo "Wrote $out: graph, overview (light, dark, print), stance map, communities, ego network, path, HTML view, GraphML, GEXF, deck"
