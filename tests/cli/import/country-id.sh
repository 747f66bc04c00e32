# An entity never takes a country's id, in any importer or in add: the
# country stays, the message says how to name the entity instead, and the
# database is unchanged.
. tests/cli/lib.inc
printf 'id,kind,name\nit,institution,IT Department\n' >"$WORK/it.csv"
try_import "$WORK/it.csv"
printf '{"entities": [{"id": "it", "kind": "institution", "name": "IT Department"}]}\n' >"$WORK/it.json"
try_import "$WORK/it.json"
printf 'graph { it [kind=institution, label="IT Department"] }\n' >"$WORK/it.dot"
try_import "$WORK/it.dot"
$TIES --db "$DB" add entity de --kind person --name "Dieter Eck"; echo "exit $?"
$TIES --db "$DB" show Italy --format json | grep '"kind"'
$TIES --db "$DB" show Germany --format json | grep '"kind"'
