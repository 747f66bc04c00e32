#!/usr/bin/python3
"""Reference centralities for the ties test suite, computed by NetworkX.

    /usr/bin/python3 tests/ref/make_refs.py        (Debian python3-networkx,
                                                    python3-scipy)

Reads the CSV tables in graphs/ with the csv module and builds each tie
graph here, independently of ties: entities tied by shared events (weight =
number of shared events) and by relations (weight 1 each). Writes
tests/ref/<graph>.csv with columns graph,id,measure,weighted,value and
tests/ref/florentine_louvain.csv. The tests read these files; they need no
Python. tests/ref/emon_texas.csv is the directed graph of the EMON Texas
search-and-rescue contacts (an arc a relation, weight its weight column,
as ties --directed --weight sum builds it), with NetworkX's directed
measures. Weighted path measures use exact rational distances 1/weight, so
that equal-length paths are equal (as igraph's epsilon comparison makes
them) rather than split by float rounding.
"""
import csv
import itertools
import os
from fractions import Fraction

import networkx as nx

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def rows(path):
    p = os.path.join(ROOT, path)
    if not os.path.exists(p):
        return []
    with open(p, newline="") as f:
        return list(csv.DictReader(f))


def entity_graph(folder, relation_kinds=None):
    g = nx.Graph()
    for r in rows(f"graphs/{folder}/entities.csv"):
        g.add_node(r["id"])

    def tie(a, b):
        if a == b:
            return
        w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
        g.add_edge(a, b, weight=w)

    by_event = {}
    for r in rows(f"graphs/{folder}/participants.csv"):
        by_event.setdefault(r["event"], set()).add(r["entity"])
    for members in by_event.values():
        for a, b in itertools.combinations(sorted(members), 2):
            tie(a, b)
    for r in rows(f"graphs/{folder}/relations.csv"):
        if relation_kinds is None or r["kind"] in relation_kinds:
            tie(r["source"], r["target"])
    for a, b, d in g.edges(data=True):
        # Exact distances: with floats, 1/3 + 1/6 and 1/2 differ in the
        # last bit and NetworkX would count different shortest paths.
        d["dist"] = Fraction(1, d["weight"])
    return g


def scaled(d):
    m = max(d.values())
    return {k: v / m for k, v in d.items()}


def measures(g):
    out = {}
    for weighted in (0, 1):
        w = "weight" if weighted else None
        dist = "dist" if weighted else None
        out[("degree", weighted)] = dict(g.degree())
        out[("strength", weighted)] = dict(g.degree(weight="weight"))
        out[("betweenness", weighted)] = nx.betweenness_centrality(
            g, normalized=False, weight=dist)
        out[("closeness", weighted)] = nx.closeness_centrality(
            g, distance=dist, wf_improved=False)
        out[("harmonic", weighted)] = nx.harmonic_centrality(g, distance=dist)
        out[("eigenvector", weighted)] = scaled(
            nx.eigenvector_centrality_numpy(g, weight=w))
        out[("pagerank", weighted)] = nx.pagerank(
            g, alpha=0.85, weight=w, tol=1e-14, max_iter=100000)
        out[("coreness", weighted)] = nx.core_number(g)
    return out


def directed_graph(folder):
    """Arcs from source to target of every relation (one piece of evidence
    each); weight = the relation's weight column (ties --weight sum)."""
    g = nx.DiGraph()
    for r in rows(f"graphs/{folder}/entities.csv"):
        g.add_node(r["id"])
    for r in rows(f"graphs/{folder}/relations.csv"):
        a, b, x = r["source"], r["target"], Fraction(r["weight"] or "1")
        if g.has_edge(a, b):
            g.edges[a, b]["weight"] += x
        else:
            g.add_edge(a, b, weight=x)
    for a, b, d in g.edges(data=True):
        d["dist"] = 1 / d["weight"]
    return g


def directed_measures(g):
    """NetworkX's directed versions: closeness and harmonic of the paths
    that reach the node (NetworkX's default), HITS scaled to a largest of
    1 (igraph's scaling; NetworkX sums them to 1)."""
    out = {}
    for weighted in (0, 1):
        w = "weight" if weighted else None
        dist = "dist" if weighted else None
        fw = (lambda d: {k: float(v) for k, v in d.items()})
        out[("degree", weighted)] = dict(g.degree())
        out[("in_degree", weighted)] = dict(g.in_degree())
        out[("out_degree", weighted)] = dict(g.out_degree())
        out[("strength", weighted)] = fw(dict(g.degree(weight="weight")))
        out[("in_strength", weighted)] = fw(dict(g.in_degree(weight="weight")))
        out[("out_strength", weighted)] = fw(dict(g.out_degree(weight="weight")))
        out[("betweenness", weighted)] = nx.betweenness_centrality(
            g, normalized=False, weight=dist)
        out[("closeness", weighted)] = nx.closeness_centrality(
            g, distance=dist, wf_improved=False)
        out[("harmonic", weighted)] = nx.harmonic_centrality(g, distance=dist)
        h = nx.DiGraph()
        h.add_nodes_from(g)
        h.add_weighted_edges_from((a, b, float(d["weight"]) if w else 1.0)
                                  for a, b, d in g.edges(data=True))
        out[("pagerank", weighted)] = nx.pagerank(
            h, alpha=0.85, weight="weight", tol=1e-14, max_iter=100000)
        hubs, auths = nx.hits(h, max_iter=100000, tol=1e-14)
        if weighted:
            # nx.hits ignores weights: the weighted version by power
            # iteration on the weighted adjacency matrix.
            import numpy as np
            nodes = list(h)
            a = nx.to_numpy_array(h, nodelist=nodes, weight="weight")
            hv = np.ones(len(nodes))
            for _ in range(100000):
                av = a.T @ hv
                nh = a @ av
                nh /= nh.max()
                if np.abs(nh - hv).max() < 1e-15:
                    hv = nh
                    break
                hv = nh
            av = a.T @ hv
            hubs = dict(zip(nodes, hv))
            auths = dict(zip(nodes, av))
        out[("hub", weighted)] = scaled(hubs)
        out[("authority", weighted)] = scaled(auths)
        out[("coreness", weighted)] = nx.core_number(g)
    return out


def write(name, g, fn=None):
    with open(os.path.join(ROOT, "tests", "ref", name + ".csv"), "w",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["graph", "id", "measure", "weighted", "value"])
        for (m, weighted), vals in (fn or measures)(g).items():
            for node in sorted(vals):
                w.writerow([name, node, m, weighted, repr(float(vals[node]))])


def main():
    write("florentine_marriage", entity_graph("florentine-families",
                                              {"marriage"}))
    write("florentine_union", entity_graph("florentine-families"))
    write("southern_women", entity_graph("southern-women"))
    write("karate", entity_graph("karate-club"))
    write("stokman_ziegler", entity_graph("stokman-ziegler-netherlands"))
    write("emon_texas", directed_graph("emon-texas"), directed_measures)
    # The best Louvain modularity NetworkX reaches over 20 seeds.
    g = entity_graph("florentine-families", {"marriage"})
    best = max(nx.community.modularity(
        g, nx.community.louvain_communities(g, seed=s)) for s in range(20))
    with open(os.path.join(ROOT, "tests", "ref", "florentine_louvain.csv"),
              "w", newline="") as f:
        f.write("graph,seeds,best_modularity\n")
        f.write(f"florentine_marriage,20,{best!r}\n")


if __name__ == "__main__":
    main()
