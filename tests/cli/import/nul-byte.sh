. tests/cli/lib.inc
printf 'id,kind,name\na,person,A\000nn\n' > "$WORK/e.csv"
try_import "$WORK/e.csv"
