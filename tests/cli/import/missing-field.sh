. tests/cli/lib.inc
printf 'id,kind,name,country\na,person,Ann\n' > "$WORK/e.csv"
try_import "$WORK/e.csv"
