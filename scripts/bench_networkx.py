#!/usr/bin/env python3
"""The networkx side of the graph-query benchmark (development only; Plexus never needs Python).

Reads the files `plexus-bench` writes (synthetic.json and synthetic.tsv in its --work folder)
and times the same steps with networkx: loading graph.json into a graph, shortest paths by
strength (distance 1/weight), k = 5 loopless paths, PageRank, Louvain communities and
betweenness from sampled sources (timed on fewer sources and scaled, as printed).

    python3 scripts/bench_networkx.py /tmp/plexus-bench --queries 20 --betweenness-sources 10
"""
import argparse
import itertools
import json
import random
import statistics
import time

import networkx as nx


def timed(step):
    start = time.perf_counter()
    value = step()
    return value, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("work")
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--k-queries", type=int, default=3)
    parser.add_argument("--betweenness-sources", type=int, default=10)
    parser.add_argument("--skip", nargs="*", default=[])
    args = parser.parse_args()

    def load():
        with open(f"{args.work}/synthetic.json") as handle:
            data = json.load(handle)
        graph = nx.Graph()
        graph.add_nodes_from(node["id"] for node in data["nodes"])
        for edge in data["edges"]:
            graph.add_edge(edge["source"], edge["target"], weight=edge["weight"], distance=1.0 / edge["weight"])
        return graph

    graph, seconds = timed(load)
    print(f"load         {seconds:8.2f} s   {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    nodes = sorted(graph.nodes)
    rng = random.Random(99)

    times = []
    for _ in range(args.queries):
        a, b = rng.choice(nodes), rng.choice(nodes)
        _, seconds = timed(lambda: nx.bidirectional_dijkstra(graph, a, b, weight="distance"))
        times.append(seconds)
    print(f"path         {statistics.median(times) * 1000:8.1f} ms  median of {args.queries} random pairs")

    if "k" not in args.skip:
        times = []
        for _ in range(args.k_queries):
            a, b = rng.choice(nodes), rng.choice(nodes)
            _, seconds = timed(lambda: list(itertools.islice(nx.shortest_simple_paths(graph, a, b, weight="distance"), 5)))
            times.append(seconds)
        print(f"k=5 paths    {statistics.median(times):8.2f} s   median of {args.k_queries} random pairs")

    if "pagerank" not in args.skip:
        _, seconds = timed(lambda: nx.pagerank(graph, weight="weight"))
        print(f"pagerank     {seconds:8.2f} s")

    if "communities" not in args.skip:
        found, seconds = timed(lambda: nx.community.louvain_communities(graph, weight="weight", seed=42))
        print(f"communities  {seconds:8.2f} s   {len(found)} communities")

    if "betweenness" not in args.skip:
        k = args.betweenness_sources
        _, seconds = timed(lambda: nx.betweenness_centrality(graph, k=k, weight="distance", seed=42))
        print(f"betweenness  {seconds:8.2f} s   {k} sampled sources; scaled to 1,000 sources: {seconds * 1000 / k:.0f} s")


if __name__ == "__main__":
    main()
