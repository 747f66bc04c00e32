. tests/cli/lib.inc
# The first file is fine; the error in the second undoes both.
printf 'id,kind,name\nnew-one,person,New One\n' > "$WORK/a.csv"
printf 'source,target,kind\nnew-one,nobody-here,member_of\n' > "$WORK/b.csv"
try_import "$WORK/a.csv" "$WORK/b.csv"
$TIES --db "$DB" find "new one"
