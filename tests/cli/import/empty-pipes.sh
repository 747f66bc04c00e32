# Input from a pipe is read once, whatever the format: /dev/stdin, "-",
# process substitution (bash-free here: a named pipe), a FIFO named x.csv.
printf 'id,kind,name\na1,person,Anna A\n' | $TIES --db "$DB" import -q --format csv --table entities /dev/stdin; echo "exit $?"
printf 'id,kind,name\na2,person,Bruno B\n' | $TIES --db "$DB" import -q --format csv -; echo "exit $?"
mkfifo "$WORK/x.csv"
(printf 'id,kind,name\na3,person,Chen C\n' >"$WORK/x.csv" &)
$TIES --db "$DB" import -q "$WORK/x.csv"; echo "exit $?"
printf '{"entities": [{"id": "a4", "kind": "person", "name": "Dana D"}]}\n' | $TIES --db "$DB" import -q --format json -; echo "exit $?"
printf 'graph { a5 [kind=person, label="Emil E"] }\n' | $TIES --db "$DB" import -q --format dot -; echo "exit $?"
printf 'id,kind,name\na6,person,Fay F,extra\n' | $TIES --db "$DB" import -q --format csv -; echo "exit $?"
$TIES --db "$DB" list --kind person --format csv
