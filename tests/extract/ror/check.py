#!/usr/bin/env python3
"""The database as gazetteer: `ties extract` links the institutions a
release names to the organisations of an imported ROR subset.

    python3 tests/extract/ror/check.py TIES [--verbose] [--check P R]

Converts organizations.csv (a ROR subset, see PROVENANCE.md) with
examples/real/ror.py, imports it into a new database, adds the aliases of
aliases.txt (CERN, ESA: the subset holds no acronyms; a user would add
them so), and runs TIES extract on each
release of expected.txt against it. A link is an id of the subset among
the facts (`NAME [ID] (in the database)`). Prints precision (links that
expected.txt lists, of all links) and recall (listed links found); with
--check, exits 1 when either is below P or R.
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))


def main():
    args = sys.argv[1:]
    ties = os.path.abspath(args[0])
    verbose = "--verbose" in args
    floor = None
    if "--check" in args:
        i = args.index("--check")
        floor = (float(args[i + 1]), float(args[i + 2]))
    with open(os.path.join(HERE, "organizations.csv"), encoding="utf-8") as f:
        ror = {r["ror_id"].rsplit("/", 1)[-1]: r["name"]
               for r in csv.DictReader(f)}
    want = {}
    with open(os.path.join(HERE, "expected.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                w = line.split()
                want[w[0]] = set(w[1:])
    with tempfile.TemporaryDirectory() as tmp:
        src, tab, db = (os.path.join(tmp, x) for x in ("src", "tab", "r.db"))
        os.makedirs(src)
        with open(os.path.join(HERE, "organizations.csv"), "rb") as i, \
                open(os.path.join(src, "ror_organizations.csv"), "wb") as o:
            o.write(i.read())
        with open(os.path.join(src, "ror_relationships.csv"), "w") as o:
            o.write("source_ror_id,target_ror_id,relationship_type,"
                    "target_label\n")
        subprocess.run([sys.executable,
                        os.path.join(ROOT, "examples/real/ror.py"), src, tab],
                       check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        subprocess.run([ties, "--db", db, "import", "-q", tab], check=True,
                       stderr=subprocess.DEVNULL)
        with open(os.path.join(HERE, "aliases.txt"), encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    i, alias = line.split(None, 1)
                    subprocess.run([ties, "--db", db, "add", "entity", i,
                                    "--kind", "institution", "--name", ror[i],
                                    "--alias", alias.strip()], check=True,
                                   stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        hit = found = listed = 0
        for rel, ids in sorted(want.items()):
            path = os.path.join(ROOT, "tests/extract/world", rel + ".md")
            out = subprocess.run([ties, "--db", db, "extract", "--format",
                                  "tsv", path], check=True,
                                 capture_output=True, text=True).stdout
            got = set()
            for row in csv.DictReader(io.StringIO(out), delimiter="\t"):
                m = re.search(r"\[([0-9a-z]{9})\] \(in the database\)",
                              row["fact"])
                if m and m.group(1) in ror:
                    got.add(m.group(1))
            listed += len(ids)
            found += len(got)
            hit += len(got & ids)
            if verbose:
                for i in sorted(ids - got):
                    print("%s: missed %s %s" % (rel, i, ror[i]))
                for i in sorted(got - ids):
                    print("%s: wrong %s %s" % (rel, i, ror[i]))
    p = hit / found if found else 1.0
    r = hit / listed if listed else 1.0
    print("ror: %d links listed, %d found, %d right: precision %.2f, "
          "recall %.2f" % (listed, found, hit, p, r))
    if floor and (p < floor[0] or r < floor[1]):
        print("ror: below the floor (precision %.2f, recall %.2f)" % floor)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
