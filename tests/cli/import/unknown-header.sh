. tests/cli/lib.inc
printf 'foo,bar\n1,2\n' > "$WORK/x.csv"
try_import "$WORK/x.csv"
