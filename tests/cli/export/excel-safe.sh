# CSV stays exact for import; --excel-safe puts a ' before a text cell that
# a spreadsheet would run as a formula (= + - @), not before numbers.
printf 'id,kind,name\nf1,person,"=HYPERLINK(""http://example.org"")"\nf2,person,@SUM(A1)\n' >"$WORK/f.csv"
$TIES --db "$DB" import -q "$WORK/f.csv"
$TIES --db "$DB" list --kind person --format csv | grep '^f[12],'
$TIES --db "$DB" list --kind person --format csv --excel-safe | grep '^f[12],'
$TIES --db "$DB" export --format csv --excel-safe -o "$WORK/people"
grep '^f[12],' "$WORK/people/entities.csv"
$TIES --db "$DB" rank --top 1 --format csv --excel-safe
$TIES --db "$DB" list --excel-safe; echo "exit $?"
