. tests/cli/lib.inc
printf 'id,kind,name\na,person,"Ann\nb,person,Bob\n' > "$WORK/e.csv"
try_import "$WORK/e.csv"
