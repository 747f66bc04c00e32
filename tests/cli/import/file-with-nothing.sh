. tests/cli/lib.inc
: > "$WORK/e.csv"
try_import "$WORK/e.csv"
