. tests/cli/lib.inc
printf 'id,kind,name,name\na,person,Ann,Ann\n' > "$WORK/e.csv"
try_import "$WORK/e.csv"
