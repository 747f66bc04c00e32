#!/usr/bin/python3
"""The GEXF export of the seed network opens in NetworkX with every entity,
its kind and country, and the ties with their weights.

    /usr/bin/python3 tests/ref/check_gexf.py EXPORT.gexf

make test runs it when Debian's python3-networkx is installed, and counts
it as skipped otherwise. Prints "gexf: ok" or what is wrong, exits 0 or 1.
"""
import csv
import sys

import networkx as nx

g = nx.read_gexf(sys.argv[1])
want = {}
with open("graphs/issi-icca-ras-2025/entities.csv", newline="") as f:
    for r in csv.DictReader(f):
        want[r["id"]] = (r["kind"], r["country"])
problems = []
if set(g.nodes) != set(want):
    problems.append(f"nodes {sorted(set(g.nodes) ^ set(want))}")
for n, (kind, country) in want.items():
    if n in g and (g.nodes[n].get("kind"), g.nodes[n].get("country")) != (kind, country):
        problems.append(f"{n}: {g.nodes[n]}")
if g.number_of_edges() != 81:
    problems.append(f"{g.number_of_edges()} ties, want 81")
if g.edges["issi", "icca-ras"].get("weight") != 2.0:
    problems.append("issi -- icca-ras does not weigh 2")
if g.edges["issi", "icca-ras"].get("start") != "2025-04-08":
    problems.append("issi -- icca-ras has no start date")
print("gexf: " + ("; ".join(problems) if problems else "ok"))
sys.exit(1 if problems else 0)
