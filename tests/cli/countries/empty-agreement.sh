# Voting agreement on real data: the UN General Assembly's session 74
# (tests/data/unvotes-74, CC0), converted by examples/real/unvotes.py. Each
# tie of `countries --same-role --share` must be the share of the roll calls
# both countries voted in where they voted alike, and of `--same-role` its
# number, `--role yes` the number both voted yes, all computed here directly
# from votes.csv; and the graph options that do not go together are refused.
python3 examples/real/unvotes.py tests/data/unvotes-74 "$WORK/unv" >/dev/null 2>&1
$TIES --db "$DB" import -q "$WORK/unv" 2>/dev/null
$TIES --db "$DB" countries --same-role --share --format csv >"$WORK/share.csv"
$TIES --db "$DB" countries --same-role --format csv >"$WORK/same.csv"
$TIES --db "$DB" export --role yes --format edgelist -o "$WORK/yes.tsv"
$TIES --db "$DB" list --kind country --format csv >"$WORK/countries.csv"
python3 - "$WORK" tests/data/unvotes-74 <<'PY'
import csv, itertools, sys
w, src = sys.argv[1], sys.argv[2]
# The converter's ids (ISO codes, else hist-NAME), and ties' names for them.
import re
tname = {r["id"]: r["name"] for r in csv.DictReader(open(w + "/countries.csv"))}
code = {r["country_id"]: r["iso2_code"].lower() or "hist-" + re.sub(r"[^a-z0-9]+", "-", r["country"].lower()).strip("-")
        for r in csv.DictReader(open(src + "/countries.csv"))}
name = {c: tname[i] for c, i in code.items() if i in tname}
votes = {}
for r in csv.DictReader(open(src + "/votes.csv")):
    votes.setdefault(r["rcid"], {})[r["country_id"]] = r["vote"]
common, alike, yes = {}, {}, {}
for rc, v in votes.items():
    for a, b in itertools.combinations(sorted(v), 2):
        k = tuple(sorted((name[a], name[b])))
        common[k] = common.get(k, 0) + 1
        if v[a] == v[b]:
            alike[k] = alike.get(k, 0) + 1
        if v[a] == v[b] == "yes":
            yes[k] = yes.get(k, 0) + 1
def read(path, a, b, wcol):
    out = {}
    for r in csv.DictReader(open(path)):
        out[tuple(sorted((r[a], r[b])))] = float(r[wcol])
    return out
share = read(w + "/share.csv", "country_a", "country_b", "weight")
same = read(w + "/same.csv", "country_a", "country_b", "weight")
print("country pairs that voted alike at least once:", len(alike), "; ties:", len(share), len(same))
print("shares off by more than 1e-6:", sum(abs(share.get(k, -1) - alike[k] / common[k]) > 1e-6 for k in alike))
print("counts wrong:", sum(same.get(k) != alike[k] for k in alike))
ys = {}
for line in open(w + "/yes.tsv"):
    a, b, x = line.split("\t")
    ys[tuple(sorted((tname[a], tname[b])))] = float(x)
print("--role yes: pairs", len(yes), "ties", len(ys), "; counts wrong:", sum(ys.get(k) != yes[k] for k in yes))
for k in [("Russian Federation", "United States"), ("Israel", "United States"), ("France", "Germany"), ("India", "Pakistan")]:
    print("%s - %s: %d of %d, %.4f" % (k[0], k[1], alike[k], common[k], share[k]))
PY
$TIES --db "$DB" countries --share; echo "exit $?"
$TIES --db "$DB" rank --graph bipartite --same-role; echo "exit $?"
