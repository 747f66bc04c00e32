#!/usr/bin/env python3
"""Make organizations.csv, the ROR subset of this folder, from the ROR
registry's ror_organizations.csv (see PROVENANCE.md):

    python3 tests/extract/ror/subset.py ROR_DIR > tests/extract/ror/organizations.csv

Keeps the organisations named in ids.txt and 2,000 others drawn at random
(seed 18), in the registry's order and columns.
"""
import csv
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))
want = {l.split()[0] for l in open(os.path.join(here, "ids.txt"))
        if l.strip() and not l.startswith("#")}
rows = list(csv.reader(open(os.path.join(sys.argv[1],
                                         "ror_organizations.csv"),
                            newline="", encoding="utf-8")))
head, rows = rows[0], rows[1:]
rng = random.Random(18)
keep = set(rng.sample(range(len(rows)), 2000))
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(head)
for i, r in enumerate(rows):
    if i in keep or r[0].rsplit("/", 1)[-1] in want:
        w.writerow(r)
