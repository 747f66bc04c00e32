# Weights of relations and participations: read from every import format,
# kept in the store (the views show them), written by the CSV and JSON
# exports and read back the same; 1 when not given. And the tie weights
# made of them: a-b has two pieces of evidence, the relation (2.5) and the
# meeting (a 3, b 100: the smaller, 3), so --weight evidence 2, sum 5.5,
# mean 2.75; b-c one relation of weight 1; bipartite ties weigh the
# participations; --share does not mix with sums.
mkdir -p "$WORK/in"
cat >"$WORK/in/entities.csv" <<'CSV'
id,kind,name
a,institution,A
b,institution,B
c,institution,C
CSV
cat >"$WORK/in/relations.csv" <<'CSV'
source,target,kind,weight
a,b,funds,2.5
b,c,funds,
CSV
cat >"$WORK/in/events.csv" <<'CSV'
id,kind,date
e1,meeting,2020
CSV
cat >"$WORK/in/participants.csv" <<'CSV'
event,entity,role,weight
e1,a,host,3
e1,b,guest,1e2
CSV
q="SELECT source, target, kind, weight FROM relations ORDER BY 1, 2; SELECT event, entity, role, weight FROM participants ORDER BY 1, 2"
$TIES --db "$DB" import -q "$WORK/in" 2>/dev/null
sqlite3 "$DB" "$q" >"$WORK/want"
cat "$WORK/want"
$TIES --db "$DB" export --format csv -o "$WORK/csv"
$TIES --db "$DB" export --format json -o "$WORK/x.json"
for f in "$WORK/csv" "$WORK/x.json"; do
	rm -f "$WORK/r.db"
	$TIES --db "$WORK/r.db" import -q "$f" 2>/dev/null
	sqlite3 "$WORK/r.db" "$q" | cmp -s - "$WORK/want" && echo "$(basename "$f"): the same weights back"
done
grep -c '"weight"' "$WORK/x.json"
cat >"$WORK/w.dot" <<'DOT'
graph { a [kind=institution]; b [kind=institution]; e [kind=meeting];
  a -- b [kind=funds, weight=4]; a -- e [role=host, weight=0.5]; b -- e }
DOT
rm -f "$WORK/d.db"
$TIES --db "$WORK/d.db" import -q "$WORK/w.dot" 2>/dev/null
sqlite3 "$WORK/d.db" "$q"
cat >"$WORK/w.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="ek" for="edge" attr.name="kind" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="kind">institution</data></node>
    <node id="b"><data key="kind">institution</data></node>
    <edge source="a" target="b"><data key="ek">funds</data><data key="w">7.25</data></edge>
  </graph>
</graphml>
XML
rm -f "$WORK/g.db"
$TIES --db "$WORK/g.db" import -q "$WORK/w.graphml" 2>/dev/null
sqlite3 "$WORK/g.db" "SELECT source, target, kind, weight FROM relations"
$TIES --db "$DB" show a
for m in evidence sum mean; do
	echo "# --weight $m"
	$TIES --db "$DB" export --weight $m --format edgelist
done
$TIES --db "$DB" export --weight sum --graph bipartite --format edgelist
$TIES --db "$DB" rank --weight mean --by strength --format csv
$TIES --db "$DB" export --weight sum --same-role --share --format edgelist; echo "exit $?"
$TIES --db "$DB" export --weight max --format edgelist; echo "exit $?"
