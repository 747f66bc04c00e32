. tests/cli/lib.inc
printf 'id,kind,name\na,big person,Ann\n' > "$WORK/e.csv"
try_import "$WORK/e.csv"
