# Direction, declared once a database: ties' defaults, a kind declared
# directed or not, a role pair; stats shows them. Then the directed graph of
# the EMON Texas search-and-rescue contacts (graphs/emon-texas): arcs along
# the directed kind (186, where the undirected graph has fewer ties), in
# and out degree, hub and authority (checked against NetworkX in
# tests/unit/test_analyze.c), exports that say they are directed, and the
# refusals.
$TIES --db "$DB" import -q graphs/emon-texas 2>/dev/null
$TIES --db "$DB" kind --format csv
$TIES --db "$DB" kind relation contacts --directed
$TIES --db "$DB" kind roles chair member --directed
$TIES --db "$DB" kind roles visitor host --undirected
$TIES --db "$DB" kind relation funds --undirected
$TIES --db "$DB" kind --format csv | grep -E 'contacts|chair|visitor|funds'
$TIES --db "$DB" stats --format csv | grep -E '^relation|^what'
echo "arcs: $($TIES --db "$DB" export --directed --format edgelist | wc -l), undirected ties: $($TIES --db "$DB" export --format edgelist | wc -l)"
$TIES --db "$DB" rank --directed --by in_degree --top 3
$TIES --db "$DB" rank --directed --by authority --top 3 --format csv
$TIES --db "$DB" export --directed --format graphml | grep -o 'edgedefault="[a-z]*"'
$TIES --db "$DB" export --directed --format gexf | grep -o 'defaultedgetype="[a-z]*"'
$TIES --db "$DB" export --directed --format dot 2>/dev/null | grep -c -- ' -> '
$TIES --db "$DB" rank --directed --by eigenvector; echo "exit $?"
$TIES --db "$DB" rank --directed --graph bipartite; echo "exit $?"
$TIES --db "$DB" path --directed o1 o2; echo "exit $?"
$TIES --db "$DB" kind roles chair chair --directed; echo "exit $?"
$TIES --db "$DB" kind relation contacts; echo "exit $?"
$TIES --db "$DB" kind relation contacts --directed --undirected; echo "exit $?"
# Role pairs: a visit is an arc from the visitor to the host; the other
# participants of the same visit are tied both ways; the country graph sums
# the arcs between countries.
mkdir -p "$WORK/v"
cat >"$WORK/v/entities.csv" <<'CSV'
id,kind,name,country
pk-inst,institution,Pakistan Institute,pk
ru-inst,institution,Russian Institute,ru
ru-guest,person,Russian Guest,ru
CSV
cat >"$WORK/v/events.csv" <<'CSV'
id,kind,date
v1,visit,2025
CSV
cat >"$WORK/v/participants.csv" <<'CSV'
event,entity,role
v1,ru-inst,visitor
v1,pk-inst,host
v1,ru-guest,attendee
CSV
$TIES --db "$WORK/v.db" import -q "$WORK/v" 2>/dev/null
$TIES --db "$WORK/v.db" export --directed --format edgelist
$TIES --db "$WORK/v.db" export --directed --graph country --format edgelist
# Directed paths follow the arcs: their lengths against a breadth-first
# search over the arcs of relations.csv done here, for 40 ordered pairs.
python3 - graphs/emon-texas/relations.csv <<'PY' >"$WORK/pairs"
import csv, sys
arcs = {}
for r in csv.DictReader(open(sys.argv[1])):
    arcs.setdefault(r["source"], set()).add(r["target"])
nodes = ["o%d" % i for i in range(1, 26)]
def dist(a, b):
    seen, front, d = {a}, [a], 0
    while front:
        if b in front:
            return d
        d += 1
        front = [y for x in front for y in sorted(arcs.get(x, ())) if y not in seen and not seen.add(y)]
    return -1
for k in range(40):
    a, b = nodes[(7 * k) % 25], nodes[(11 * k + 3) % 25]
    if a != b:
        print(a, b, dist(a, b))
PY
bad=0 n=0
while read -r a b want; do
	got=$($TIES --db "$DB" path --directed "$a" "$b" --format csv 2>/dev/null | sed -n 2p | cut -d, -f2)
	[ -z "$got" ] && got=-1
	n=$((n + 1))
	[ "$got" = "$want" ] || { bad=$((bad + 1)); echo "path $a $b: ties $got, BFS $want"; }
done <"$WORK/pairs"
echo "directed path lengths: $n pairs, $bad wrong; unreachable: $(grep -c -- ' -1$' "$WORK/pairs")"
# A directed drawing: a digraph with arrows, said in the title and legend;
# its communities (for colour) are those of the undirected graph.
$TIES --db "$DB" draw --directed -o "$WORK/d.dot" 2>/dev/null; echo "draw exit $?"
head -1 "$WORK/d.dot"
grep -c -- ' -> ' "$WORK/d.dot"
grep -o '25 entities; directed' "$WORK/d.dot"
grep -o 'Arrows: directed relation kinds' "$WORK/d.dot"
grep -o 'Colour, community' "$WORK/d.dot"
# Countries: arcs from country_a to country_b; the matrix rows from,
# columns to.
$TIES --db "$WORK/v.db" countries --directed --format csv
$TIES --db "$WORK/v.db" countries --directed --matrix --format csv | cut -d, -f1 | head -3
# Components of the directed graph are strongly connected: the Salvation
# Army only receives arcs, so it stands alone (NetworkX's
# strongly_connected_components gives sizes 24 and 1 too).
$TIES --db "$DB" components --directed --format csv | cut -d, -f1,2
$TIES --db "$DB" components --format csv | cut -d, -f1,2
# The report of the directed graph says so.
$TIES --db "$DB" report --directed -o "$WORK/r.md" 2>/dev/null; echo "report exit $?"
grep -c 'directed entity graph' "$WORK/r.md"
# The ego network of a directed graph: the entities its arcs reach (the
# Red Cross's 12 arcs out, as relations.csv lists them), each "via" the
# arcs that reach it.
$TIES --db "$DB" neighbors --directed o8 --format csv | tail -n +3 | cut -d, -f1 | sort | tr '\n' ' '; echo
python3 -c "
import csv
print(' '.join(sorted(r['target'] for r in csv.DictReader(open('graphs/emon-texas/relations.csv')) if r['source'] == 'o8')))"
