# GraphML through igraph's reader: a ties export of the entity graph reads
# back as entities and ties; a hand-written file with an event, too.
cat > "$WORK/g.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="country" for="node" attr.name="country" attr.type="string"/>
  <key id="date" for="node" attr.name="date" attr.type="string"/>
  <key id="founded" for="node" attr.name="founded" attr.type="int"/>
  <key id="role" for="edge" attr.name="role" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="x1"><data key="kind">institution</data><data key="label">X &amp; One</data><data key="country">jp</data><data key="founded">1951</data></node>
    <node id="x2"><data key="kind">institution</data><data key="label">X Two</data><data key="country">kr</data></node>
    <node id="m1"><data key="kind">meeting</data><data key="label">Seoul talks</data><data key="date">2023-11-02</data></node>
    <edge source="m1" target="x1"><data key="role">attendee</data></edge>
    <edge source="m1" target="x2"><data key="role">host</data></edge>
  </graph>
</graphml>
XML
$TIES --db "$DB" import "$WORK/g.graphml"; echo "exit $?"
$TIES --db "$DB" show --format json x1
$TIES --db "$DB" path x1 x2
printf '<graphml><graph><node id=' > "$WORK/bad.graphml"
$TIES --db "$DB" import "$WORK/bad.graphml"; echo "exit $?"
