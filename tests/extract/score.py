#!/usr/bin/env python3
"""Score `ties extract` against the annotated facts of tests/extract.

    python3 tests/extract/score.py TIES [--verbose] [--by-source]
                                        [--set whitehouse|world]
                                        [--check FLOORS] [--min-confidence C]

Runs TIES on each release (a fresh database each time), reads the draft it
writes, and compares its facts with the release's annotation (see
gold/README.md for what counts). Two sets are scored apart: "whitehouse",
the 13 White House releases of releases/ with gold/ and the seed release,
on which the rules were developed; and "world", the 30 releases of 17 other
publishers in world/ (world/PROVENANCE.md). Prints precision and recall per
fact type for each set, for the seed alone, and with --by-source per
publisher. With --check, exits 1 when the seed is not perfect or a figure
falls below the floor FLOORS gives ("SET TYPE PRECISION RECALL" lines).
"""
import csv
import os
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TYPES = ["people", "institutions", "countries", "events", "dates", "roles"]
GOLD_TYPE = {"person": "people", "institution": "institutions",
             "country": "countries", "event": "events", "date": "dates",
             "role": "roles"}


def fold(s):
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").casefold()
    return " ".join(s.split())


def publisher(path):
    """The publisher the front matter names, else the White House's."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[0] == "---":
        for line in lines[1:]:
            if line == "---":
                break
            if line.startswith("publisher:"):
                return line.split(":", 1)[1].strip()
    return "The White House"


def releases():
    """(set, name, text, annotation, publisher) of every release."""
    out = []
    rel = os.path.join(HERE, "releases")
    for name in sorted(os.listdir(rel)):
        if name.endswith(".md") and name != "PROVENANCE.md":
            out.append(("whitehouse", name[:-3], os.path.join(rel, name),
                        os.path.join(HERE, "gold", name[:-3] + ".facts"),
                        "The White House"))
    out.append(("whitehouse", "seed",
                os.path.join(ROOT, "graphs", "issi-icca-ras-2025",
                             "release.txt"),
                os.path.join(HERE, "gold", "seed.facts"),
                "UrduPoint / Pakistan Point News"))
    world = os.path.join(HERE, "world")
    for name in sorted(os.listdir(world)):
        if name.endswith(".md") and name not in ("PROVENANCE.md",
                                                 "README.md"):
            path = os.path.join(world, name)
            out.append(("world", name[:-3], path,
                        os.path.join(world, name[:-3] + ".facts"),
                        publisher(path)))
    return out


def read_gold(path):
    facts = {t: [] for t in TYPES}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            kind, *rest = line.split("\t")
            t = GOLD_TYPE[kind]
            if t in ("people", "institutions"):
                facts[t].append(frozenset(fold(a) for a in rest[0].split("|")))
            elif t in ("countries", "events"):
                facts[t].append(fold(rest[0]))
            elif t == "dates":
                facts[t].append((rest[0], rest[1]))
            else:
                facts[t].append((rest[0], frozenset(
                    fold(a) for a in rest[1].split("|")), rest[2]))
    return facts


EXTRA = []  # more options for ties extract (--min-confidence C)


def draft(ties, path, tmp):
    db = os.path.join(tmp, "x.db")
    out = os.path.join(tmp, "draft")
    for p in (db, db + "-wal", db + "-shm"):
        if os.path.exists(p):
            os.remove(p)
    subprocess.run([ties, "--db", db, "extract", "-q", "-o", out] + EXTRA + [path],
                   check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)

    def rows(name):
        with open(os.path.join(out, name), encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    ents = {r["id"]: r for r in rows("entities.csv")}
    names = {}
    for i, r in ents.items():
        al = [a for a in (r["aliases"] or "").split("|") if a]
        names[i] = frozenset(fold(a) for a in [r["name"]] + al)
    events = {r["id"]: r for r in rows("events.csv")}
    parts = rows("participants.csv")
    facts = {t: [] for t in TYPES}
    countries = set()
    for i, r in ents.items():
        if r["kind"] == "person":
            facts["people"].append(names[i])
        elif r["kind"] not in ("place", "city", "country"):
            facts["institutions"].append(names[i])
        if r["country"] and r["kind"] not in ("place", "city"):
            countries.add(r["country"])
    for e in events.values():
        facts["events"].append(e["kind"])
        if e["date"]:
            facts["dates"].append((e["kind"], e["date"]))
    for p in parts:
        ent = p["entity"]
        if ent not in ents:  # a country, or an entity of the database
            countries.add(ent)
            who = frozenset([fold(ent)])
        else:
            who = names[ent]
        facts["roles"].append((events[p["event"]]["kind"], who, p["role"]))
    facts["countries"] = sorted(countries)
    return facts


def match(t, gold, pred):
    """Greedy one-to-one matching; returns the matched count and the
    unmatched gold and predicted facts."""
    used = [False] * len(pred)
    hit = 0
    missed = []
    for g in gold:
        for k, p in enumerate(pred):
            if used[k]:
                continue
            if t in ("people", "institutions"):
                ok = bool(g & p)
            elif t == "roles":
                ok = g[0] == p[0] and g[2] == p[2] and bool(g[1] & p[1])
            else:
                ok = g == p
            if ok:
                used[k] = True
                hit += 1
                break
        else:
            missed.append(g)
    extra = [p for k, p in enumerate(pred) if not used[k]]
    return hit, missed, extra


def show(x):
    if isinstance(x, frozenset):
        return "|".join(sorted(x))
    if isinstance(x, tuple):
        return " ".join(show(v) for v in x)
    return str(x)


def table(title, tot):
    print(title)
    print("  %-13s %5s %5s %5s %9s %7s" % ("type", "gold", "found", "right",
                                           "precision", "recall"))
    res = {}
    for t in TYPES:
        g, p, h = tot[t]
        prec = h / p if p else 1.0
        rec = h / g if g else 1.0
        res[t] = (prec, rec)
        print("  %-13s %5d %5d %5d %9.2f %7.2f" % (t, g, p, h, prec, rec))
    return res


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    ties = os.path.abspath(args[0])
    verbose = "--verbose" in args
    by_source = "--by-source" in args
    only = args[args.index("--set") + 1] if "--set" in args else None
    if "--min-confidence" in args:
        EXTRA.extend(["--min-confidence",
                      args[args.index("--min-confidence") + 1]])
    floors = None
    if "--check" in args:
        floors = {}
        with open(args[args.index("--check") + 1], encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    st, t, p, r = line.split()
                    floors[(st, t)] = (float(p), float(r))
    sets = {}
    seed = {t: [0, 0, 0] for t in TYPES}
    sources = {}
    count = {}
    with tempfile.TemporaryDirectory() as tmp:
        for st, name, path, gpath, pub in releases():
            if only and st != only:
                continue
            count[st] = count.get(st, 0) + 1
            tot = sets.setdefault(st, {t: [0, 0, 0] for t in TYPES})
            src = sources.setdefault((st, pub), {t: [0, 0, 0] for t in TYPES})
            gold = read_gold(gpath)
            pred = draft(ties, path, tmp)
            for t in TYPES:
                hit, missed, extra = match(t, gold[t], pred[t])
                for acc in [tot, src] + ([seed] if name == "seed" else []):
                    acc[t][0] += len(gold[t])
                    acc[t][1] += len(pred[t])
                    acc[t][2] += hit
                if verbose:
                    for m in missed:
                        print("%s: missed %s: %s" % (name, t, show(m)))
                    for x in extra:
                        print("%s: extra %s: %s" % (name, t, show(x)))
    res = {}
    titles = {"whitehouse": "the White House set: %d releases (13 White "
                            "House + the seed), the development set",
              "world": "the world set: %d releases of 17 publishers"}
    for st in sets:
        res[st] = table(titles[st] % count[st], sets[st])
    sres = table("the seed release", seed) if "whitehouse" in sets else None
    if by_source:
        for (st, pub) in sorted(sources):
            table("%s: %s" % (st, pub), sources[(st, pub)])
    if floors is None:
        return 0
    bad = []
    if sres is not None:
        bad = [t for t in TYPES if sres[t] != (1.0, 1.0)]
    for t in bad:
        print("FAIL: the seed is not perfect for %s" % t)
    for (st, t), (p, r) in floors.items():
        if st not in res:
            continue
        if res[st][t][0] + 1e-9 < p or res[st][t][1] + 1e-9 < r:
            print("FAIL: %s %s fell below precision %.2f recall %.2f"
                  % (st, t, p, r))
            bad.append(t)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
