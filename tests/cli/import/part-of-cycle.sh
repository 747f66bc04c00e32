# part_of is a hierarchy: a cycle, or a unit part_of itself, is refused.
. tests/cli/lib.inc
printf 'source,target,kind\nras,icca-ras-ccas,part_of\n' > "$WORK/r.csv"
try_import "$WORK/r.csv"
printf 'source,target,kind\nras,ras,part_of\n' > "$WORK/r2.csv"
try_import "$WORK/r2.csv"
