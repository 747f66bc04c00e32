. tests/cli/lib.inc
printf 'source,target,kind\nMahmood,issi,member_of\n' > "$WORK/r.csv"
try_import "$WORK/r.csv"
