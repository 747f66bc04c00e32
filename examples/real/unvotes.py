#!/usr/bin/env python3
"""UN General Assembly roll calls 1946-2019 as ties CSV tables.

    python3 examples/real/unvotes.py UNVOTES_DIR OUT_DIR

UNVOTES_DIR holds countries.csv, roll_calls.csv, votes.csv and
roll_call_issues.csv (Voeten's data, CC0; see docs/real-data.md). Each roll
call becomes an event of kind un_vote with its date and short title (its
issues as the attribute `issues`), each vote a participation of the country
with its vote as the role (yes, no, abstain). Countries without an ISO code
in the source (Federal Republic of Germany, Yemen Arab Republic, Zanzibar;
Namibia, whose code NA was read as missing upstream) and former codes (CS,
SU, YU, DD) become country entities of their own. Standard library only.
"""
import csv
import os
import re
import sys

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
import json
with open("/usr/share/iso-codes/json/iso_3166-1.json") as f:
    iso = {c["alpha_2"].lower() for c in json.load(f)["3166-1"]}
country = {}
with open(os.path.join(src, "countries.csv"), newline="") as f, \
        open(os.path.join(out, "entities.csv"), "w", newline="") as o:
    w = csv.writer(o, lineterminator="\n")
    w.writerow(["id", "kind", "name"])
    for r in csv.DictReader(f):
        code = r["iso2_code"].lower()
        if code in iso:
            country[r["country_id"]] = code
        elif code:
            # Former codes (CS Czechoslovakia, SU USSR, YU, DD): their own
            # country entities, as ISO 3166-3 lists them.
            country[r["country_id"]] = code
            w.writerow([code, "country", r["country"]])
        else:
            slug = "hist-" + re.sub(r"[^a-z0-9]+", "-", r["country"].lower()).strip("-")
            country[r["country_id"]] = slug
            w.writerow([slug, "country", r["country"]])
issues = {}
with open(os.path.join(src, "roll_call_issues.csv"), newline="") as f:
    for r in csv.DictReader(f):
        issues.setdefault(r["rcid"], []).append(r["issue"])
with open(os.path.join(src, "roll_calls.csv"), newline="") as f, \
        open(os.path.join(out, "events.csv"), "w", newline="") as o:
    w = csv.writer(o, lineterminator="\n")
    w.writerow(["id", "kind", "date", "title", "resolution", "issues"])
    for r in csv.DictReader(f):
        w.writerow(["rc" + r["rcid"], "un_vote", r["date"],
                    r["short"].strip().capitalize() or "Roll call " + r["rcid"],
                    r["unres"], "|".join(issues.get(r["rcid"], []))])
with open(os.path.join(src, "votes.csv"), newline="") as f, \
        open(os.path.join(out, "participants.csv"), "w", newline="") as o:
    w = csv.writer(o, lineterminator="\n")
    w.writerow(["event", "entity", "role"])
    for r in csv.DictReader(f):
        w.writerow(["rc" + r["rcid"], country[r["country_id"]], r["vote"]])
