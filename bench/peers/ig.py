#!/usr/bin/env python3
"""python-igraph on the tie list of `ties export --format edgelist`.

    python3 ig.py pagerank|louvain FILE

Prints the answer on stdout and the parse and compute times on stderr.
"""
import sys
import time

import igraph


def main():
    what, path = sys.argv[1], sys.argv[2]
    t0 = time.monotonic()
    g = igraph.Graph.Read_Ncol(path, names=True, weights=True, directed=False)
    t1 = time.monotonic()
    if what == "pagerank":
        pr = g.pagerank(damping=0.85, weights="weight")
        top = max(range(len(pr)), key=pr.__getitem__)
        out = "top %s %.10f" % (g.vs[top]["name"], pr[top])
    elif what == "louvain":
        igraph.set_random_number_generator(None)
        c = g.community_multilevel(weights="weight")
        out = "communities %d modularity %.6f" % (
            len(c), g.modularity(c.membership, weights="weight"))
    else:
        sys.exit("ig.py: pagerank or louvain")
    t2 = time.monotonic()
    print(out)
    print("python-igraph: %d nodes, %d ties; parse %.3f s, compute %.3f s"
          % (g.vcount(), g.ecount(), t1 - t0, t2 - t1), file=sys.stderr)


if __name__ == "__main__":
    main()
