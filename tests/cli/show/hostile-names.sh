# Names with quotes, <, &, backslashes, newlines, tabs and right-to-left
# overrides come out intact in csv, tsv and json and harmless in the table.
$TIES --db "$DB" add entity h1 --kind hostile --name "$(printf 'Eve "the" <script>&amp; \\back\\slash\nnewline\ttab \342\200\256RTL')" --alias "$(printf 'a,b\\"c')" --country pk
for f in table csv tsv json; do
	echo "== $f"
	$TIES --db "$DB" list --kind hostile --format $f
	$TIES --db "$DB" find --format $f "a,b"
done
echo "== card"
$TIES --db "$DB" show h1
$TIES --db "$DB" show --format json h1
