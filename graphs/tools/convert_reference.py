#!/usr/bin/env python3
"""Convert the classic reference networks into ties CSV tables.

    python3 graphs/tools/convert_reference.py SHARED_DATA_DIR graphs/

SHARED_DATA_DIR holds the curated copies described in each data set's
README (florentine_families/, davis_southern_women/, karate_club/,
socnetv_classic_org_networks/). Only the standard library is used.
"""
import csv
import os
import re
import sys


def slug(s):
    s = s.lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def write(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def florentine(src, dst):
    d = os.path.join(dst, "florentine-families")
    os.makedirs(d, exist_ok=True)
    fam = read(os.path.join(src, "florentine_families", "families.csv"))
    write(os.path.join(d, "entities.csv"),
          ["id", "kind", "name", "wealth_1000_lira_1427", "priorates"],
          [[slug(r["family"]), "family", r["family"],
            r["wealth_1000_lira_1427"], r["priorates_seats_1282_1344"]]
           for r in fam])
    rows = []
    for kind, fn in (("marriage", "marriage_edges.csv"),
                     ("business", "business_edges.csv")):
        for r in read(os.path.join(src, "florentine_families", fn)):
            rows.append([slug(r["source"]), slug(r["target"]), kind])
    write(os.path.join(d, "relations.csv"), ["source", "target", "kind"], rows)


def southern_women(src, dst):
    d = os.path.join(dst, "southern-women")
    os.makedirs(d, exist_ok=True)
    s = os.path.join(src, "davis_southern_women")
    women = read(os.path.join(s, "women.csv"))
    write(os.path.join(d, "entities.csv"), ["id", "kind", "name"],
          [[slug(r["woman"]), "person", r["woman"]] for r in women])
    ev = read(os.path.join(s, "events.csv"))
    write(os.path.join(d, "events.csv"),
          ["id", "kind", "title", "date_as_published"],
          [[r["event"].lower(), "social_event", "Event " + r["event"],
            r["date_month_day_as_published"]] for r in ev])
    att = read(os.path.join(s, "attendance_edges.csv"))
    write(os.path.join(d, "participants.csv"), ["event", "entity", "role"],
          [[r["event"].lower(), slug(r["woman"]), "attendee"] for r in att])


def karate(src, dst):
    d = os.path.join(dst, "karate-club")
    os.makedirs(d, exist_ok=True)
    s = os.path.join(src, "karate_club")
    nodes = read(os.path.join(s, "nodes.csv"))
    write(os.path.join(d, "entities.csv"), ["id", "kind", "name", "club"],
          [["m" + r["node_0based"], "person",
            "Member " + r["node_1based_zachary"], r["club_after_fission"]]
           for r in nodes])
    write(os.path.join(d, "relations.csv"),
          ["source", "target", "kind", "contexts"],
          [["m" + r["source"], "m" + r["target"], "tie", r["weight_zachary_C"]]
           for r in read(os.path.join(s, "edges.csv"))])


def stokman(src, dst):
    d = os.path.join(dst, "stokman-ziegler-netherlands")
    os.makedirs(d, exist_ok=True)
    s = os.path.join(src, "socnetv_classic_org_networks")
    edges = read(os.path.join(s, "stokman_ziegler_netherlands_edges.csv"))
    ref = read(os.path.join(s, "ref_stokman_ziegler_netherlands_unweighted.csv"))
    firms = sorted({r["node"] for r in ref})
    write(os.path.join(d, "entities.csv"), ["id", "kind", "name", "country"],
          [[slug(f), "institution", f, "nl"] for f in firms])
    write(os.path.join(d, "relations.csv"),
          ["source", "target", "kind", "shared_directors"],
          [[slug(r["firm_a"]), slug(r["firm_b"]), "interlock", r["weight"]]
           for r in edges])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    for f in (florentine, southern_women, karate, stokman):
        f(sys.argv[1], sys.argv[2])
