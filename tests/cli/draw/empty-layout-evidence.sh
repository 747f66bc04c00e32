# The count on each drawn tie is the number of events both ends took part
# in (once an event, whatever their roles; only events that pass the
# filters), read for all drawn entities at once; and the default layout
# follows the size: fdp for a small diagram, sfdp past 150 entities.
mkdir -p "$WORK/net" "$WORK/big"
python3 - "$WORK" <<'PY'
import sys, itertools, json
w = sys.argv[1]
n = 12
with open(w + "/net/entities.csv", "w") as f:
    f.write("id,kind,name,country\n")
    for i in range(n):
        f.write("q%d,person,Member %d,fr\n" % (i, i))
ev, part, expect, expect_from = [], [], {}, {}
k = 0
for a, b in itertools.combinations(range(n), 2):
    for r in range(1 + (a * 7 + b) % 5):
        year = 2000 + (k % 20)
        ev.append("v%d,%s,%d-01-01" % (k, "mou" if k % 3 == 0 else "meeting", year))
        part.append("v%d,q%d,host" % (k, a)); part.append("v%d,q%d,guest" % (k, b))
        if k % 4 == 0:  # a second role for the same entity
            part.append("v%d,q%d,speaker" % (k, a))
        key = "q%d q%d" % (a, b)
        expect[key] = expect.get(key, 0) + 1
        if year >= 2010:
            expect_from[key] = expect_from.get(key, 0) + 1
        k += 1
open(w + "/net/events.csv", "w").write("id,kind,date\n" + "\n".join(ev) + "\n")
open(w + "/net/participants.csv", "w").write("event,entity,role\n" + "\n".join(part) + "\n")
json.dump([expect, expect_from], open(w + "/expect.json", "w"))
with open(w + "/big/entities.csv", "w") as f:
    f.write("id,kind,name,country\n")
    for i in range(200):
        f.write("r%d,institution,Body %d,%s\n" % (i, i, ["fr", "de"][i % 2]))
with open(w + "/big/relations.csv", "w") as f:
    f.write("source,target,kind\n")
    for i in range(200):
        f.write("r%d,r%d,related_to\n" % (i, (i + 1) % 200))
PY
$TIES --db "$DB" import -q "$WORK/net" 2>/dev/null
$TIES --db "$DB" draw --backbone all -o "$WORK/all.dot" 2>"$WORK/all.msg"
$TIES --db "$DB" draw --backbone all --from 2010 -o "$WORK/from.dot" 2>"$WORK/from.msg"
$TIES --db "$WORK/big.db" import -q "$WORK/big" 2>/dev/null
$TIES --db "$WORK/big.db" draw -o "$WORK/big.dot" 2>"$WORK/big.msg"
python3 - "$WORK" <<'PY'
import re, sys, json
w = sys.argv[1]
expect, expect_from = json.load(open(w + "/expect.json"))
def counts(path):
    got = {}
    for m in re.finditer(r'\n\s*"?(q\d+)"?\s*--\s*"?(q\d+)"?\s*\[([^\]]*)\]', open(path).read()):
        a, b, attrs = m.groups()
        if int(a[1:]) > int(b[1:]):
            a, b = b, a
        lab = re.search(r'\blabel=(\d+)', attrs)
        tip = re.search(r'tooltip="([^"]*)"', attrs).group(1)
        got["%s %s" % (a, b)] = (int(lab.group(1)) if lab else 1, tip)
    return got
for name, path, exp in (("all", "all.dot", expect), ("--from 2010", "from.dot", expect_from)):
    got = counts(w + "/" + path)
    wrong = [k for k in exp if got.get(k, (0,))[0] != exp[k]]
    print("%s: %d ties drawn, %d expected, counts wrong: %d" % (name, len(got), len(exp), len(wrong)))
tip = counts(w + "/all.dot")["q0 q1"][1]
print("tooltip of q0-q1:", tip)
PY
cat "$WORK/all.msg" "$WORK/from.msg" "$WORK/big.msg"
