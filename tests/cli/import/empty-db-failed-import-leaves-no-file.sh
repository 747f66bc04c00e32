# import creates a missing database; when the import fails, no file is left.
printf 'id,kind,name,country\na,person,Ann,XX\n' > "$WORK/e.csv"
$TIES --db "$DB" import "$WORK/e.csv"; echo "exit $?"
ls "$WORK" | grep -c test.db
printf 'id,kind,name,country\na,person,Ann,pk\n' > "$WORK/e.csv"
$TIES --db "$DB" import "$WORK/e.csv"; echo "exit $?"
$TIES --db "$DB" list
