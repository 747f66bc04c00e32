# Errors in JSON, DOT and GraphML name the line of the row, node or edge
# (their parsers keep no positions; ties finds them in the file): the line
# of the row entities[2], not of another; of node 'a', not of 'ab' or of a
# label holding "a"; of a quoted ID with spaces; of an edge's line.
cat >"$WORK/rows.json" <<'J'
{
  "entities": [
    {"id": "x", "kind": "person", "name": "X [1], {\"y\"}"},
    {"id": "y", "kind": "person",
     "name": "Y"},

    {"id": "z", "kind": "person", "name": "Z",
     "country": "zz"}
  ]
}
J
$TIES --db "$DB" import "$WORK/rows.json"; echo "exit $?"
cat >"$WORK/nodes.dot" <<'D'
graph {
  ab [kind=person, label="a"];
  "a-b" [kind=person, label="the a"];
  a [kind=person, country=zz];
}
D
$TIES --db "$DB" import "$WORK/nodes.dot"; echo "exit $?"
cat >"$WORK/quoted.dot" <<'D'
graph {
  a [kind=person];
  "jean-monnet" [kind=person, label="Jean Monnet",
     country=zz];
}
D
$TIES --db "$DB" import "$WORK/quoted.dot"; echo "exit $?"
cat >"$WORK/edge.dot" <<'D'
graph {
  m1 [kind=meeting, date="2024-01-01"];
  m2 [kind=meeting, date="2024-01-02"];
  p [kind=person];
  p -- m1;
  m1 -- m2;
}
D
$TIES --db "$DB" import "$WORK/edge.dot"; echo "exit $?"
cat >"$WORK/nodes.graphml" <<'G'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="country" for="node" attr.name="country" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="ab"><data key="kind">person</data></node>
    <node id="a"><data key="kind">person</data>
      <data key="country">zz</data></node>
  </graph>
</graphml>
G
$TIES --db "$DB" import "$WORK/nodes.graphml"; echo "exit $?"
$TIES --db "$DB" stats | head -2
