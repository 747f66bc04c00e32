. tests/cli/lib.inc
try_import "$WORK/nothing.csv"
