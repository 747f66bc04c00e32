#!/usr/bin/env python3
"""The ROR registry subset as ties CSV tables.

    python3 examples/real/ror.py ROR_DIR OUT_DIR

ROR_DIR holds ror_organizations.csv and ror_relationships.csv (see
docs/real-data.md for their provenance; CC0 data). Organisations become
institutions (id = the ROR id's suffix, home country from the ISO code,
city, types, established and status as attributes); "parent" rows become
part_of relations, "related" rows related_to, "successor" rows
succeeded_by; relations to organisations outside the subset are left
out. Codes that ISO 3166-1 lacks (XK, Kosovo) become a country
entity of their own. Standard library only.
"""
import csv
import os
import sys

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
iso = set()
with open("/usr/share/iso-codes/json/iso_3166-1.json") as f:
    import json
    iso = {c["alpha_2"].lower() for c in json.load(f)["3166-1"]}
extra = {}
ids = set()
with open(os.path.join(src, "ror_organizations.csv"), newline="") as f, \
        open(os.path.join(out, "entities.csv"), "w", newline="") as o:
    w = csv.writer(o, lineterminator="\n")
    w.writerow(["id", "kind", "name", "country", "city", "types",
                "established", "status"])
    for r in csv.DictReader(f):
        cc = r["country_code"].lower()
        if cc and cc not in iso:
            extra[cc] = r["country_name"] or cc.upper()
        ids.add(r["ror_id"].rsplit("/", 1)[-1])
        w.writerow([r["ror_id"].rsplit("/", 1)[-1], "institution", r["name"],
                    cc, r["city"], r["types"].replace(";", "|"),
                    r["established"], r["status"]])
if extra:
    with open(os.path.join(out, "countries.csv"), "w", newline="") as o:
        w = csv.writer(o, lineterminator="\n")
        w.writerow(["id", "kind", "name"])
        for cc, name in sorted(extra.items()):
            w.writerow([cc, "country", name])
parents = {}


def above(a, b):
    """Whether b is a part_of ancestor of a (or a itself)."""
    seen, todo = set(), [a]
    while todo:
        x = todo.pop()
        if x == b:
            return True
        if x not in seen:
            seen.add(x)
            todo.extend(parents.get(x, ()))
    return False


skipped = 0
kinds = {"parent": "part_of", "related": "related_to",
         "successor": "succeeded_by"}
with open(os.path.join(src, "ror_relationships.csv"), newline="") as f, \
        open(os.path.join(out, "relations.csv"), "w", newline="") as o:
    w = csv.writer(o, lineterminator="\n")
    w.writerow(["source", "target", "kind"])
    for r in csv.DictReader(f):
        k = kinds.get(r["relationship_type"])
        a = r["source_ror_id"].rsplit("/", 1)[-1]
        b = r["target_ror_id"].rsplit("/", 1)[-1]
        # The subset lacks some organisations that relations point to.
        if not (k and a in ids and b in ids):
            continue
        if k == "part_of":
            # ROR has a few parent cycles (two offices each the other's
            # parent); ties refuses them, so the second edge is left out.
            if above(b, a):
                skipped += 1
                continue
            parents.setdefault(a, set()).add(b)
        w.writerow([a, b, k])
print(f"ror: {len(ids)} organisations; {skipped} parent links left out "
      "because they would close a cycle", file=sys.stderr)
