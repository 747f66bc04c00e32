# The report: one self-contained HTML file with no remote assets, and
# Markdown with the diagram beside it.
$TIES --db "$DB" report -o "$WORK/r.html" --title 'ISSI & ICCA <RAS>'; echo "exit $?"
grep -c 'src="http\|href="http\|<link ' "$WORK/r.html"
grep -o '<title>[^<]*</title>' "$WORK/r.html" | head -n 1
grep -c '<svg' "$WORK/r.html"
grep -o '<h2>[^<]*</h2>' "$WORK/r.html"
grep -c 'class="sortable"' "$WORK/r.html"
grep -c 'id="search"' "$WORK/r.html"
$TIES --db "$DB" report -o "$WORK/r.md"; echo "exit $?"
ls "$WORK" | grep '^r\.'
grep '^## ' "$WORK/r.md"
grep -A3 '^## Ties between countries' "$WORK/r.md"
$TIES --db "$DB" report -o "$WORK/r.txt"; echo "exit $?"
$TIES --db "$DB" report; echo "exit $?"
