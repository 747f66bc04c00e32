. tests/cli/lib.inc
printf 'id,kind,name\na,person,Ann\nb,person,Bob\na,person,Ann again\n' > "$WORK/e.csv"
try_import "$WORK/e.csv"
