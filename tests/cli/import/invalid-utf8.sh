. tests/cli/lib.inc
printf 'id,kind,name\na,person,Ann\nb,person,B\377b\n' > "$WORK/e.csv"
try_import "$WORK/e.csv"
