#!/usr/bin/env python3
"""NetworkX on the tie list of `ties export --format edgelist`.

    python3 nx.py pagerank|louvain FILE

Prints the answer (the top node, or the number of communities and their
modularity) on stdout and the parse and compute times on stderr.
"""
import sys
import time

import networkx as nx


def main():
    what, path = sys.argv[1], sys.argv[2]
    t0 = time.monotonic()
    g = nx.read_weighted_edgelist(path, delimiter="\t", nodetype=str)
    t1 = time.monotonic()
    if what == "pagerank":
        pr = nx.pagerank(g, alpha=0.85, weight="weight")
        top = max(pr, key=pr.get)
        out = "top %s %.10f" % (top, pr[top])
    elif what == "louvain":
        parts = nx.community.louvain_communities(g, weight="weight", seed=1)
        q = nx.community.modularity(g, parts, weight="weight")
        out = "communities %d modularity %.6f" % (len(parts), q)
    else:
        sys.exit("nx.py: pagerank or louvain")
    t2 = time.monotonic()
    print(out)
    print("networkx: %d nodes, %d ties; parse %.3f s, compute %.3f s"
          % (g.number_of_nodes(), g.number_of_edges(), t1 - t0, t2 - t1),
          file=sys.stderr)


if __name__ == "__main__":
    main()
