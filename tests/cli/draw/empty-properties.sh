# What a diagram must show, checked on networks made here (properties, not
# pictures): distinct colours for distinct categories (12 at most, then one
# grey), the focus marked, the legend's entries, no entity drawn without a
# tie, a complete weighted graph thinned to a backbone that keeps every
# entity's strongest tie, and colour by community when all share a country.
mkdir -p "$WORK/net" "$WORK/one"
python3 - "$WORK" <<'PY'
import sys, itertools
w = sys.argv[1]
cc = ["fr", "de", "it", "es", "pt", "nl", "be", "at", "ch", "se", "no", "dk", "fi", "pl", "cz"]
with open(w + "/net/entities.csv", "w") as f:
    f.write("id,kind,name,country\n")
    for i, c in enumerate(cc):
        for j in range(2):
            f.write("p%d%d,person,Person %d-%d,%s\n" % (i, j, i, j, c))
with open(w + "/net/events.csv", "w") as f:
    f.write("id,kind,date\n")
    for i in range(len(cc)):
        f.write("m%d,meeting,2024-01-%02d\n" % (i, i + 1))
with open(w + "/net/participants.csv", "w") as f:
    f.write("event,entity\n")
    for i in range(len(cc)):
        for p in ("p%d0" % i, "p%d1" % i, "p%d0" % ((i + 1) % len(cc))):
            f.write("m%d,%s\n" % (i, p))
# One country, a complete graph of 30 with uneven weights.
with open(w + "/one/entities.csv", "w") as f:
    f.write("id,kind,name,country\n")
    for i in range(30):
        f.write("q%d,person,Member %d,fr\n" % (i, i))
with open(w + "/one/events.csv", "w") as f:
    f.write("id,kind,date\n")
    k = 0
    for a, b in itertools.combinations(range(30), 2):
        for r in range(1 + (a + b) % 4):
            f.write("v%d,meeting,2024\n" % k); k += 1
with open(w + "/one/participants.csv", "w") as f:
    f.write("event,entity\n")
    k = 0
    for a, b in itertools.combinations(range(30), 2):
        for r in range(1 + (a + b) % 4):
            f.write("v%d,q%d\nv%d,q%d\n" % (k, a, k, b)); k += 1
PY
$TIES --db "$DB" import -q "$WORK/net" 2>/dev/null
$TIES --db "$DB" draw -o "$WORK/many.dot" 2>"$WORK/many.err"
$TIES --db "$DB" draw --focus p00 --depth 2 -o "$WORK/focus.dot" 2>/dev/null
$TIES --db "$WORK/one.db" import -q "$WORK/one" 2>/dev/null
$TIES --db "$WORK/one.db" draw -o "$WORK/one.dot" 2>"$WORK/one.err"
python3 - "$WORK" <<'PY'
import re, sys
w = sys.argv[1]
def parse(path):
    s = open(path).read()
    nodes = {}
    for m in re.finditer(r'\n\s*"?([\w-]+)"?\s*\[([^\]]*)\]', s):
        name, attrs = m.group(1), m.group(2)
        if name in ("graph", "node", "edge") or "--" in name:
            continue
        fill = re.search(r'fillcolor="([^"]*)"', attrs)
        nodes[name] = {"fill": fill.group(1) if fill else None, "attrs": attrs}
    edges = re.findall(r'\n\s*"?([\w-]+)"?\s*--\s*"?([\w-]+)"?', s)
    return s, nodes, edges
s, nodes, edges = parse(w + "/many.dot")
country = {("p%d%d" % (i, j)): c for i, c in enumerate(
    ["fr", "de", "it", "es", "pt", "nl", "be", "at", "ch", "se", "no", "dk", "fi", "pl", "cz"]) for j in range(2)}
by_fill = {}
for n, d in nodes.items():
    by_fill.setdefault(d["fill"], set()).add(country[n])
shared = [f for f, cs in by_fill.items() if len(cs) > 1 and f != "#eeeeee"]
print("countries drawn:", len(set(country[n] for n in nodes)))
print("colours other than grey shared by two countries:", len(shared))
print("countries in grey 'other':", len(by_fill.get("#eeeeee", ())))
print("legend:", all(k in s for k in ("Colour, country", "Shape:", "Lines:", "Node area")))
tied = set(a for a, b in edges) | set(b for a, b in edges)
print("entities drawn without a tie:", len([n for n in nodes if n not in tied]))
s, nodes, edges = parse(w + "/focus.dot")
print("focus outlined:", 'color="#d62728"' in nodes["p00"]["attrs"] and "penwidth=3" in nodes["p00"]["attrs"])
print("focus in the title:", "Around Person 0-0" in s)
s, nodes, edges = parse(w + "/one.dot")
deg = {}
for a, b in edges:
    deg[a] = deg.get(a, 0) + 1; deg[b] = deg.get(b, 0) + 1
print("complete graph of 30: ties drawn at most 4 a node:", len(edges) <= 4 * 30, "; every entity tied:", len(deg) == 30)
print("one country: coloured by community:", "Colour, community" in s)
PY
cat "$WORK/many.err" "$WORK/one.err"
