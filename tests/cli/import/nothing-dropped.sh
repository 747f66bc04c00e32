# Nothing is dropped silently: 100 aliases in DOT and GraphML, 70
# attributes in GraphML, numbers and booleans as JSON attributes are kept;
# a misspelt table, a table of the wrong shape, a newer schema (99), an unknown
# key in a row, a second graph in a DOT file are errors, and change
# nothing.
. tests/cli/lib.inc
al=$(i=0; while [ $i -lt 100 ]; do printf 'al%d|' $i; i=$((i + 1)); done)
printf 'graph { many [kind=person, label="Many Names", aliases="%s"] }\n' "$al" >"$WORK/many.dot"
try_import "$WORK/many.dot"
$TIES --db "$DB" show many --format json | grep -c '"al[0-9]*"'
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
	echo '<key id="kind" for="node" attr.name="kind" attr.type="string"/>'
	echo '<key id="label" for="node" attr.name="label" attr.type="string"/>'
	echo '<key id="aliases" for="node" attr.name="aliases" attr.type="string"/>'
	i=0; while [ $i -lt 70 ]; do echo "<key id=\"a$i\" for=\"node\" attr.name=\"a$i\" attr.type=\"double\"/>"; i=$((i + 1)); done
	echo '<graph edgedefault="undirected"><node id="wide">'
	echo '<data key="kind">person</data><data key="label">Wide Node</data>'
	echo "<data key=\"aliases\">$al</data>"
	i=0; while [ $i -lt 70 ]; do echo "<data key=\"a$i\">$i.5</data>"; i=$((i + 1)); done
	echo '</node></graph></graphml>'
} >"$WORK/wide.graphml"
try_import "$WORK/wide.graphml"
$TIES --db "$DB" show wide --format json | grep -c '"al[0-9]*"'
$TIES --db "$DB" show wide --format json | grep -c '"a[0-9]*": "[0-9]*\.5"'
printf '{"entities": [{"id": "num", "kind": "person", "name": "Num Ber", "attributes": {"age": 42, "ok": true, "pi": 3.5}}]}\n' >"$WORK/n.json"
try_import "$WORK/n.json"
$TIES --db "$DB" show num | grep -E '^  (age|ok|pi) '
for d in '{"entites": []}' '{"entities": {}}' '{"schema": 99, "entities": []}' \
	'{"entities": [{"id": "z", "kind": "person", "name": "Z", "nmae": "x"}]}' \
	'{"entities": [{"id": "z", "kind": "person", "name": "Z", "attributes": {"x": [1]}}]}'; do
	printf '%s\n' "$d" >"$WORK/bad.json"
	try_import "$WORK/bad.json"
done
printf 'graph { one [kind=person, label="One"] }\ngraph { two [kind=person, label="Two"] }\n' >"$WORK/two.dot"
try_import "$WORK/two.dot"
