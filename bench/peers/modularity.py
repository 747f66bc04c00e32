#!/usr/bin/env python3
"""Weighted modularity of a partition of the tie list.

    python3 modularity.py TIES.tsv MEMBERSHIP.tsv

TIES.tsv as `ties export --format edgelist` writes it; MEMBERSHIP.tsv has
"id<TAB>community" lines. Prints the modularity (Newman's, resolution 1)."""
import sys
from collections import defaultdict


def main():
    comm = {}
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                i, c = line.rstrip("\n").split("\t")
                comm[i] = c
    m = 0.0
    inside = defaultdict(float)
    degree = defaultdict(float)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            a, b, w = line.rstrip("\n").split("\t")
            w = float(w)
            m += w
            ca, cb = comm.get(a), comm.get(b)
            degree[ca] += w
            degree[cb] += w
            if ca == cb:
                inside[ca] += w
    q = sum(inside[c] / m - (degree[c] / (2 * m)) ** 2 for c in degree)
    print("%.6f" % q)


if __name__ == "__main__":
    main()
