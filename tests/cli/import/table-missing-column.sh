. tests/cli/lib.inc
printf 'id,name\na,Ann\n' > "$WORK/e.csv"
try_import --table entities "$WORK/e.csv"
